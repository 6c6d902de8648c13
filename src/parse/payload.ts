import { InputError } from '../errors.js';
import type { DraftMode, ProspectField, Signal } from '../kernel/types.js';
import { readProspect, readSignal } from './front-matter.js';
import { htmlToText } from './html-text.js';

/** A draft as JSON describes it, after the field names of the various tools are unified. */
export interface Payload {
  subject?: string;
  body: string;
  prospect: Record<string, ProspectField>;
  signal?: Signal;
  mode?: DraftMode;
  /** The object's other keys. */
  attributes: Record<string, unknown>;
  /** True when the body was converted from HTML, so its text is not verbatim in the source. */
  fromHtml: boolean;
}

// Field names as the sequencing tools send or export them: generic {subject, body | html},
// Instantly and Smartlead {email_subject, email_body | email_html | email_text}, Outreach's
// text-editor extension {subject, bodyHtml}.
const SUBJECT_KEYS = ['subject', 'email_subject', 'subject_line', 'emailSubject'];
const TEXT_KEYS = ['body', 'text', 'email_body', 'email_text', 'body_text', 'plain', 'emailBody', 'bodyText'];
const HTML_KEYS = ['html', 'email_html', 'body_html', 'bodyHtml', 'emailHtml'];
const PROSPECT_KEYS = ['prospect', 'lead', 'contact', 'recipient', 'prospect_data', 'lead_data'];

/** A body sent as "body" that is really HTML (an editor's content) is read as HTML. */
const LOOKS_LIKE_HTML = /^\s*<(?:!doctype|html|body|div|p|br|span|table|ul|ol|h[1-6])[\s>/]/i;

/** The problem when an object has no body field; a .json file reader names it to say the file is no draft. */
export const NO_BODY = 'has no "body" or "html"';

/** Reads `{subject, body | html, prospect, signal, mode}` and the same in other tools' spellings. */
export function readPayload(where: string, value: unknown): Payload {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(where, 'is not a JSON object', 'give each draft as {"subject": ..., "body": ...}');
  }
  const obj = value as Record<string, unknown>;
  const pick = (keys: string[], what: string): string | undefined => {
    for (const k of keys) {
      const v = obj[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string') throw new InputError(where, `"${k}" is ${typeof v}, not text`, `give ${what} as a JSON string`);
      return v;
    }
    return undefined;
  };
  const subject = pick(SUBJECT_KEYS, 'the subject');
  let text = pick(TEXT_KEYS, 'the body');
  let html = text === undefined ? pick(HTML_KEYS, 'the HTML body') : undefined;
  if (text !== undefined && LOOKS_LIKE_HTML.test(text)) {
    html = text;
    text = undefined;
  }
  if (text === undefined && html === undefined) {
    throw new InputError(where, NO_BODY, 'add the email text as "body" (plain text) or "html"');
  }
  const payload: Payload = {
    body: (text ?? htmlToText(html!, where)).replace(/\r\n?/g, '\n'),
    prospect: readProspect(where, obj[PROSPECT_KEYS.find((k) => obj[k] !== undefined && obj[k] !== null) ?? 'prospect']),
    attributes: obj,
    fromHtml: text === undefined,
  };
  if (subject !== undefined) payload.subject = subject.replace(/\r?\n/g, ' ');
  const signal = readSignal(where, obj.signal);
  if (signal) payload.signal = signal;
  if (obj.mode === 'draft' || obj.mode === 'template') payload.mode = obj.mode;
  else if (obj.mode !== undefined && obj.mode !== 'auto') {
    throw new InputError(where, `"mode" is ${JSON.stringify(obj.mode)}`, 'use "draft", "template" or "auto"');
  }
  return payload;
}

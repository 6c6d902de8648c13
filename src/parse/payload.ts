import { InputError } from '../errors.js';
import type { DraftMode, ProspectField, Signal } from '../kernel/types.js';
import type { FieldClassifier } from './field-kind.js';
import { readProspect, readSignal } from './front-matter.js';
import { htmlToText } from './html-text.js';
import { atPath } from './json-path.js';

/** rules/payloads.yml: where each tool's payload keeps the subject, body and prospect. */
export interface PayloadData {
  envelopes: Envelope[];
  generic: { subject: string[]; text: string[]; html: string[]; prospect: string[]; flat_prospect: string[] };
  reference_keys: string[];
  field_prefixes: string[];
}

interface Envelope {
  id: string;
  label: string;
  when: string[];
  root?: string;
  subject?: string[];
  text?: string[];
  html?: string[];
  mime?: string[];
  prospect?: string[];
  /** `html` where the tool's text field is a lossy copy of its HTML (Apollo's body_text runs paragraphs together). */
  prefer?: 'text' | 'html';
}

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
  /** The HTML the body was read from, when it was. */
  html?: string;
  /** The envelope it came in (rules/payloads.yml), when it was a tool's own shape. */
  envelope?: string;
  /** A whole MIME message (Gmail's `raw`), to be read as an .eml; body and subject are then empty. */
  mime?: Uint8Array;
}

/** What reading a payload needs: the envelope data and the field aliases of rules/placeholders.yml. */
export interface PayloadEnv {
  data: PayloadData;
  fields: FieldClassifier;
}

/** The problem when an object has no body field; a .json file reader names it to say the file is no draft. */
export const NO_BODY = 'has no "body" or "html"';

/** Tags of email HTML: any one of them makes a body HTML, wherever it stands ("Dana,<br><br>…"). */
const HTML_TAG =
  /<\/?(?:!doctype|html|head|body|meta|style|title|div|p|br|hr|span|a|b|i|u|s|em|strong|small|font|center|img|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|blockquote|pre|code|section|article|header|footer|sub|sup)(?=[\s>/])[^<>]*>/i;

/**
 * Reads `{subject, body | html, prospect, signal, mode}` and the sequencing tools' own shapes
 * (rules/payloads.yml): Outreach's JSON:API, HubSpot's properties, Gmail's raw MIME, Apollo's
 * emailer objects, flat webhook leads. An empty text field falls through to the HTML one; a
 * refusal names the JSON paths it looked at and what it found there.
 */
/**
 * Paths the caller names for a payload whose layout no envelope knows, such as a HubSpot
 * workflow webhook that carries the draft in contact properties of the account's own naming
 * (`--json-body properties.sales_draft_body`, or `?body=` on the HTTP endpoint).
 */
export interface PayloadPaths {
  subject?: string;
  body?: string;
  prospect?: string;
}

export function readPayload(where: string, value: unknown, env: PayloadEnv, named: PayloadPaths = {}): Payload {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(where, 'is not a JSON object', 'give each draft as {"subject": ..., "body": ...}');
  }
  const top = value as Record<string, unknown>;
  const { data } = env;
  const known = data.envelopes.find((e) => e.when.every((p) => present(atPath(top, p))));
  const envelope = withNamedPaths(known, named);
  const rootPath = envelope?.root ?? '';
  const rootValue = rootPath ? atPath(top, rootPath) : top;
  const root = (rootValue !== null && typeof rootValue === 'object' && !Array.isArray(rootValue) ? rootValue : {}) as Record<string, unknown>;
  const paths = (own: string[] | undefined, generic: string[]) => [
    ...new Set([...(own ?? []).map((p) => resolvePath(rootPath, p)), ...generic.map((p) => joinPath(rootPath, p))]),
  ];
  const seen: string[] = [];
  const pick = (candidates: string[], what: string) => pickText(top, candidates, what, where, seen);

  const prospect = readPayloadProspect(where, top, root, envelope, rootPath, env);
  const mimePath = envelope?.mime?.find((p) => typeof atPath(top, p) === 'string');
  if (mimePath)
    return { body: '', prospect, attributes: root, fromHtml: false, envelope: envelope!.id, mime: decodeRaw(where, mimePath, atPath(top, mimePath) as string) };

  const subject = pick(paths(envelope?.subject, data.generic.subject), 'the subject');
  const htmlPaths = paths(envelope?.html, data.generic.html);
  let html = envelope?.prefer === 'html' ? pick(htmlPaths, 'the HTML body') : undefined;
  let text = html === undefined ? pick(paths(envelope?.text, data.generic.text), 'the body') : undefined;
  if (html === undefined && (text === undefined || HTML_TAG.test(text))) html = pick(htmlPaths, 'the HTML body');
  if (text !== undefined && HTML_TAG.test(text)) {
    html ??= text;
    text = undefined;
  }
  if (html !== undefined && !HTML_TAG.test(html) && text === undefined) {
    // An HTML field may hold plain text; read it as it is.
    text = html;
    html = undefined;
  }
  if (text === undefined && html === undefined) throw noBody(where, seen, rootPath);
  const body = (text ?? htmlToText(html!, where)).replace(/\r\n?/g, '\n');
  if (!body.trim())
    throw new InputError(
      where,
      `the body (${seen[seen.length - 1] ?? 'body'}) holds no text once its HTML is read`,
      'send the email text in "body"',
      seen[seen.length - 1],
    );
  const payload: Payload = { body, prospect, attributes: root, fromHtml: text === undefined };
  if (html !== undefined && text === undefined) payload.html = html;
  if (envelope) payload.envelope = envelope.id;
  if (subject !== undefined) payload.subject = subject.replace(/\r?\n/g, ' ');
  const signal = readSignal(where, top.signal ?? root.signal);
  if (signal) payload.signal = signal;
  const mode = top.mode ?? root.mode;
  if (mode === 'draft' || mode === 'template') payload.mode = mode;
  else if (mode !== undefined && mode !== 'auto') throw new InputError(where, `"mode" is ${JSON.stringify(mode)}`, 'use "draft", "template" or "auto"', 'mode');
  return payload;
}

/** The envelope with the caller's own paths tried first (from the top of the payload). */
function withNamedPaths(envelope: Envelope | undefined, named: PayloadPaths): Envelope | undefined {
  if (!named.subject && !named.body && !named.prospect) return envelope;
  const first = (path: string | undefined, rest: string[] | undefined) => [...(path ? [`/${path}`] : []), ...(rest ?? [])];
  const base: Envelope = envelope ?? { id: 'named', label: 'paths named by the caller', when: [] };
  return {
    ...base,
    subject: first(named.subject, base.subject),
    text: first(named.body, base.text),
    html: first(named.body, base.html),
    prospect: first(named.prospect, base.prospect),
  };
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function joinPath(root: string, path: string): string {
  return root ? `${root}.${path}` : path;
}

/** An envelope's own path: from the top when it starts with `/`, else inside its root. */
function resolvePath(root: string, path: string): string {
  return path.startsWith('/') ? path.slice(1) : joinPath(root, path);
}

/** `{ value: "…" }`, HubSpot's older property form, is its value. */
function unwrap(v: unknown): unknown {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'value' in v ? (v as { value: unknown }).value : v;
}

/**
 * The first candidate path that holds non-empty text. What the others held is noted in
 * `seen` ("data.attributes.bodyText is empty") for the refusal when none does.
 */
function pickText(top: unknown, candidates: string[], what: string, where: string, seen: string[]): string | undefined {
  for (const path of candidates) {
    const v = unwrap(atPath(top, path));
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      if (v.trim()) return v;
      seen.push(`${path} is empty`);
    } else if (typeof v === 'object') {
    } else {
      throw new InputError(where, `"${path}" is ${typeof v}, not text`, `give ${what} as a JSON string`, path);
    }
  }
  return undefined;
}

function noBody(where: string, seen: string[], rootPath: string): InputError {
  if (seen.length === 0) {
    const inside = rootPath ? ` in ${rootPath}` : '';
    return new InputError(where, `${NO_BODY}${inside}`, 'add the email text as "body" (plain text) or "html"');
  }
  return new InputError(
    where,
    `${seen.join('; ')}, and no other body field holds text`,
    'send the email text in one of them; an empty email cannot be checked',
    seen[0]!.replace(/ is empty$/, ''),
  );
}

/** Gmail's `raw`: the whole message, base64url-encoded. */
function decodeRaw(where: string, path: string, raw: string): Uint8Array {
  if (!/^[A-Za-z0-9_\-+/=\s]+$/.test(raw)) throw new InputError(where, `"${path}" is not base64url`, 'send the message as Gmail gives it (format=raw)', path);
  // atob rather than Buffer: parsing runs in the browser extension too.
  const b64 = raw.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    throw new InputError(where, `"${path}" is not base64url`, 'send the message as Gmail gives it (format=raw)', path);
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The prospect: the first object at a prospect path that is not a mere reference ({id, _href}),
 * or an address given as a string (`lead: "dana@…"`), then the lead fields laid flat in the
 * root. Keys are mapped through the field aliases (`firstname`, `organization_name`,
 * `leadFirstName`); null and empty values are left out, since no merge field shows them.
 */
function readPayloadProspect(
  where: string,
  top: Record<string, unknown>,
  root: Record<string, unknown>,
  envelope: Envelope | undefined,
  rootPath: string,
  env: PayloadEnv,
): Record<string, ProspectField> {
  const out: Record<string, string> = {};
  const add = (rawKey: string, v: unknown) => {
    const value = unwrap(v);
    if (value === null || value === undefined || typeof value === 'object') return;
    const text = String(value).trim();
    const key = canonicalField(rawKey, env);
    if (!text || !key || key in out) return;
    out[key] = text;
  };
  const references = new Set(env.data.reference_keys);
  const candidates = [...(envelope?.prospect ?? []).map((p) => resolvePath(rootPath, p)), ...env.data.generic.prospect.map((p) => joinPath(rootPath, p))];
  for (const path of candidates) {
    const v = path === '' ? top : atPath(top, path);
    if (typeof v === 'string' && /@/.test(v)) {
      add('email', v);
      break;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
    const keys = Object.keys(v);
    if (keys.length === 0 || keys.every((k) => references.has(k))) continue;
    const before = Object.keys(out).length;
    for (const k of keys) add(k, (v as Record<string, unknown>)[k]);
    if (Object.keys(out).length > before) break;
  }
  for (const k of env.data.generic.flat_prospect) if (k in root) add(k, root[k]);
  return readProspect(where, out);
}

/** A payload key as a prospect field name, or undefined when it is not one of the known fields. */
function canonicalField(rawKey: string, env: PayloadEnv): string | undefined {
  const direct = env.fields.classify(rawKey);
  if (direct.known && direct.kind === 'profile') return direct.name;
  const words = rawKey
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  while (words.length > 1 && env.data.field_prefixes.includes(words[0]!)) {
    words.shift();
    const inner = env.fields.classify(words.join('_'));
    if (inner.known && inner.kind === 'profile') return inner.name;
  }
  return undefined;
}

import type { Draft } from '../kernel/types.js';
import { buildDraft, type ParseEnv } from './build-draft.js';
import type { Payload } from './payload.js';
import { anchorPart, LineIndex, slicePart } from './source-map.js';

/**
 * A draft from a JSON payload (HTTP request or library call). Positions count in the text the
 * caller sent, laid out like a .txt draft: line 1 is the subject, the body starts on line 3
 * (line 1 when there is no subject).
 */
export function draftFromPayload(name: string, payload: Payload, env: ParseEnv): Draft {
  const head = payload.subject !== undefined ? `Subject: ${payload.subject}\n\n` : '';
  const source = head + payload.body;
  const index = new LineIndex(source);
  const subjectStart = 'Subject: '.length;
  return buildDraft(
    {
      filePath: name,
      format: payload.fromHtml ? 'html' : 'text',
      source,
      ...(payload.subject !== undefined ? { subject: slicePart(index, subjectStart, subjectStart + payload.subject.length) } : {}),
      body: slicePart(index, head.length, source.length),
      // The markup is not in the text the positions count in: its findings point at the text it became.
      ...(payload.html !== undefined ? { html: anchorPart(index, payload.html, head.length) } : {}),
      prospect: payload.prospect,
      ...(payload.signal ? { signal: payload.signal } : {}),
      ...(payload.mode ? { mode: payload.mode } : {}),
      attributes: payload.attributes,
      fallbackAnchor: { line: 1, column: 1 },
    },
    env,
  );
}

/** A payload's draft: its own text, or the MIME message it carries (Gmail's `raw`) read as an .eml. */
export async function draftOf(name: string, payload: Payload, env: ParseEnv): Promise<Draft> {
  if (!payload.mime) return draftFromPayload(name, payload, env);
  const { parseEmlDraft } = await import('./eml-draft.js');
  const draft = await parseEmlDraft(name, payload.mime, env, { prospect: payload.prospect });
  if (payload.signal) draft.signal = payload.signal;
  return draft;
}

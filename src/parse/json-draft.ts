import type { Draft } from '../kernel/types.js';
import { InputError, isInputError } from '../errors.js';
import { buildDraft, type ParseEnv } from './build-draft.js';
import { NO_BODY, readPayload, type Payload, type PayloadPaths } from './payload.js';
import { anchorPart, LineIndex } from './source-map.js';
import { draftOf } from './payload-draft.js';

/** A .json file holding one draft object or an array of them. */
export async function parseJsonDrafts(filePath: string, source: string, env: ParseEnv, named: PayloadPaths = {}): Promise<Draft[]> {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (e) {
    throw new InputError(filePath, `is not valid JSON (${(e as Error).message})`, 'fix the JSON syntax, or give the draft as .txt/.md');
  }
  if (value === null || typeof value !== 'object') throw notADraft(filePath, NOT_A_DRAFT);
  const index = new LineIndex(source);
  const many = Array.isArray(value);
  const items = many ? (value as unknown[]) : [value];
  const starts = many ? elementStarts(source) : [0];
  const drafts: Draft[] = [];
  for (const [i, item] of items.entries()) {
    const where = many ? `${filePath}[${i}]` : filePath;
    const payload = many ? readPayload(where, item, env.payloads, named) : readWholeFile(filePath, item, env, named);
    const from = starts[i] ?? 0;
    if (payload.mime) {
      // A message carried whole (Gmail's raw): positions count in the decoded message.
      drafts.push(Object.assign(await draftOf(filePath, payload, env), many ? { index: i } : {}));
      continue;
    }
    drafts.push(
      buildDraft(
        {
          filePath,
          format: 'json',
          source,
          ...(payload.subject !== undefined ? { subject: anchorPart(index, payload.subject, from) } : {}),
          body: anchorPart(index, payload.body, from),
          prospect: payload.prospect,
          ...(payload.signal ? { signal: payload.signal } : {}),
          ...(payload.mode ? { mode: payload.mode } : {}),
          attributes: payload.attributes,
          ...(many ? { index: i } : {}),
          fallbackAnchor: index.position(from),
        },
        env,
      ),
    );
  }
  return drafts;
}

/**
 * A file that is one object without a body is most likely some other JSON (a config file the
 * glob or a pre-commit hook took in): say that, and what a draft looks like.
 */
function readWholeFile(filePath: string, value: unknown, env: ParseEnv, named: PayloadPaths): Payload {
  try {
    return readPayload(filePath, value, env.payloads, named);
  } catch (e) {
    if (isInputError(e) && e.problem === NO_BODY) throw notADraft(filePath, `${NO_BODY}, so it ${NOT_A_DRAFT}`);
    throw e;
  }
}

const NOT_A_DRAFT = 'is JSON but not a draft: expected an object with a "body" (or "text", "email_body", "html", …) field, or an array of them';

function notADraft(filePath: string, problem: string): InputError {
  return new InputError(filePath, problem, 'add the email text as "body", or leave the file out if it is no draft (a config file, say)');
}

/** Offsets where each element of a top-level JSON array begins. */
function elementStarts(source: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectValue && !/\s/.test(c)) {
      out.push(i);
      expectValue = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectValue = true;
  }
  return out;
}

import type { Draft, DraftFormat } from '../kernel/types.js';
import { buildDraft, type ParseEnv } from './build-draft.js';
import { readFrontMatter } from './front-matter.js';
import { LineIndex, slicePart } from './source-map.js';

const SUBJECT = /^[ \t]*subject[ \t]*:[ \t]*/i;

/** A .txt or .md draft: optional YAML front matter, an optional `Subject:` line, the body. */
export function parseTextDraft(filePath: string, source: string, format: DraftFormat, env: ParseEnv): Draft {
  const index = new LineIndex(source);
  const fm = readFrontMatter(filePath, index);
  let bodyStart = fm?.contentStart ?? 0;
  let subject: ReturnType<typeof slicePart> | undefined;

  const rest = source.slice(bodyStart);
  const lead = /^(?:[ \t]*\r?\n)*/.exec(rest)![0].length;
  const subjectMatch = SUBJECT.exec(rest.slice(lead));
  if (subjectMatch) {
    const lineStart = bodyStart + lead;
    const nl = source.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? source.length : nl;
    const textEnd = source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    subject = slicePart(index, lineStart + subjectMatch[0].length, Math.max(textEnd, lineStart + subjectMatch[0].length));
    subject.text = subject.text.trimEnd();
    bodyStart = nl < 0 ? source.length : nl + 1;
  }

  const body = slicePart(index, bodyStart, source.length);
  return buildDraft(
    {
      filePath,
      format,
      source,
      ...(subject ? { subject } : {}),
      body,
      ...(fm ? { prospect: fm.prospect } : {}),
      ...(fm?.signal ? { signal: fm.signal } : {}),
      ...(fm?.mode ? { mode: fm.mode } : {}),
      ...(fm ? { attributes: fm.data } : {}),
      fallbackAnchor: index.position(bodyStart),
    },
    env,
  );
}

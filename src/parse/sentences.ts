import type { Region } from '../kernel/types.js';

/** A unit of an email a reader takes in one go: a sentence, a bullet, the greeting or the sign-off. */
export interface Unit {
  kind: 'sentence' | 'bullet' | 'greeting' | 'signoff';
  start: number;
  end: number;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'inc', 'ltd', 'co', 'corp', 'llc', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'approx',
  'no', 'nos', 'a.m', 'p.m', 'u.s', 'u.k', 'e.u', 'incl', 'dept', 'est', 'fig', 'mt', 'p.s', 'p.p.s', 'cf', 'al', 'ca', 'min', 'max', 'avg', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'q',
]);

const BULLET = /^[ \t]*(?:[-*•–·▪◦]|\d{1,2}[.)])[ \t]+/;
/** Sentence end: terminal punctuation, closing quotes or brackets, then space. */
const END = /[.!?…]+["'”’)\]]*(?=\s)/g;

/**
 * Splits an email body into the units rules compare: blank lines and bullets always break,
 * the greeting and sign-off are units of their own, and a full stop after an abbreviation
 * ("e.g.", "Inc.", "a.m.") or inside a number ("$1.5M") does not end a sentence. Quoted
 * replies, signatures and footers are left out.
 */
export function segmentUnits(text: string, regions: Region[]): Unit[] {
  const units: Unit[] = [];
  const skip = regions.filter((r) => r.kind === 'quote' || r.kind === 'signature' || r.kind === 'footer');
  const own = regions.filter((r) => r.kind === 'greeting' || r.kind === 'signoff');
  for (const r of own) units.push({ kind: r.kind as 'greeting' | 'signoff', ...trimSpan(text, r.start, r.end) });
  const blocked = [...skip, ...own].sort((a, b) => a.start - b.start);

  let lineStart = 0;
  let chunk: { start: number; end: number; bullet: boolean } | undefined;
  const flush = () => {
    if (chunk) units.push(...splitSentences(text, chunk.start, chunk.end, chunk.bullet));
    chunk = undefined;
  };
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const inBlocked = blocked.some((r) => lineStart >= r.start && lineStart < r.end);
    if (inBlocked || line.trim() === '') {
      flush();
    } else {
      const bullet = BULLET.exec(line);
      if (bullet) {
        flush();
        chunk = { start: lineStart + bullet[0].length, end: lineEnd, bullet: true };
      } else if (chunk && !/[:.!?…]["'”’)\]]*\s*$/.test(text.slice(chunk.start, chunk.end))) {
        chunk.end = lineEnd;
      } else {
        flush();
        chunk = { start: lineStart, end: lineEnd, bullet: false };
      }
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  flush();
  return units.filter((u) => u.end > u.start).sort((a, b) => a.start - b.start);
}

function splitSentences(text: string, start: number, end: number, bullet: boolean): Unit[] {
  const out: Unit[] = [];
  const chunk = text.slice(start, end);
  let from = 0;
  END.lastIndex = 0;
  for (let m = END.exec(chunk); m; m = END.exec(chunk)) {
    const before = chunk.slice(from, m.index);
    const word = /(?:^|\s)([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    const next = chunk.slice(m.index + m[0].length).trimStart();
    if (m[0].startsWith('.') && m[0].length === 1 && (ABBREVIATIONS.has(word.replace(/\.$/, '')) || /^\p{L}$/u.test(word))) continue;
    if (next && !/^[\p{Lu}\p{N}"'“‘({[*%$£€]/u.test(next)) continue;
    const cut = m.index + m[0].length;
    out.push({ kind: bullet && out.length === 0 ? 'bullet' : 'sentence', ...trimSpan(text, start + from, start + cut) });
    from = cut;
  }
  if (from < chunk.length) out.push({ kind: bullet && out.length === 0 ? 'bullet' : 'sentence', ...trimSpan(text, start + from, end) });
  return out.filter((u) => u.end > u.start);
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

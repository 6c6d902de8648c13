import type { Region } from '../kernel/types.js';

/** A unit of an email a reader takes in one go: a sentence, a bullet, the greeting or the sign-off. */
export interface Unit {
  kind: 'sentence' | 'bullet' | 'greeting' | 'signoff';
  start: number;
  end: number;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'llc',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'approx',
  'no',
  'nos',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
  'e.u',
  'incl',
  'dept',
  'est',
  'fig',
  'mt',
  'p.s',
  'p.p.s',
  'cf',
  'al',
  'ca',
  'min',
  'max',
  'avg',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
  'q',
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
  // Lines come in order, so the regions are walked once: `cover` is the furthest end of the
  // regions that start at or before the current line.
  let next = 0;
  let cover = -1;

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
    while (next < blocked.length && blocked[next]!.start <= lineStart) cover = Math.max(cover, blocked[next++]!.end);
    const inBlocked = lineStart < cover;
    if (inBlocked && cover < lineEnd && text.slice(cover, lineEnd).trim() !== '') {
      // A greeting that shares its line ("Hi Sean, I saw…"): the rest of the line is message.
      flush();
      chunk = { start: cover, end: lineEnd, bullet: false };
    } else if (inBlocked || line.trim() === '') {
      flush();
    } else {
      const bullet = BULLET.exec(line);
      if (bullet) {
        flush();
        chunk = { start: lineStart + bullet[0].length, end: lineEnd, bullet: true };
      } else if (chunk && !endsClause(text, chunk.start, chunk.end)) {
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
    const word = wordBefore(chunk, from, m.index);
    const next = firstAfter(chunk, m.index + m[0].length);
    if (m[0].startsWith('.') && m[0].length === 1 && (ABBREVIATIONS.has(word.replace(/\.$/, '')) || /^\p{L}$/u.test(word))) continue;
    // A link after a question or exclamation starts a new unit: "Would you star it? https://…".
    const link = m[0].startsWith('.') ? false : /^(?:https?:\/\/|www\.)/.test(chunk.slice(m.index + m[0].length).trimStart());
    if (next && !link && !/^[\p{Lu}\p{N}"'“‘({[*%$£€]/u.test(next)) continue;
    const cut = m.index + m[0].length;
    out.push({ kind: bullet && out.length === 0 ? 'bullet' : 'sentence', ...trimSpan(text, start + from, start + cut) });
    from = cut;
  }
  if (from < chunk.length) out.push({ kind: bullet && out.length === 0 ? 'bullet' : 'sentence', ...trimSpan(text, start + from, end) });
  return out.filter((u) => u.end > u.start);
}

// The helpers below look only at the few characters next to a position: a regular expression
// anchored at the end of a slice, or a slice of everything after a stop, made splitting grow
// with the square of a paragraph's length.

/** The longest abbreviation is a handful of characters; a longer word is no abbreviation. */
const MAX_WORD = 24;

/** The word (letters and dots) that ends at `end`, lowercased; '' when there is none or it is too long to be an abbreviation. */
function wordBefore(s: string, from: number, end: number): string {
  let i = end;
  while (i > from && end - i <= MAX_WORD && /[\p{L}.]/u.test(s[i - 1]!)) i--;
  if (end - i > MAX_WORD) return '';
  if (i > from && !/\s/.test(s[i - 1]!)) return '';
  return s.slice(i, end).toLowerCase();
}

/** The first character (a whole code point) after `at` that is not white space, or ''. */
function firstAfter(s: string, at: number): string {
  let i = at;
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i < s.length ? String.fromCodePoint(s.codePointAt(i)!) : '';
}

/** Whether [start, end) ends a clause: terminal punctuation or a colon, then closing quotes or brackets, then white space. */
function endsClause(s: string, start: number, end: number): boolean {
  let i = end;
  while (i > start && /\s/.test(s[i - 1]!)) i--;
  while (i > start && /["'”’)\]]/.test(s[i - 1]!)) i--;
  return i > start && /[:.!?…]/.test(s[i - 1]!);
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

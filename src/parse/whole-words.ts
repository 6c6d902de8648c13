/** An occurrence of one of the values searched for. */
export interface WholeWordHit {
  start: number;
  end: number;
  /** The value that matched, lowercased. */
  value: string;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where any of `values` stands in `text` as whole words ("Acme", not the "acme" of "Acmeco"),
 * ignoring case; at each place the longest value wins and hits never overlap, as a regular
 * expression of longest-first alternatives would give. Done with indexOf rather than such an
 * expression: a regular expression with Unicode lookarounds costs about a millisecond to
 * compile, and these are built afresh for every draft's prospect values.
 */
export function findWholeWords(text: string, values: Iterable<string>): WholeWordHit[] {
  const { lower, toOriginal } = lowered(text);
  const found: WholeWordHit[] = [];
  for (const raw of new Set([...values].map((v) => v.toLowerCase()))) {
    if (!raw) continue;
    for (let at = lower.indexOf(raw); at >= 0; at = lower.indexOf(raw, at + 1)) {
      const start = toOriginal(at);
      const end = toOriginal(at + raw.length);
      if (isWordCharBefore(text, start) || isWordCharAt(text, end)) continue;
      found.push({ start, end, value: raw });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: WholeWordHit[] = [];
  for (const hit of found) if (out.length === 0 || hit.start >= out[out.length - 1]!.end) out.push(hit);
  return out;
}

/** Whether `value` stands anywhere in `text` as a whole word, ignoring case. */
export function hasWholeWord(text: string, value: string): boolean {
  return findWholeWords(text, [value]).length > 0;
}

/**
 * The text lowercased, with a way back to offsets in the original: a few characters ("İ")
 * lowercase to two code units, and then offsets shift.
 */
function lowered(text: string): { lower: string; toOriginal: (i: number) => number } {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return { lower, toOriginal: (i) => i };
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const l = ch.toLowerCase();
    for (let k = 0; k < l.length; k++) origin.push(i);
    out += l;
    i += ch.length;
  }
  origin.push(text.length);
  return { lower: out, toOriginal: (i) => origin[i]! };
}

function isWordCharAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

function isWordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const low = text.charCodeAt(i - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(from)!));
}

import { lowerBound } from '../kernel/sorted-spans.js';
import { StemPhraseMatcher, type StemToken } from './stem-phrases.js';

// Words for phrase matching: hyphens and other punctuation separate, apostrophes join.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/** A text's words as phrase lists are matched on: lower case, curly apostrophes straight, with their offsets. */
export function phraseWords(text: string): StemToken[] {
  const out: StemToken[] = [];
  const norm = text.replace(/[’‘]/g, "'");
  WORD.lastIndex = 0;
  for (let m = WORD.exec(norm); m; m = WORD.exec(norm)) {
    const w = m[0].toLowerCase();
    out.push({ text: w, stem: w, raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A matcher for a phrase list written in a rules file, word by word as written: phrases are
 * walked through a trie, never turned into regular expressions, so data cannot make matching
 * slow. A hyphen separates words ("opt-out" is "opt out"), as it does in the text.
 */
export function phraseListMatcher<T>(phrases: Iterable<readonly [string, T]>): StemPhraseMatcher<T> {
  const m = new StemPhraseMatcher<T>('word');
  for (const [phrase, value] of phrases) m.add(phrase.replace(/[’‘]/g, "'").replace(/-/g, ' ').toLowerCase(), value);
  return m;
}

/** A phrase found in a text, with its offsets. */
export interface PhraseMatch<T> {
  value: T;
  start: number;
  end: number;
}

const SENTENCE_BREAK = new Set(['.', '!', '?', '\n']);

/**
 * Finds a list's phrases in a text: the longest match at each word, none that sits wholly
 * inside another, none across a blank line, and one per phrase per sentence ("hope this email
 * finds you well" is one finding, while "we help companies" and "companies like yours" are two).
 */
export function findPhrases<T>(text: string, matcher: StemPhraseMatcher<T>): PhraseMatch<T>[] {
  const ws = phraseWords(text);
  const out: PhraseMatch<T>[] = [];
  // Hits come in text order, so a hit lies inside an earlier one exactly when the furthest
  // end so far reaches past it, and a repeat need only be compared with the last match of
  // its phrase: comparing with every earlier match was quadratic in a long draft.
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) if (SENTENCE_BREAK.has(text[i]!)) breaks.push(i);
  const lastOf = new Map<T, number>();
  let furthest = -1;
  for (const hit of matcher.find(ws)) {
    const m = { value: hit.value, start: ws[hit.from]!.start, end: ws[hit.to - 1]!.end };
    if (/\n\s*\n/.test(text.slice(m.start, m.end))) continue;
    const last = lastOf.get(hit.value);
    const repeat = last !== undefined && !(last < m.start && lowerBound(breaks, last) < lowerBound(breaks, m.start));
    if (furthest >= m.end || repeat) continue;
    out.push(m);
    furthest = Math.max(furthest, m.end);
    lastOf.set(hit.value, Math.max(last ?? -1, m.end));
  }
  return out;
}

import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';

/** A word of email text, lowercased, with where it stands. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Letters or digits, with inner apostrophes ("you're") and inner dots or commas in numbers ("1.5").
// A comma joins digits ("72,000") but not words: "Vanessa,Thank" is two.
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+|(?<=\p{N}),\p{N}+)*/gu;

/**
 * Words with their offsets. Unlike natural's WordTokenizer it keeps accents ("Grüße"),
 * apostrophes ("we're") and numbers ("$1.5M" gives "1.5m") intact.
 */
export function wordTokens(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    out.push({ text: normalWord(m[0]), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

/** The first word of a text as wordTokens would give it, without tokenising the rest. */
export function firstToken(text: string): string | undefined {
  WORD.lastIndex = 0;
  const m = WORD.exec(text);
  return m ? normalWord(m[0]) : undefined;
}

function normalWord(raw: string): string {
  return raw.toLowerCase().replace(/’/g, "'");
}

const STOP = new Set([
  ...naturalStopwords,
  "i'm",
  "i'd",
  "i'll",
  "i've",
  "we're",
  "we'd",
  "we'll",
  "we've",
  "you're",
  "you'd",
  "you'll",
  "you've",
  "it's",
  "that's",
  "there's",
  "let's",
  "don't",
  "can't",
  "won't",
  "isn't",
  "didn't",
  "doesn't",
  'hi',
  'hello',
  'hey',
  'thanks',
  'thank',
]);

export function isStopword(word: string): boolean {
  return STOP.has(word);
}

const memo = new Map<string, string>();

/** Porter stem (natural's), memoised. */
/** Words longer than this are not stemmed. */
export const MAX_STEM_LENGTH = 32;

export function stem(word: string): string {
  let s = memo.get(word);
  if (s === undefined) {
    // No English word is this long; natural's Porter rules are quadratic on a long run of
    // consonants, so such a token is kept as written.
    s = word.length > MAX_STEM_LENGTH || /^slot/.test(word) || /\d/.test(word) ? word : porter.stem(word.replace(/'/g, ''));
    if (memo.size < 200_000) memo.set(word, s);
  }
  return s;
}

/** Stems of the words that carry content: no stopwords, no single letters. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of wordTokens(text)) {
    if (!/\d/.test(t.text) && (t.text.length < 2 || isStopword(t.text))) continue;
    out.push(stem(t.text));
  }
  return out;
}

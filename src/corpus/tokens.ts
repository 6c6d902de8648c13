import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';
import { packageRoot } from '../rules/data.js';

/** A word of email text, lowercased, with where it stands. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Letters or digits, with inner apostrophes ("you're") and inner dots or commas in numbers ("1.5").
const WORD = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu;

/**
 * Words with their offsets. Unlike natural's WordTokenizer it keeps accents ("Grüße"),
 * apostrophes ("we're") and numbers ("$1.5M" gives "1.5m") intact.
 */
export function wordTokens(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    out.push({ text: m[0].toLowerCase().replace(/’/g, "'"), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

const STOP = new Set([...naturalStopwords, "i'm", "i'd", "i'll", "i've", "we're", "we'd", "we'll", "we've", "you're", "you'd", "you'll", "you've", "it's", "that's", "there's", "let's", "don't", "can't", "won't", "isn't", "didn't", "doesn't", 'hi', 'hello', 'hey', 'thanks', 'thank']);

export function isStopword(word: string): boolean {
  return STOP.has(word);
}

let stems: Map<string, string> | undefined;
let porter: { stem(word: string): string } | undefined;

/**
 * Porter stem, memoised. The build writes the stems of every word in the rule data and the
 * shipped corpus to dist/data/stems.json, so a cold lint loads the stemmer only for words
 * it has not seen.
 */
export function stem(word: string): string {
  stems ??= seedStems();
  let s = stems.get(word);
  if (s === undefined) {
    porter ??= createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
    s = /^slot/.test(word) || /\d/.test(word) ? word : porter.stem(word.replace(/'/g, ''));
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}

function seedStems(): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(join(packageRoot, 'dist', 'data', 'stems.json'), 'utf8')) as Record<string, string>));
  } catch {
    return new Map();
  }
}

/** Every memoised stem, for the build to save. */
export function knownStems(): Record<string, string> {
  return Object.fromEntries(stems ?? []);
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

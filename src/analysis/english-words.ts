import { hash32 } from '../corpus/features.js';
import { Provided } from '../kernel/provided.js';

/**
 * Which lowercase words are English, so that one which is not ("shadcn", "doltgresql",
 * "infracost") can be read as the name of a thing even when nobody capitalised it. The
 * build writes a Bloom filter of the word-list package's 274,000 words (inflections
 * included) to dist/data; the shell says how to read it (provideWordFilter) and it is read on first use. 8 Mi bits (1 MiB) and ten hashes:
 * about three unknown words in a million are taken for English, so even the few hundred
 * lookups of a typo check (isEnglishLike) almost never go wrong, and when one does it costs
 * an anchor, never adds one.
 */
export const WORD_FILTER_BITS = 1 << 23;
const HASHES = 10;

function positions(word: string): number[] {
  // Double hashing: h1 + i*h2 gives k independent-enough positions from two hashes.
  const h1 = hash32(word);
  const h2 = hash32(word, 0x2f1b_9c3d) | 1;
  const out: number[] = [];
  for (let i = 0; i < HASHES; i++) out.push(((h1 + Math.imul(i, h2)) >>> 0) & (WORD_FILTER_BITS - 1));
  return out;
}

/** The filter's bytes for a list of words: what the build writes. */
export function buildWordFilter(words: Iterable<string>): Uint8Array {
  const bits = new Uint8Array(WORD_FILTER_BITS / 8);
  for (const w of words) for (const p of positions(w)) bits[p >>> 3]! |= 1 << (p & 7);
  return bits;
}

const shippedFilter = new Provided<Uint8Array>();

/** How to get the filter's bytes: set by the shell, so this module reads nothing itself. */
export function provideWordFilter(load: () => Uint8Array | undefined): void {
  shippedFilter.provide(load);
}

/**
 * Whether `word` (lowercase) is an English word. Without the built filter every word counts
 * as English, so no lowercase word is taken for a name.
 */
export function isEnglishWord(word: string): boolean {
  const filter = shippedFilter.get();
  if (!filter) return true;
  return positions(word).every((p) => (filter[p >>> 3]! & (1 << (p & 7))) !== 0);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Whether an unknown lowercase word is still English: a typo one edit from a word
 * ("developper", "knowldge") or two words run together ("rulebook", "infographic"). Such a
 * word is no name, however few lists know it.
 */
export function isEnglishLike(word: string): boolean {
  if (isEnglishWord(word)) return true;
  // A short word one edit from English is as likely a name ("dask", "rica") as a typo.
  if (word.length < 7) return false;
  for (let i = 0; i < word.length; i++) {
    if (isEnglishWord(word.slice(0, i) + word.slice(i + 1))) return true;
    if (i + 1 < word.length && isEnglishWord(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))) return true;
  }
  for (let i = 0; i <= word.length; i++) {
    for (const c of LETTERS) {
      if (isEnglishWord(word.slice(0, i) + c + word.slice(i))) return true;
      if (i < word.length && c !== word[i] && isEnglishWord(word.slice(0, i) + c + word.slice(i + 1))) return true;
    }
  }
  // Both halves at least four letters: "tidelift" would split, "shadcn" would not.
  for (let i = 4; i <= word.length - 4; i++) if (isEnglishWord(word.slice(0, i)) && isEnglishWord(word.slice(i))) return true;
  return false;
}

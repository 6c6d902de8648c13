import { contentStems, wordTokens } from './tokens.js';

/**
 * The terms a message is compared on: stemmed content words and pairs of neighbouring
 * content words. Pairs catch phrasing ("quick call", "compani like") that single words miss;
 * stopwords are left out so "the" and "to" cannot make two emails look alike.
 */
export function featureCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const stems = contentStems(line);
    for (let i = 0; i < stems.length; i++) {
      bump(counts, stems[i]!);
      if (i + 1 < stems.length) bump(counts, `${stems[i]} ${stems[i + 1]}`);
    }
  }
  return counts;
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** A sentence as the sentence index keys it: every word, lowercased, slots kept. */
export function sentenceKey(text: string): string {
  return wordTokens(text)
    .map((t) => t.text)
    .join(' ');
}

/** Word 3-grams of a sentence key, hashed; a short sentence is one shingle. */
export function shingles(key: string): number[] {
  const words = key.split(' ');
  if (words.length < 3) return [hash32(key)];
  const out: number[] = [];
  for (let i = 0; i + 3 <= words.length; i++) out.push(hash32(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  return [...new Set(out)];
}

/**
 * How alike two sentence keys are, as the sentence index scores a candidate: 1 when the
 * words are the same, else their character-bigram similarity. The index reaches candidates
 * through shared 3-grams first (see `sharesHalfTheShingles`), so only this rescoring is dear.
 */
export function keySimilarity(key: string, other: string, dice: (a: string, b: string) => number): number {
  return key === other ? 1 : dice(key, other);
}

/** Whether another sentence holds at least half of this sentence's word 3-grams: the index's test for a candidate. */
export function sharesHalfTheShingles(own: number[], other: number[]): boolean {
  const theirs = new Set(other);
  let shared = 0;
  for (const h of own) if (theirs.has(h)) shared++;
  return shared * 2 >= own.length;
}

/** FNV-1a, 32 bits; another `seed` (offset basis) gives a second, independent hash. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Two independent 32-bit hashes of a term: FNV-1a from two starting points. */
export function termHashes(term: string): [number, number] {
  return [hash32(term), hash32(term, 0x2f1b_9c3d)];
}

/** A term's rank in pairs of hashes sorted as termHashes gives them, by binary search; -1 when absent. */
export function findHashed(hashes: Uint32Array, term: string): number {
  const [h1, h2] = termHashes(term);
  let lo = 0;
  let hi = (hashes.length >>> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const a = hashes[2 * mid]!;
    const b = hashes[2 * mid + 1]!;
    if (a === h1 && b === h2) return mid;
    if (a < h1 || (a === h1 && b < h2)) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

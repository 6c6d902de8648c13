import { hash32 } from '../corpus/features.js';
import { wordTokens } from '../corpus/tokens.js';

/** Near-copies share this much of their word 3-grams (Jaccard) once merge fields are masked. */
export const NEAR_COPY = 0.5;
// 24 bands of 3 rows: a pair at Jaccard 0.5 shares a band 96% of the time, at 0.6 99.7%,
// while pairs at 0.1 almost never do, so only likely near-copies are compared exactly.
const HASHES = 72;
const BANDS = 24;
const ROWS = HASHES / BANDS;
const SEEDS = Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/**
 * Groups texts that are near-copies of each other, from their shingle sets (shingleSet, made
 * where each draft is linted and kept instead of the text): MinHash signatures of their word
 * 3-grams, banded so that only texts that collide in some band are compared (no all-pairs
 * scan), then an exact Jaccard check and union-find. Returns a cluster id per text; singletons
 * have their own. Band keys are packed into one sorted array of 64-bit numbers (band hash,
 * text), 19 MB at 100,000 texts, rather than a map from 2.4 million string keys to lists.
 */
export function clusterShingles(sets: ArrayLike<number>[], threshold = NEAR_COPY): number[] {
  const n = sets.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const keys = new BigUint64Array(n * BANDS);
  let used = 0;
  const sig = new Uint32Array(HASHES);
  for (let i = 0; i < n; i++) {
    const set = sets[i]!;
    if (set.length === 0) continue;
    sig.fill(0xffffffff);
    for (let s = 0; s < set.length; s++) {
      const h = set[s]!;
      for (let k = 0; k < HASHES; k++) {
        const v = Math.imul(h ^ SEEDS[k]!, 0x85ebca6b) >>> 0;
        const mixed = (v ^ (v >>> 13)) >>> 0;
        if (mixed < sig[k]!) sig[k] = mixed;
      }
    }
    for (let b = 0; b < BANDS; b++) {
      let h = Math.imul(b + 1, 0x27d4eb2d) >>> 0;
      for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = Math.imul(h ^ sig[r]!, 0x01000193) >>> 0;
      keys[used++] = (BigInt(h) << 32n) | BigInt(i);
    }
  }
  const sorted = keys.subarray(0, used).sort();
  const checked = new Set<number>();
  for (let start = 0; start < used; ) {
    const band = sorted[start]! >> 32n;
    let end = start + 1;
    while (end < used && sorted[end]! >> 32n === band) end++;
    for (let a = start; a < end; a++) {
      for (let b = a + 1; b < end; b++) {
        const i = Number(sorted[a]! & 0xffffffffn);
        const j = Number(sorted[b]! & 0xffffffffn);
        if (i === j || find(i) === find(j)) continue;
        const pair = i * n + j;
        if (checked.has(pair)) continue;
        checked.add(pair);
        if (jaccard(sets[i]!, sets[j]!) >= threshold) parent[find(j)] = find(i);
      }
    }
    start = end;
  }
  return parent.map((_, i) => find(i));
}

/** A text's distinct word 3-grams as sorted hashes: what near-copy clustering compares. */
export function shingleSet(text: string): Uint32Array {
  const words = wordTokens(text).map((t) => t.text);
  const out = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(hash32(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  if (out.size === 0 && words.length) out.add(hash32(words.join(' ')));
  return Uint32Array.from(out).sort();
}

/** Jaccard similarity of two sorted sets. */
function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return both / (a.length + b.length - both || 1);
}

import { hash32 } from '../corpus/features.js';
import { wordTokens } from '../corpus/tokens.js';

/** Near-copies share this much of their word 3-grams (Jaccard) once merge fields are masked. */
export const NEAR_COPY = 0.5;
// 24 bands of 3 rows: a pair at Jaccard 0.5 shares a band 96% of the time, at 0.6 99.7%,
// while pairs at 0.1 almost never do, so only likely near-copies are compared exactly.
const HASHES = 72;
const BANDS = 24;
const ROWS = HASHES / BANDS;

/**
 * Groups texts that are near-copies of each other: MinHash signatures of their word 3-grams,
 * banded so that only texts that collide in some band are compared (no all-pairs scan), then
 * an exact Jaccard check and union-find. Returns a cluster id per text; singletons have their own.
 */
export function clusterNearCopies(texts: string[], threshold = NEAR_COPY): number[] {
  const sets = texts.map(shingleSet);
  const seeds = Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);
  const parent = texts.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const buckets = new Map<string, number[]>();
  sets.forEach((set, i) => {
    if (set.length === 0) return;
    const sig = new Uint32Array(HASHES).fill(0xffffffff);
    for (const h of set) {
      for (let k = 0; k < HASHES; k++) {
        const v = Math.imul(h ^ seeds[k]!, 0x85ebca6b) >>> 0;
        const mixed = (v ^ (v >>> 13)) >>> 0;
        if (mixed < sig[k]!) sig[k] = mixed;
      }
    }
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const checked = new Set<number>();
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a]!;
        const j = list[b]!;
        const pair = i * texts.length + j;
        if (checked.has(pair) || find(i) === find(j)) continue;
        checked.add(pair);
        if (jaccard(sets[i]!, sets[j]!) >= threshold) parent[find(j)] = find(i);
      }
    }
  }
  return texts.map((_, i) => find(i));
}

function shingleSet(text: string): number[] {
  const words = wordTokens(text).map((t) => t.text);
  const out = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(hash32(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  if (out.size === 0 && words.length) out.add(hash32(words.join(' ')));
  return [...out].sort((a, b) => a - b);
}

/** Jaccard similarity of two sorted sets. */
function jaccard(a: number[], b: number[]): number {
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

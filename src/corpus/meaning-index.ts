import type { Arrays } from './index-arrays.js';
import type { SentenceMeaning, WordVectors } from './word-vectors.js';

/** A corpus sentence near a query in meaning. */
export interface MeaningNeighbour {
  sent: number;
  /** Cosine of the two sentence vectors, -1 to 1. */
  score: number;
}

/** A query sentence ready to compare: its unit vector and how much of it the vector carries. */
export interface MeaningQuery {
  vector: Float32Array;
  known: number;
  specific: number;
}

/** The names the meaning arrays have inside a corpus index file. */
export const MEANING_ARRAYS = ['meanCodes', 'meanScales', 'meanCommon', 'meanCentroids', 'meanClusterOffsets', 'meanClusterSents'] as const;

/** k-means rounds at build: the clusters only route a query, so rough ones do. */
const KMEANS_ROUNDS = 6;
/** Clusters are learnt from at most this many sentences, then every sentence joins its nearest: a 100,000-message corpus builds in seconds, not minutes. */
const KMEANS_SAMPLE = 4096;
/** At most this many clusters, so that ranking the centroids stays a small part of a query. */
const MAX_CLUSTERS = 256;

/**
 * Corpus sentences as SIF vectors with the corpus's common direction removed (the second half
 * of SIF), quantized to 8 bits, grouped by spherical k-means into about √n clusters. A query
 * reads the clusters whose centroids are nearest it, not every sentence: an inverted-file
 * index, exact within the clusters it reads.
 */
export class MeaningIndex {
  readonly dims: number;
  readonly count: number;
  private readonly codes: Int8Array;
  private readonly scales: Float32Array;
  /** The corpus sentences' first principal direction, which every vector has taken out. */
  private readonly common: Float32Array;
  private readonly centroids: Float32Array;
  private readonly clusterOffsets: Uint32Array;
  private readonly clusterSents: Uint32Array;

  constructor(
    private readonly words: WordVectors,
    arrays: Arrays,
  ) {
    this.dims = words.dims;
    const codes = arrays.meanCodes as Uint8Array;
    this.codes = new Int8Array(codes.buffer, codes.byteOffset, codes.byteLength);
    this.scales = arrays.meanScales as Float32Array;
    this.common = arrays.meanCommon as Float32Array;
    this.centroids = arrays.meanCentroids as Float32Array;
    this.clusterOffsets = arrays.meanClusterOffsets as Uint32Array;
    this.clusterSents = arrays.meanClusterSents as Uint32Array;
    this.count = this.scales.length;
    if (
      this.codes.length !== this.count * this.dims ||
      this.common.length !== this.dims ||
      this.centroids.length !== (this.clusterOffsets.length - 1) * this.dims
    ) {
      throw new Error('meaning arrays do not match each other');
    }
  }

  /** Recent queries and their neighbours by text: stock-sentence, corpus-similarity and the move names ask about the same sentences. */
  private readonly recent = new Map<string, { q: MeaningQuery; min: number; near: MeaningNeighbour[] }>();

  get clusters(): number {
    return this.clusterOffsets.length - 1;
  }

  /** A sentence's query: its SIF vector without the common direction, as a unit vector. */
  query(masked: string): MeaningQuery {
    const m = this.words.meaning(masked);
    return { vector: unitWithout(m.vector, this.common), known: m.known, specific: m.specific };
  }

  /** A sentence's query, made once while it is recent. */
  queryOf(masked: string): MeaningQuery {
    return this.remembered(masked).q;
  }

  /** Every corpus sentence at least `min` like this sentence, best first; asked twice, read once. */
  aboveText(masked: string, min: number): { q: MeaningQuery; near: MeaningNeighbour[] } {
    const r = this.remembered(masked);
    if (r.min > min) {
      r.near = this.above(r.q, min);
      r.min = min;
    }
    return { q: r.q, near: r.min === min ? r.near : r.near.filter((n) => n.score >= min) };
  }

  private remembered(masked: string) {
    let r = this.recent.get(masked);
    if (!r) {
      if (this.recent.size >= 1000) this.recent.clear();
      r = { q: this.query(masked), min: Infinity, near: [] };
      this.recent.set(masked, r);
    }
    return r;
  }

  /** Cosine of a query with one corpus sentence. */
  similarity(q: MeaningQuery, sent: number): number {
    const d = this.dims;
    const base = sent * d;
    let dot = 0;
    for (let i = 0; i < d; i++) dot += q.vector[i]! * this.codes[base + i]!;
    return dot * this.scales[sent]!;
  }

  /**
   * The `k` corpus sentences nearest a query, reading the `probe` clusters whose centroids are
   * nearest it (all of them when probe is Infinity: the exact scan).
   */
  nearest(q: MeaningQuery, k = 1, probe = this.defaultProbe()): MeaningNeighbour[] {
    const out: MeaningNeighbour[] = [];
    this.scan(q, probe, (sent, score) => {
      if (out.length < k || score > out[out.length - 1]!.score) {
        out.push({ sent, score });
        out.sort((a, b) => b.score - a.score || a.sent - b.sent);
        if (out.length > k) out.pop();
      }
    });
    return out;
  }

  /** Every corpus sentence at least `min` like the query, best first, from the clusters a query reads. */
  above(q: MeaningQuery, min: number, probe = this.defaultProbe()): MeaningNeighbour[] {
    const out: MeaningNeighbour[] = [];
    this.scan(q, probe, (sent, score) => {
      if (score >= min) out.push({ sent, score });
    });
    return out.sort((a, b) => b.score - a.score || a.sent - b.sent);
  }

  /** Scores every sentence of the `probe` clusters nearest the query. */
  private scan(q: MeaningQuery, probe: number, visit: (sent: number, score: number) => void): void {
    if (q.known === 0) return;
    const order = this.clusterOrder(q.vector);
    for (let c = 0; c < Math.min(probe, order.length); c++) {
      const cluster = order[c]!;
      for (let i = this.clusterOffsets[cluster]!; i < this.clusterOffsets[cluster + 1]!; i++) {
        const sent = this.clusterSents[i]!;
        visit(sent, this.similarity(q, sent));
      }
    }
  }

  /** Every sentence, for the agreement check and the benchmark. */
  nearestExact(q: MeaningQuery, k = 1): MeaningNeighbour[] {
    return this.nearest(q, k, Infinity);
  }

  /**
   * Clusters a query reads: enough that the index agrees with the exact scan on at least 99% of
   * queries (measured in test/corpus/meaning-index.test.ts and the bench).
   */
  defaultProbe(): number {
    return Math.max(6, Math.ceil(this.clusters / 6));
  }

  private clusterOrder(v: Float32Array): number[] {
    const d = this.dims;
    const scores = Array.from({ length: this.clusters }, (_, c) => {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += v[i]! * this.centroids[c * d + i]!;
      return { c, dot };
    });
    scores.sort((a, b) => b.dot - a.dot || a.c - b.c);
    return scores.map((s) => s.c);
  }

  /** Builds the arrays from the corpus sentences' texts (masked), in sentence-table order. */
  static build(words: WordVectors, texts: string[]): Arrays {
    const d = words.dims;
    const raw = texts.map((t) => words.meaning(t));
    const common = firstDirection(raw, d);
    const n = texts.length;
    const vectors = raw.map((m) => (m.known > 0 ? unitWithout(m.vector, common) : new Float32Array(d)));
    const codes = new Int8Array(n * d);
    const scales = new Float32Array(n);
    vectors.forEach((v, s) => {
      let max = 0;
      for (let i = 0; i < d; i++) max = Math.max(max, Math.abs(v[i]!));
      scales[s] = (max || 1) / 127;
      for (let i = 0; i < d; i++) codes[s * d + i] = Math.round((v[i]! / (max || 1)) * 127);
    });
    const live = vectors.map((_, s) => s).filter((s) => raw[s]!.known > 0);
    const k = Math.max(1, Math.min(MAX_CLUSTERS, Math.round(Math.sqrt(live.length))));
    const step = Math.max(1, live.length / KMEANS_SAMPLE);
    const sample = Array.from({ length: Math.min(live.length, KMEANS_SAMPLE) }, (_, i) => live[Math.floor(i * step)]!);
    const { centroids, members } = sphericalKMeans(vectors, sample, live, k, d);
    const clusterOffsets = new Uint32Array(k + 1);
    members.forEach((m, c) => {
      clusterOffsets[c + 1] = clusterOffsets[c]! + m.length;
    });
    const clusterSents = new Uint32Array(members.flat());
    return {
      meanCodes: new Uint8Array(codes.buffer),
      meanScales: scales,
      meanCommon: common,
      meanCentroids: centroids,
      meanClusterOffsets: clusterOffsets,
      meanClusterSents: clusterSents,
    };
  }
}

/** `v` with its component along the unit vector `dir` taken out, scaled to length 1. */
function unitWithout(v: Float32Array, dir: Float32Array): Float32Array {
  let dot = 0;
  for (let i = 0; i < v.length; i++) dot += v[i]! * dir[i]!;
  const out = new Float32Array(v.length);
  let sq = 0;
  for (let i = 0; i < v.length; i++) {
    out[i] = v[i]! - dot * dir[i]!;
    sq += out[i]! ** 2;
  }
  const norm = Math.sqrt(sq) || 1;
  for (let i = 0; i < v.length; i++) out[i]! /= norm;
  return out;
}

/** `v` scaled to length 1. */
function unit(v: Float32Array): Float32Array {
  return unitWithout(v, new Float32Array(v.length));
}

/** The first principal direction of the sentences' unit vectors, by power iteration. */
function firstDirection(meanings: SentenceMeaning[], d: number): Float32Array {
  const units = meanings.filter((m) => m.known > 0).map((m) => unit(m.vector));
  let u: Float32Array = new Float32Array(d).fill(1 / Math.sqrt(d));
  for (let round = 0; round < 30; round++) {
    const next = new Float32Array(d);
    for (const v of units) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += v[i]! * u[i]!;
      for (let i = 0; i < d; i++) next[i]! += dot * v[i]!;
    }
    u = unit(next);
  }
  return u;
}

/**
 * Spherical k-means over unit vectors, learnt on `sample` and seeded by farthest-first
 * traversal from its first sentence so a build is deterministic; then every sentence of
 * `live` joins its nearest centroid. Centroids are one flat array: this is the build's hot loop.
 */
function sphericalKMeans(vectors: Float32Array[], sample: number[], live: number[], k: number, d: number): { centroids: Float32Array; members: number[][] } {
  if (sample.length === 0) return { centroids: new Float32Array(d), members: [[]] };
  const centres = new Float32Array(k * d);
  const nearestCentre = (v: Float32Array, count: number): number => {
    let at = 0;
    let top = -Infinity;
    for (let c = 0; c < count; c++) {
      let sim = 0;
      const base = c * d;
      for (let i = 0; i < d; i++) sim += v[i]! * centres[base + i]!;
      if (sim > top) {
        top = sim;
        at = c;
      }
    }
    return at;
  };
  centres.set(vectors[sample[0]!]!, 0);
  const best = sample.map((s) => dotAt(vectors[s]!, centres, 0, d));
  let count = 1;
  while (count < k) {
    let far = 0;
    for (let i = 1; i < sample.length; i++) if (best[i]! < best[far]!) far = i;
    centres.set(vectors[sample[far]!]!, count * d);
    sample.forEach((s, i) => {
      best[i] = Math.max(best[i]!, dotAt(vectors[s]!, centres, count * d, d));
    });
    count++;
  }
  const assign = (sents: number[]): number[][] => {
    const members: number[][] = Array.from({ length: k }, () => []);
    for (const s of sents) members[nearestCentre(vectors[s]!, k)]!.push(s);
    return members;
  };
  for (let round = 0; round < KMEANS_ROUNDS; round++) {
    const members = assign(sample);
    members.forEach((m, c) => {
      if (m.length === 0) return;
      const sum = new Float32Array(d);
      for (const s of m) {
        const v = vectors[s]!;
        for (let j = 0; j < d; j++) sum[j]! += v[j]!;
      }
      centres.set(unit(sum), c * d);
    });
  }
  return { centroids: centres, members: assign(live) };
}

function dotAt(v: Float32Array, m: Float32Array, base: number, d: number): number {
  let s = 0;
  for (let i = 0; i < d; i++) s += v[i]! * m[base + i]!;
  return s;
}

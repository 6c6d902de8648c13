import { featureCounts, hash32, sentenceKey, shingles } from './features.js';
import type { Arrays, Bytes } from './index-file.js';
import { stopwatch } from './stopwatch.js';

/** What the index keeps about each corpus message. */
export interface MessageMeta {
  /** Path of the file (and `:line` for a CSV row or `[i]` for a JSON array element). */
  id: string;
  archetype: string;
  step?: number;
  variant?: string;
}

/** A corpus message as the index builder takes it: its metadata and its masked skeleton. */
export interface IndexInput {
  meta: MessageMeta;
  /** The skeleton: subject then units, one per line. */
  skeleton: string;
  /** The skeleton's units (sentences and bullets), masked. */
  units: string[];
}

export interface IndexHeader {
  hash: string;
  builtAt: string;
  buildMs: number;
  /** How many messages; their metadata is in the metaText array, one JSON line each. */
  count: number;
  terms: number;
}

/**
 * Arrays an index file keeps on disk and reads a slice of when asked: a lint needs the text of
 * the few sentences and messages it reports, and at 100,000 messages these are ~50 MB.
 */
export const ON_DEMAND_ARRAYS = ['sentText', 'metaText'];

export interface Neighbour {
  doc: number;
  score: number;
}

export interface SentenceHit {
  /** Corpus messages that hold this sentence or a near-verbatim copy of it. */
  messages: number;
  /** The closest corpus sentence, as written there (slots shown as {{name}}). */
  closest: string;
  closestDoc: number;
  /** Character-bigram similarity of the closest sentence, 0-1. */
  similarity: number;
}

/** Below this size every posting list is read; above it the commonest terms are skipped, then the best candidates are rescored exactly. */
const EXACT_LIMIT = 2_000;
const RESCORE_MIN = 128;
const RESCORE_MAX = 1000;
/** Terms in more than this share of messages are too common to find candidates by. */
const SKIP_DF = 0.02;

/**
 * The corpus index: TF-IDF vectors of every message's skeleton with inverted postings for
 * nearest-message search, and a sentence table with word-3-gram postings for near-verbatim
 * sentence search. Built once per corpus content, saved as typed arrays, loaded read-only.
 */
export class CorpusIndex {
  readonly n: number;
  /** The query term as UTF-8, reused by termId so a lookup allocates nothing. */
  private termBytes = new Uint8Array(256);
  private static readonly encoder = new TextEncoder();
  private docs: { offsets: Uint32Array; terms: Uint32Array; weights: Float32Array } | undefined;
  private readonly scores: Float32Array;
  /** Sentence keys already worked out, by sentence id; bounded so a huge corpus cannot fill memory. */
  private readonly keys = new Map<number, string>();
  /** The query's weights by term id, filled and cleared around each rescoring. */
  private dense: Float32Array | undefined;
  private readonly decoder = new TextDecoder();

  constructor(
    readonly header: IndexHeader,
    readonly arrays: {
      /** Every term as UTF-8, in byte order, end to end: a term's id is its rank. */
      vocabText: Uint8Array;
      /** Where each term starts in vocabText, and where the last ends. */
      vocabOffsets: Uint32Array;
      idf: Float32Array;
      postOffsets: Uint32Array;
      postDocs: Uint32Array;
      postWeights: Float32Array;
      sentKeys: Uint32Array;
      sentDocs: Uint32Array;
      sentTextOffsets: Uint32Array;
      sentText: Bytes;
      /** Each message's MessageMeta as a JSON line, end to end. */
      metaText: Bytes;
      metaOffsets: Uint32Array;
      shingleKeys: Uint32Array;
      shingleOffsets: Uint32Array;
      shingleSents: Uint32Array;
    },
  ) {
    this.n = header.count;
    this.scores = new Float32Array(this.n);
  }

  /**
   * A term's id by binary search over the vocabulary's bytes: no strings are decoded and no
   * Map is built at load, which kept a cold lint waiting ~5 ms on 20,000 terms.
   */
  termId(term: string): number | undefined {
    // Terms are words and word pairs; one longer than the buffer cannot be in the corpus.
    if (term.length * 3 > this.termBytes.length) this.termBytes = new Uint8Array(term.length * 3);
    const { written } = CorpusIndex.encoder.encodeInto(term, this.termBytes);
    const q = this.termBytes;
    const { vocabText: text, vocabOffsets: offsets } = this.arrays;
    let lo = 0;
    let hi = offsets.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = offsets[mid]!;
      const len = offsets[mid + 1]! - start;
      let c = 0;
      for (let i = 0; i < len && i < written && c === 0; i++) c = text[start + i]! - q[i]!;
      if (c === 0) c = len - written;
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** In how many corpus messages a term occurs: 0 for a term the corpus never uses. */
  documentFrequency(term: string): number {
    const id = this.termId(term);
    return id === undefined ? 0 : this.arrays.postOffsets[id + 1]! - this.arrays.postOffsets[id]!;
  }

  /** Per-message term vectors, derived from the postings when first needed. */
  private docVectors() {
    if (this.docs) return this.docs;
    const { postOffsets, postDocs, postWeights } = this.arrays;
    const nnz = postDocs.length;
    const offsets = new Uint32Array(this.n + 1);
    for (let i = 0; i < nnz; i++) offsets[postDocs[i]! + 1]!++;
    for (let d = 0; d < this.n; d++) offsets[d + 1]! += offsets[d]!;
    const fill = offsets.slice(0, this.n);
    const terms = new Uint32Array(nnz);
    const weights = new Float32Array(nnz);
    for (let t = 0; t + 1 < postOffsets.length; t++) {
      for (let i = postOffsets[t]!; i < postOffsets[t + 1]!; i++) {
        const slot = fill[postDocs[i]!]!++;
        terms[slot] = t;
        weights[slot] = postWeights[i]!;
      }
    }
    this.docs = { offsets, terms, weights };
    return this.docs;
  }

  /** A message's metadata, read when asked. */
  message(doc: number): MessageMeta {
    const { metaOffsets, metaText } = this.arrays;
    return JSON.parse(this.decoder.decode(metaText.subarray(metaOffsets[doc], metaOffsets[doc + 1]))) as MessageMeta;
  }

  /** Every message's metadata: for statistics, not for the lint path. */
  get messages(): MessageMeta[] {
    return Array.from({ length: this.n }, (_, i) => this.message(i));
  }

  get sentenceCount(): number {
    return this.arrays.sentKeys.length;
  }

  /** The query's weighted terms: known ones by id, and the norm over all of them. */
  queryVector(skeleton: string): { terms: Map<number, number>; norm: number } {
    const counts = featureCounts(skeleton);
    const unknownIdf = Math.log(this.n + 1) + 1;
    const terms = new Map<number, number>();
    let sq = 0;
    for (const [term, tf] of counts) {
      const id = this.termId(term);
      const w = (1 + Math.log(tf)) * (id === undefined ? unknownIdf : this.arrays.idf[id]!);
      sq += w * w;
      if (id !== undefined) terms.set(id, w);
    }
    return { terms, norm: Math.sqrt(sq) || 1 };
  }

  /** The k corpus messages most like this skeleton, by cosine similarity. */
  nearest(skeleton: string, k = 3): Neighbour[] {
    const q = this.queryVector(skeleton);
    if (q.terms.size === 0) return [];
    const { postOffsets, postDocs, postWeights } = this.arrays;
    const scores = this.scores;
    const touched: number[] = [];
    const skipAbove = this.n > EXACT_LIMIT ? Math.max(50, this.n * SKIP_DF) : Infinity;
    for (const [term, w] of q.terms) {
      const from = postOffsets[term]!;
      const to = postOffsets[term + 1]!;
      if (to - from > skipAbove) continue;
      for (let i = from; i < to; i++) {
        const d = postDocs[i]!;
        const before = scores[d]!;
        if (before === 0) touched.push(d);
        scores[d] = before + w * postWeights[i]!;
      }
    }
    // With every posting read the accumulated scores are exact; after skipping common terms
    // the best candidates are rescored exactly.
    const pruned = skipAbove !== Infinity;
    const rescore = Math.min(RESCORE_MAX, Math.max(RESCORE_MIN, Math.round(this.n / 100)));
    const top = topK(touched, scores, pruned ? Math.max(k, rescore) : k);
    const ranked = pruned ? this.rescore(q, top) : top.map((doc) => ({ doc, score: scores[doc]! / q.norm }));
    for (const d of touched) scores[d] = 0;
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return ranked.slice(0, k);
  }

  /** Exact cosines of many messages, with the query spread over a dense array for speed. */
  private rescore(q: { terms: Map<number, number>; norm: number }, docs: number[]): Neighbour[] {
    const dense = (this.dense ??= new Float32Array(this.header.terms));
    for (const [t, w] of q.terms) dense[t] = w;
    const { offsets, terms, weights } = this.docVectors();
    const out = docs.map((doc) => {
      let dot = 0;
      for (let i = offsets[doc]!; i < offsets[doc + 1]!; i++) dot += dense[terms[i]!]! * weights[i]!;
      return { doc, score: dot / q.norm };
    });
    for (const t of q.terms.keys()) dense[t] = 0;
    return out;
  }

  /** Exact cosine of a query against one message. */
  cosine(q: { terms: Map<number, number>; norm: number }, doc: number): number {
    const { offsets, terms, weights } = this.docVectors();
    let dot = 0;
    for (let i = offsets[doc]!; i < offsets[doc + 1]!; i++) {
      const w = q.terms.get(terms[i]!);
      if (w !== undefined) dot += w * weights[i]!;
    }
    return dot / q.norm;
  }

  /** The exact all-pairs answer, for benchmarks and the agreement check. */
  nearestExact(skeleton: string, k = 3): Neighbour[] {
    const q = this.queryVector(skeleton);
    const out: Neighbour[] = [];
    for (let d = 0; d < this.n; d++) {
      const score = this.cosine(q, d);
      if (score > 0) out.push({ doc: d, score });
    }
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
  }

  private sentenceKey(i: number): string {
    let key = this.keys.get(i);
    if (key === undefined) {
      key = sentenceKey(this.sentenceText(i));
      if (this.keys.size >= 50_000) this.keys.clear();
      this.keys.set(i, key);
    }
    return key;
  }

  sentenceText(i: number): string {
    const { sentTextOffsets, sentText } = this.arrays;
    return this.decoder.decode(sentText.subarray(sentTextOffsets[i], sentTextOffsets[i + 1]));
  }

  /**
   * Corpus sentences that are the same as this one or a near-verbatim copy: sharing at least
   * half of its word 3-grams, then at least `minSimilarity` by character bigrams.
   */
  matchSentence(masked: string, minSimilarity: number, dice: (a: string, b: string) => number): SentenceHit | undefined {
    const key = sentenceKey(masked);
    if (!key) return undefined;
    const own = shingles(key);
    const { shingleKeys, shingleOffsets, shingleSents, sentKeys, sentDocs } = this.arrays;
    const shared = new Map<number, number>();
    const capPosting = Math.max(2000, this.n / 10);
    for (const sh of own) {
      const at = lowerBound(shingleKeys, sh);
      if (at >= shingleKeys.length || shingleKeys[at] !== sh) continue;
      const from = shingleOffsets[at]!;
      const to = shingleOffsets[at + 1]!;
      if (to - from > capPosting) continue;
      for (let i = from; i < to; i++) shared.set(shingleSents[i]!, (shared.get(shingleSents[i]!) ?? 0) + 1);
    }
    const exact = hash32(key);
    const docs = new Set<number>();
    let best: { sent: number; sim: number } | undefined;
    for (const [sent, n] of shared) {
      if (n * 2 < own.length) continue;
      const other = this.sentenceKey(sent);
      const sim = sentKeys[sent] === exact && other === key ? 1 : dice(key, other);
      if (sim < minSimilarity) continue;
      docs.add(sentDocs[sent]!);
      if (!best || sim > best.sim) best = { sent, sim };
    }
    if (!best) return undefined;
    return { messages: docs.size, closest: showSlots(this.sentenceText(best.sent)), closestDoc: sentDocs[best.sent]!, similarity: best.sim };
  }

  /** Builds an index from corpus messages. */
  static build(inputs: IndexInput[], hash: string): CorpusIndex {
    const elapsed = stopwatch();
    const encoder = new TextEncoder();
    const vocab = new Map<string, number>();
    const df: number[] = [];
    const docCounts = inputs.map((m) => {
      const counts = featureCounts(m.skeleton);
      const ids = new Map<number, number>();
      for (const [term, tf] of counts) {
        let id = vocab.get(term);
        if (id === undefined) {
          id = vocab.size;
          vocab.set(term, id);
          df.push(0);
        }
        df[id]!++;
        ids.set(id, tf);
      }
      return ids;
    });
    const n = inputs.length;
    // Renumber terms in sorted order so a loaded index can find them by binary search.
    const encoded = [...vocab.keys()].map((t) => ({ t, bytes: Buffer.from(t, 'utf8') }));
    encoded.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    const sortedTerms = encoded.map((e) => e.t);
    const vocabOffsets = new Uint32Array(encoded.length + 1);
    encoded.forEach((e, i) => (vocabOffsets[i + 1] = vocabOffsets[i]! + e.bytes.length));
    const rank = new Uint32Array(vocab.size);
    sortedTerms.forEach((t, i) => (rank[vocab.get(t)!] = i));
    const idf = new Float32Array(vocab.size);
    df.forEach((d, id) => (idf[rank[id]!] = Math.log((n + 1) / (d + 1)) + 1));
    for (const ids of docCounts) {
      const renumbered = [...ids.entries()].map(([id, tf]) => [rank[id]!, tf] as const);
      ids.clear();
      for (const [id, tf] of renumbered) ids.set(id, tf);
    }
    const nnz = docCounts.reduce((s, m) => s + m.size, 0);
    const docOffsets = new Uint32Array(n + 1);
    const docTerms = new Uint32Array(nnz);
    const docWeights = new Float32Array(nnz);
    let at = 0;
    docCounts.forEach((ids, d) => {
      docOffsets[d] = at;
      const sorted = [...ids.entries()].sort((a, b) => a[0] - b[0]);
      let sq = 0;
      const ws = sorted.map(([id, tf]) => {
        const w = (1 + Math.log(tf)) * idf[id]!;
        sq += w * w;
        return w;
      });
      const norm = Math.sqrt(sq) || 1;
      sorted.forEach(([id], i) => {
        docTerms[at] = id;
        docWeights[at] = ws[i]! / norm;
        at++;
      });
    });
    docOffsets[n] = at;

    const postOffsets = new Uint32Array(vocab.size + 1);
    for (let i = 0; i < nnz; i++) postOffsets[docTerms[i]! + 1]!++;
    for (let t = 0; t < vocab.size; t++) postOffsets[t + 1]! += postOffsets[t]!;
    const fill = postOffsets.slice(0, vocab.size);
    const postDocs = new Uint32Array(nnz);
    const postWeights = new Float32Array(nnz);
    for (let d = 0; d < n; d++) {
      for (let i = docOffsets[d]!; i < docOffsets[d + 1]!; i++) {
        const slot = fill[docTerms[i]!]!++;
        postDocs[slot] = d;
        postWeights[slot] = docWeights[i]!;
      }
    }

    const sentKeysList: number[] = [];
    const sentDocsList: number[] = [];
    const texts: Buffer[] = [];
    const textOffsets: number[] = [0];
    const shingleMap = new Map<number, number[]>();
    inputs.forEach((m, d) => {
      for (const unit of m.units) {
        const key = sentenceKey(unit);
        if (!key) continue;
        const s = sentKeysList.length;
        sentKeysList.push(hash32(key));
        sentDocsList.push(d);
        const bytes = Buffer.from(encoder.encode(unit.replace(/\s+/g, ' ').trim()));
        texts.push(bytes);
        textOffsets.push(textOffsets[textOffsets.length - 1]! + bytes.length);
        for (const sh of shingles(key)) {
          let list = shingleMap.get(sh);
          if (!list) shingleMap.set(sh, (list = []));
          list.push(s);
        }
      }
    });
    const shingleKeys = new Uint32Array([...shingleMap.keys()].sort((a, b) => a - b));
    const shingleOffsets = new Uint32Array(shingleKeys.length + 1);
    let total = 0;
    shingleKeys.forEach((k, i) => {
      shingleOffsets[i] = total;
      total += shingleMap.get(k)!.length;
    });
    shingleOffsets[shingleKeys.length] = total;
    const shingleSents = new Uint32Array(total);
    shingleKeys.forEach((k, i) => shingleSents.set(shingleMap.get(k)!, shingleOffsets[i]!));

    const header: IndexHeader = { hash, builtAt: new Date().toISOString(), buildMs: 0, count: inputs.length, terms: vocab.size };
    const metaLines = inputs.map((m) => encoder.encode(JSON.stringify(m.meta)));
    const metaOffsets = new Uint32Array(metaLines.length + 1);
    metaLines.forEach((line, i) => (metaOffsets[i + 1] = metaOffsets[i]! + line.length));
    const index = new CorpusIndex(header, {
      vocabText: new Uint8Array(Buffer.concat(encoded.map((e) => e.bytes))),
      vocabOffsets,
      idf,
      postOffsets,
      postDocs,
      postWeights,
      sentKeys: new Uint32Array(sentKeysList),
      sentDocs: new Uint32Array(sentDocsList),
      sentTextOffsets: new Uint32Array(textOffsets),
      sentText: new Uint8Array(Buffer.concat(texts)),
      metaText: new Uint8Array(Buffer.concat(metaLines)),
      metaOffsets,
      shingleKeys,
      shingleOffsets,
      shingleSents,
    });
    index.docs = { offsets: docOffsets, terms: docTerms, weights: docWeights };
    header.buildMs = Math.round(elapsed());
    return index;
  }

  toArrays(): Arrays {
    return this.arrays;
  }

  static fromArrays(header: IndexHeader, arrays: Arrays): CorpusIndex {
    const need = ['vocabText', 'vocabOffsets', 'idf', 'postOffsets', 'postDocs', 'postWeights', 'sentKeys', 'sentDocs', 'sentTextOffsets', 'sentText', 'metaText', 'metaOffsets', 'shingleKeys', 'shingleOffsets', 'shingleSents'];
    for (const name of need) if (!arrays[name]) throw new Error(`index has no ${name}`);
    const a = arrays as CorpusIndex['arrays'];
    if (a.idf.length !== header.terms || a.postOffsets.length !== header.terms + 1 || a.vocabOffsets.length !== header.terms + 1 || a.metaOffsets.length !== header.count + 1) throw new Error('index arrays do not match its header');
    return new CorpusIndex(header, a);
  }
}

/** Slot words back to a placeholder a reader recognises. */
export function showSlots(text: string): string {
  return text.replace(/\s*\bslot([a-z0-9]+)\b\s*/g, (m, name: string) => `${m.startsWith(' ') ? ' ' : ''}{{${name}}}${m.endsWith(' ') ? ' ' : ''}`).trim();
}

/** The `k` best-scoring documents of `docs`, best first, without sorting them all. */
function topK(docs: number[], scores: Float32Array, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const d of docs) {
    if (heap.length < k) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!less(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (less(heap[0]!, d)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0));
}

function lowerBound(arr: Uint32Array, v: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

import { featureCounts, hash32, keySimilarity, sentenceKey, shingles, termHashes, findHashed } from './features.js';
import type { Arrays, Bytes } from './index-arrays.js';
import { decodeIndex } from './index-bytes.js';
import { MEANING_ARRAYS, MeaningIndex } from './meaning-index.js';
import { shippedWordVectors, type WordVectors } from './word-vectors.js';
import { lowerBound } from '../kernel/sorted-spans.js';

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
  /** The key of the word-vector table the sentence meanings were made with. */
  wordVectors: string;
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
  /** Character-bigram similarity of the closest sentence (0-1), or the cosine of their meanings when `byMeaning`. */
  similarity: number;
  /** Matched by what the sentence says (word vectors) rather than by its words. */
  byMeaning: boolean;
}

/** Below this size every posting list is read; above it the commonest terms are skipped, then the best candidates are rescored exactly. */
const EXACT_LIMIT = 2_000;
const RESCORE_MIN = 128;
const RESCORE_MAX = 1000;
/** Terms in more than this share of messages are too common to find candidates by. */
const SKIP_DF = 0.02;
/** Posting weights are stored as 16-bit fractions, half the memory of floats: a cosine comes out within ~1e-4 of the float one, below the 3 decimals a finding shows. */
const WEIGHT_SCALE = 65_535;

function inverseDocumentFrequency(n: number, df: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

/**
 * The corpus index: TF-IDF vectors of every message's skeleton with inverted postings for
 * nearest-message search, and a sentence table with word-3-gram postings for near-verbatim
 * sentence search. Built once per corpus content, saved as typed arrays, loaded read-only.
 */
export class CorpusIndex {
  readonly n: number;
  private docs: { offsets: Uint32Array; terms: Uint32Array; weights: Float32Array } | undefined;
  private readonly scores: Float32Array;
  /** Per sentence, how many 3-grams it shares with the sentence being looked up; zero between lookups. */
  private sentCounts: Uint16Array | undefined;
  private readonly sentTouched: number[] = [];
  /** Sentence keys already worked out, by sentence id; bounded so a huge corpus cannot fill memory. */
  private readonly keys = new Map<number, string>();
  private readonly decoder = new TextDecoder();
  /** Metadata already read from disk, by message. */
  private readonly metas = new Map<number, MessageMeta>();
  /** Recent verbatim lookups by sentence and threshold. */
  private readonly matched = new Map<string, SentenceHit | undefined>();
  /** The corpus sentences by meaning, for matches that survive paraphrase. */
  readonly meaning: MeaningIndex;

  constructor(
    readonly header: IndexHeader,
    readonly arrays: {
      /** Every term as two 32-bit hashes, in hash order: a term's id is its rank. */
      vocabHashes: Uint32Array;
      postOffsets: Uint32Array;
      postDocs: Uint32Array;
      /** Each posting's weight in its message's unit vector, as a fraction of 65,535. */
      postWeights: Uint16Array;
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
    } & Arrays,
    words: WordVectors,
  ) {
    this.n = header.count;
    this.meaning = new MeaningIndex(words, arrays);
    this.scores = new Float32Array(this.n);
  }

  /**
   * A term's id by binary search over the vocabulary's hashes: no term text is stored or
   * decoded, and no Map is built at load.
   */
  termId(term: string): number | undefined {
    const id = findHashed(this.arrays.vocabHashes, term);
    return id < 0 ? undefined : id;
  }

  /** A known term's inverse document frequency, from its posting count: no array is stored. */
  private idf(id: number): number {
    return inverseDocumentFrequency(this.n, this.arrays.postOffsets[id + 1]! - this.arrays.postOffsets[id]!);
  }

  /** In how many corpus messages a term occurs: 0 for a term the corpus never uses. */
  documentFrequency(term: string): number {
    const id = this.termId(term);
    return id === undefined ? 0 : this.arrays.postOffsets[id + 1]! - this.arrays.postOffsets[id]!;
  }

  /** Per-message term vectors, derived from the postings for the exact scan only (benchmarks, tests). */
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
        weights[slot] = postWeights[i]! / WEIGHT_SCALE;
      }
    }
    this.docs = { offsets, terms, weights };
    return this.docs;
  }

  /** A message's metadata, read when asked. */
  message(doc: number): MessageMeta {
    let meta = this.metas.get(doc);
    if (!meta) {
      const { metaOffsets, metaText } = this.arrays;
      meta = JSON.parse(this.decoder.decode(metaText.subarray(metaOffsets[doc], metaOffsets[doc + 1]))) as MessageMeta;
      if (this.metas.size >= 10_000) this.metas.clear();
      this.metas.set(doc, meta);
    }
    return meta;
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
    const unknownIdf = inverseDocumentFrequency(this.n, 0);
    const terms = new Map<number, number>();
    let sq = 0;
    for (const [term, tf] of counts) {
      const id = this.termId(term);
      const w = (1 + Math.log(tf)) * (id === undefined ? unknownIdf : this.idf(id));
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
    const skipped: Array<[term: number, weight: number]> = [];
    for (const [term, w] of q.terms) {
      const from = postOffsets[term]!;
      const to = postOffsets[term + 1]!;
      if (to - from > skipAbove) {
        skipped.push([term, w]);
        continue;
      }
      for (let i = from; i < to; i++) {
        const d = postDocs[i]!;
        const before = scores[d]!;
        if (before === 0) touched.push(d);
        scores[d] = before + (w * postWeights[i]!) / WEIGHT_SCALE;
      }
    }
    // With every posting read the accumulated scores are exact; after skipping common terms
    // the best candidates are rescored exactly.
    const pruned = skipAbove !== Infinity;
    const rescore = Math.min(RESCORE_MAX, Math.max(RESCORE_MIN, Math.round(this.n / 100)));
    const top = topK(touched, scores, pruned ? Math.max(k, rescore) : k);
    if (pruned) this.addSkipped(skipped, top);
    const ranked = top.map((doc) => ({ doc, score: scores[doc]! / q.norm }));
    for (const d of touched) scores[d] = 0;
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return ranked.slice(0, k);
  }

  /**
   * Adds the skipped common terms' share to the candidates' scores, making them exact. Each
   * term's postings are in message order, so each candidate is found by binary search: no
   * per-message vectors are kept (at 100,000 messages they would be ~70 MB).
   */
  private addSkipped(skipped: Array<[term: number, weight: number]>, docs: number[]): void {
    const { postOffsets, postDocs, postWeights } = this.arrays;
    const sorted = [...docs].sort((a, b) => a - b);
    for (const [term, w] of skipped) {
      let lo = postOffsets[term]!;
      const end = postOffsets[term + 1]!;
      for (const doc of sorted) {
        let hi = end;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (postDocs[mid]! < doc) lo = mid + 1;
          else hi = mid;
        }
        if (lo >= end) break;
        if (postDocs[lo] === doc) this.scores[doc]! += (w * postWeights[lo]!) / WEIGHT_SCALE;
      }
    }
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
      if (this.keys.size >= 10_000) this.keys.clear();
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
    // stock-sentence and corpus-similarity look up the same sentences; the bigram rescoring is the dear part.
    const memoKey = `${minSimilarity}\u0000${masked}`;
    if (this.matched.has(memoKey)) return this.matched.get(memoKey);
    if (this.matched.size >= 1000) this.matched.clear();
    const hit = this.matchSentenceUncached(masked, minSimilarity, dice);
    this.matched.set(memoKey, hit);
    return hit;
  }

  private matchSentenceUncached(masked: string, minSimilarity: number, dice: (a: string, b: string) => number): SentenceHit | undefined {
    const key = sentenceKey(masked);
    if (!key) return undefined;
    const own = shingles(key);
    const { shingleKeys, shingleOffsets, shingleSents, sentKeys, sentDocs } = this.arrays;
    // Shared-shingle counts per sentence in a reused array, not a Map: at 100,000 messages a
    // common 3-gram reaches thousands of sentences, and a Map per lookup churned the heap.
    const counts = (this.sentCounts ??= new Uint16Array(sentKeys.length));
    const touched = this.sentTouched;
    touched.length = 0;
    const capPosting = Math.max(2000, this.n / 10);
    for (const sh of own) {
      const at = lowerBound(shingleKeys, sh);
      if (at >= shingleKeys.length || shingleKeys[at] !== sh) continue;
      const from = shingleOffsets[at]!;
      const to = shingleOffsets[at + 1]!;
      if (to - from > capPosting) continue;
      for (let i = from; i < to; i++) {
        const sent = shingleSents[i]!;
        if (counts[sent] === 0) touched.push(sent);
        if (counts[sent]! < 0xffff) counts[sent]!++;
      }
    }
    const exact = hash32(key);
    const docs = new Set<number>();
    let best: { sent: number; sim: number } | undefined;
    const candidates = touched.filter((sent) => counts[sent]! * 2 >= own.length);
    for (const sent of touched) counts[sent] = 0;
    for (const sent of candidates) {
      const other = this.sentenceKey(sent);
      // The hash settles most unequal pairs without comparing the strings.
      const sim = sentKeys[sent] === exact ? keySimilarity(key, other, dice) : dice(key, other);
      if (sim < minSimilarity) continue;
      docs.add(sentDocs[sent]!);
      if (!best || sim > best.sim) best = { sent, sim };
    }
    if (!best) return undefined;
    return { messages: docs.size, closest: showSlots(this.sentenceText(best.sent)), closestDoc: sentDocs[best.sent]!, similarity: best.sim, byMeaning: false };
  }

  /**
   * Corpus sentences that say what this one says in other words: the cosine of their SIF
   * meanings at least `min`. A sentence whose words are mostly figures and names the table
   * does not know (more than `maxSpecific` of them) is about something in particular and
   * is not matched.
   */
  matchMeaning(masked: string, min: number, maxSpecific: number): SentenceHit | undefined {
    if (this.meaning.queryOf(masked).specific > maxSpecific) return undefined;
    const { near } = this.meaning.aboveText(masked, min);
    const best = near[0];
    if (!best) return undefined;
    const docs = new Set(near.map((n) => this.arrays.sentDocs[n.sent]!));
    return {
      messages: docs.size,
      closest: showSlots(this.sentenceText(best.sent)),
      closestDoc: this.arrays.sentDocs[best.sent]!,
      similarity: best.score,
      byMeaning: true,
    };
  }

  /** Builds an index from corpus messages. */
  static build(inputs: IndexInput[], hash: string, words = requireWordVectors()): CorpusIndex {
    const started = Date.now();
    const encoder = new TextEncoder();
    const vocab = new Map<string, number>();
    const docCounts = inputs.map((m) => {
      const counts = featureCounts(m.skeleton);
      const ids = new Map<number, number>();
      for (const [term, tf] of counts) {
        let id = vocab.get(term);
        if (id === undefined) {
          id = vocab.size;
          vocab.set(term, id);
        }
        ids.set(id, tf);
      }
      return ids;
    });
    const n = inputs.length;
    // Terms are kept as two 32-bit hashes in hash order, so a loaded index finds one by binary
    // search and stores no text (~15 MB at 100,000 messages). Terms whose two hashes both
    // agree (odds ~1 in 10^7 at a million terms) would share an id, counts added.
    const hashed = [...vocab.keys()].map((t, old) => ({ old, h: termHashes(t) }));
    hashed.sort((a, b) => a.h[0] - b.h[0] || a.h[1] - b.h[1]);
    const rank = new Uint32Array(vocab.size);
    const hashes: number[] = [];
    hashed.forEach((t, i) => {
      const prev = hashed[i - 1];
      if (!prev || prev.h[0] !== t.h[0] || prev.h[1] !== t.h[1]) hashes.push(t.h[0], t.h[1]);
      rank[t.old] = hashes.length / 2 - 1;
    });
    const terms = hashes.length / 2;
    const df = new Uint32Array(terms);
    for (const ids of docCounts) {
      const renumbered = new Map<number, number>();
      for (const [id, tf] of ids) renumbered.set(rank[id]!, (renumbered.get(rank[id]!) ?? 0) + tf);
      ids.clear();
      for (const [id, tf] of renumbered) {
        ids.set(id, tf);
        df[id]!++;
      }
    }
    const idf = new Float64Array(terms);
    df.forEach((d, id) => {
      idf[id] = inverseDocumentFrequency(n, d);
    });
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

    const postOffsets = new Uint32Array(terms + 1);
    for (let i = 0; i < nnz; i++) postOffsets[docTerms[i]! + 1]!++;
    for (let t = 0; t < terms; t++) postOffsets[t + 1]! += postOffsets[t]!;
    const fill = postOffsets.slice(0, terms);
    const postDocs = new Uint32Array(nnz);
    const postWeights = new Uint16Array(nnz);
    for (let d = 0; d < n; d++) {
      for (let i = docOffsets[d]!; i < docOffsets[d + 1]!; i++) {
        const slot = fill[docTerms[i]!]!++;
        postDocs[slot] = d;
        // Never 0: a posting always counts, and a message's first posting marks it touched.
        postWeights[slot] = Math.max(1, Math.round(docWeights[i]! * WEIGHT_SCALE));
      }
    }

    const sentKeysList: number[] = [];
    const sentMasked: string[] = [];
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
        sentMasked.push(unit);
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
    shingleKeys.forEach((k, i) => {
      shingleSents.set(shingleMap.get(k)!, shingleOffsets[i]!);
    });

    const header: IndexHeader = { hash, builtAt: new Date().toISOString(), buildMs: 0, count: inputs.length, terms, wordVectors: words.header.key };
    const metaLines = inputs.map((m) => encoder.encode(JSON.stringify(m.meta)));
    const metaOffsets = new Uint32Array(metaLines.length + 1);
    metaLines.forEach((line, i) => {
      metaOffsets[i + 1] = metaOffsets[i]! + line.length;
    });
    const index = new CorpusIndex(
      header,
      {
        vocabHashes: new Uint32Array(hashes),
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
        ...MeaningIndex.build(words, sentMasked),
      },
      words,
    );
    header.buildMs = Date.now() - started;
    return index;
  }

  toArrays(): Arrays {
    return this.arrays;
  }

  /** An index from the bytes of an index file, as a browser that fetched it has them. */
  static fromBytes(bytes: Uint8Array): CorpusIndex {
    const { header, arrays } = decodeIndex<IndexHeader>(bytes);
    return CorpusIndex.fromArrays(header, arrays);
  }

  static fromArrays(header: IndexHeader, arrays: Arrays): CorpusIndex {
    const need = [
      'vocabHashes',
      'postOffsets',
      'postDocs',
      'postWeights',
      'sentKeys',
      'sentDocs',
      'sentTextOffsets',
      'sentText',
      'metaText',
      'metaOffsets',
      'shingleKeys',
      'shingleOffsets',
      'shingleSents',
      ...MEANING_ARRAYS,
    ];
    for (const name of need) if (!arrays[name]) throw new Error(`index has no ${name}`);
    const a = arrays as CorpusIndex['arrays'];
    if (a.postOffsets.length !== header.terms + 1 || a.vocabHashes.length !== 2 * header.terms || a.metaOffsets.length !== header.count + 1)
      throw new Error('index arrays do not match its header');
    const words = requireWordVectors();
    if (header.wordVectors !== words.header.key) throw new Error('index was built with other word vectors');
    return new CorpusIndex(header, a, words);
  }
}

function requireWordVectors(): WordVectors {
  const words = shippedWordVectors();
  if (!words) throw new Error('the word-vector table dist/data/word-vectors.bin is missing: run `npm run build`');
  return words;
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

import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DraftResult, OutreachLint } from '../outreach-lint.js';
import { clusterShingles } from './cluster.js';
import { reviewRecords, type ReviewRecord } from './review-record.js';

/** One template or draft in a review, as every output reads it back. */
export interface ReviewItem extends Omit<ReviewRecord, 'shingles'> {
  /** Cluster number (1-based) when the item has near-copies, else undefined. */
  cluster?: number;
}

/** A file the review could not read or parse, with the one line the run printed for it. */
export interface FailedFile {
  file: string;
  /** The one-line message, as on stderr without the "outreach-lint: " prefix. */
  error: string;
}

export interface Review {
  /** How many drafts were reviewed. */
  count: number;
  clusters: Array<{ id: number; members: string[] }>;
  verdicts: Record<string, number>;
  rules: Record<string, number>;
  /** How many distinct emails the set holds once near-copies are counted once. */
  distinct: number;
  /** Files left out because they could not be read; every output lists them so none goes missing silently. */
  failed: FailedFile[];
  /** Every draft's score, and the form metrics of those that have them: the distributions. */
  scores: number[];
  form: FormColumns;
  /** The drafts worst first, `from` to `to` (exclusive), read back from disk one at a time. */
  items(from?: number, to?: number): Generator<ReviewItem>;
  /** The spool file the drafts are read back from, removed by close(). */
  spool: string;
  /** Removes the review's spool file. */
  close(): void;
}

/** The form metrics of the drafts that have them, a column each, and how many have none. */
export interface FormColumns {
  words: number[];
  grades: number[];
  questions: number[];
  links: number[];
  unmeasured: number;
}

const VERDICT_RANK: Record<string, number> = { block: 0, 'needs-signal': 1, revise: 2, pass: 3 };
const FLUSH_AT = 1 << 20;
const spools = new Set<ReviewCollector>();
let exitHook = false;

/**
 * Gathers reviewed drafts as they are linted, in any order, and keeps in memory only what
 * ranking, clustering and the summary need: each record goes to a spool file in the system's
 * temporary folder and is read back for the rows an output prints. So a review of 100,000
 * drafts holds their names, scores and shingle hashes, not their texts and findings.
 */
export class ReviewCollector {
  private readonly dir = mkdtempSync(join(tmpdir(), 'outreach-lint-review-'));
  private readonly fd = openSync(join(this.dir, 'records.ndjson'), 'w+');
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly names: string[] = [];
  private readonly ranks: number[] = [];
  private readonly scores: number[] = [];
  private readonly form: FormColumns = { words: [], grades: [], questions: [], links: [], unmeasured: 0 };
  /** Where each draft came in the input: its file's place among the files, then its place in the file. */
  private readonly places: number[] = [];
  /** Every draft's shingle hashes end to end, and where each draft's start: one buffer, not 100,000 small ones. */
  private shinglePool = new Uint32Array(1 << 16);
  private shingleUsed = 0;
  private readonly shingleStarts: number[] = [];
  /** Each draft's rules in the order its findings name them, as indexes into ruleIds. */
  private readonly itemRules: number[][] = [];
  private readonly ruleIds: string[] = [];
  private readonly ruleIndex = new Map<string, number>();
  private readonly ruleCounts: number[] = [];
  private readonly verdicts: Record<string, number> = { block: 0, 'needs-signal': 0, revise: 0, pass: 0 };

  constructor() {
    if (!exitHook) {
      exitHook = true;
      process.once('exit', () => {
        for (const s of spools) s.close();
      });
    }
    spools.add(this);
  }

  /** Adds one file's records; `fileIndex` is the file's place in the input, which breaks ties in the ranking. */
  add(records: ReviewRecord[], fileIndex: number): void {
    records.forEach((record, k) => {
      const { shingles, ...rest } = record;
      const line = JSON.stringify(rest);
      const bytes = Buffer.byteLength(line);
      this.offsets.push(this.written + this.pendingBytes);
      this.lengths.push(bytes);
      this.pending.push(line);
      this.pendingBytes += bytes;
      if (this.pendingBytes >= FLUSH_AT) this.flush();
      this.names.push(record.name);
      this.ranks.push(VERDICT_RANK[record.verdict]!);
      this.scores.push(record.score);
      if (record.metrics) {
        this.form.words.push(record.metrics.words);
        this.form.grades.push(record.metrics.grade);
        this.form.questions.push(record.metrics.questions);
        this.form.links.push(record.metrics.links);
      } else this.form.unmeasured++;
      // One number: exact for up to 2 million files of up to 4 billion drafts each.
      this.places.push(fileIndex * 2 ** 32 + k);
      this.keepShingles(shingles);
      this.verdicts[record.verdict]!++;
      const rules: number[] = [];
      for (const f of record.findings) {
        let r = this.ruleIndex.get(f.ruleId);
        if (r === undefined) {
          this.ruleIndex.set(f.ruleId, (r = this.ruleIds.push(f.ruleId) - 1));
          this.ruleCounts.push(0);
        }
        this.ruleCounts[r]!++;
        if (!rules.includes(r)) rules.push(r);
      }
      this.itemRules.push(rules);
    });
  }

  private keepShingles(shingles: Uint32Array): void {
    if (this.shingleUsed + shingles.length > this.shinglePool.length) {
      const grown = new Uint32Array(Math.max(this.shinglePool.length * 2, this.shingleUsed + shingles.length));
      grown.set(this.shinglePool.subarray(0, this.shingleUsed));
      this.shinglePool = grown;
    }
    this.shingleStarts.push(this.shingleUsed);
    this.shinglePool.set(shingles, this.shingleUsed);
    this.shingleUsed += shingles.length;
  }

  private shinglesOf(i: number): Uint32Array {
    return this.shinglePool.subarray(this.shingleStarts[i]!, this.shingleStarts[i + 1] ?? this.shingleUsed);
  }

  /** Removes the spool file; a review not closed has it removed when the process exits. */
  close(): void {
    if (!spools.delete(this)) return;
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (!this.pending.length) return;
    const chunk = Buffer.from(this.pending.join(''));
    writeSync(this.fd, chunk, 0, chunk.length, this.written);
    this.written += chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Ranks worst first (verdict, score, name, then input order), clusters near-copies and totals the rules. */
  finish(failed: FailedFile[] = []): Review {
    this.flush();
    const n = this.names.length;
    const byInput = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.places[a]! - this.places[b]!);
    const roots = clusterShingles(byInput.map((i) => this.shinglesOf(i)));
    const rootOf = new Array<number>(n);
    byInput.forEach((i, k) => {
      rootOf[i] = byInput[roots[k]!]!;
    });
    const sizes = new Map<number, number>();
    for (const r of rootOf) sizes.set(r, (sizes.get(r) ?? 0) + 1);
    // Clusters are numbered in input order of their first member, as a reader of the files meets them.
    const numbering = new Map<number, number>();
    for (const i of byInput) if (sizes.get(rootOf[i]!)! > 1 && !numbering.has(rootOf[i]!)) numbering.set(rootOf[i]!, numbering.size + 1);
    const clusterOf = (i: number) => numbering.get(rootOf[i]!);
    const compare = new Intl.Collator().compare;
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) =>
        this.ranks[a]! - this.ranks[b]! || this.scores[a]! - this.scores[b]! || compare(this.names[a]!, this.names[b]!) || this.places[a]! - this.places[b]!,
    );
    const clusters = [...numbering.values()].map((id) => ({ id, members: [] as string[] }));
    const rules: Record<string, number> = {};
    for (const i of order) {
      const c = clusterOf(i);
      if (c !== undefined) clusters[c - 1]!.members.push(this.names[i]!);
      for (const r of this.itemRules[i]!) rules[this.ruleIds[r]!] = this.ruleCounts[r]!;
    }
    this.shinglePool = new Uint32Array(0);
    const read = (i: number): ReviewItem => {
      const buf = Buffer.allocUnsafe(this.lengths[i]!);
      readSync(this.fd, buf, 0, buf.length, this.offsets[i]!);
      const item = JSON.parse(buf.toString('utf8')) as ReviewItem;
      const c = clusterOf(i);
      if (c !== undefined) item.cluster = c;
      return item;
    };
    const close = () => this.close();
    return {
      count: n,
      clusters,
      verdicts: this.verdicts,
      rules,
      distinct: new Set(rootOf).size,
      failed,
      scores: this.scores,
      form: this.form,
      spool: join(this.dir, 'records.ndjson'),
      *items(from = 0, to = n) {
        for (let k = Math.max(0, from); k < Math.min(n, to); k++) yield read(order[k]!);
      },
      close,
    };
  }
}

/**
 * The review of results already linted in this process (the library's and the tests' way in;
 * the CLI collects records from worker threads as it goes). `failed` are the files that could
 * not be read, in the order they were met.
 */
export async function buildReview(linter: OutreachLint, results: DraftResult[], failed: FailedFile[] = []): Promise<Review> {
  const collector = new ReviewCollector();
  const byFile = new Map<string, DraftResult[]>();
  for (const r of results) byFile.set(r.filePath, [...(byFile.get(r.filePath) ?? []), r]);
  let k = 0;
  const corpusDrafts = new Map();
  for (const fileResults of byFile.values())
    collector.add(await reviewRecords(fileResults, linter.services.corpus, { shown: true, parse: linter.parseOptions, corpusDrafts }), k++);
  return collector.finish(failed);
}

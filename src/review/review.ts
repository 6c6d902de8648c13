import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DraftResult, OutreachLint } from '../outreach-lint.js';
import type { Outcome } from '../outcomes/outcome.js';
import { summarizeOutcomes, type Outcomes } from '../outcomes/outcome-stats.js';
import type { OutcomeTable } from '../outcomes/outcome-table.js';
import { clusterShingles } from './cluster.js';
import { fixFirst, type FixFirst } from './fix-first.js';
import { reviewGroups, type ReviewGroups } from './review-groups.js';
import { needsSignalRules, reviewRecords, type ReviewRecord } from './review-record.js';

/** One template or draft in a review, as every output reads it back. */
export interface ReviewItem extends Omit<ReviewRecord, 'shingles' | 'outcomeProblem'> {
  /** Cluster number (1-based) when the item has near-copies, else undefined. */
  cluster?: number;
}

/** Where a review's outcomes came from, when an export was joined to its drafts. */
export interface OutcomeSource {
  file: string;
  /** The vendor whose column names the export's header matched best. */
  vendor: string | null;
  vendorLabel: string | null;
  /** Which column was read for each field. */
  columns: Record<string, string>;
  rows: number;
  /** Rows left out, and the templates (and steps) of the export that no reviewed draft took. */
  skipped: number;
  unmatched: Array<{ template: string; step: string }>;
}

/** How a review joins outcomes to its drafts and when it calls a difference. */
export interface FinishOptions {
  outcomes?: OutcomeTable;
  minSends?: number;
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
  /** The few changes that would move the most sends (or drafts) out of block and needs-signal. */
  fixFirst: FixFirst[];
  /** The drafts per rep and per sequence step, when the input says who and which. */
  groups: ReviewGroups;
  /** Reply rates, when any draft has an outcome: its own (a CSV row's, a JSON draft's) or an export's. */
  outcomes?: Outcomes;
  outcomeSource?: OutcomeSource;
  /** Outcomes that could not be read, a line each (a draft's own, or an export's rows), in input order. */
  outcomeProblems: string[];
}

/** The form metrics of the drafts that have them, a column each, and how many have none. */
export interface FormColumns {
  words: number[];
  grades: number[];
  questions: number[];
  links: number[];
  unmeasured: number;
}

const VERDICTS = ['block', 'needs-signal', 'revise', 'pass'] as const;
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
  /** Each draft's own outcome, and what outcomes join to it by and group it by. */
  private readonly outcomes: Array<Outcome | undefined> = [];
  private readonly templates: Array<string | undefined> = [];
  private readonly steps: Array<string | undefined> = [];
  private readonly owners: Array<string | undefined> = [];
  private readonly decided: number[][] = [];
  private readonly problems: Array<[place: number, line: string]> = [];

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
      const { shingles, outcomeProblem, ...rest } = record;
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
      this.decided.push(record.decidedBy.map((id) => this.ruleIndex.get(id)!));
      this.outcomes.push(record.outcome);
      this.templates.push(record.template);
      this.steps.push(record.step);
      this.owners.push(record.owner);
      if (record.outcomeProblem) this.problems.push([this.places.at(-1)!, record.outcomeProblem]);
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
  finish(failed: FailedFile[] = [], opts: FinishOptions = {}): Review {
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
    // An export's outcomes go to drafts in input order, each template's once: the same draft gets them whichever thread linted it first.
    const table = opts.outcomes;
    // The export's reps stand for a draft that names none; a draft several reps sent counts under each, with their sends.
    const sentBy = new Map<number, Map<string, Outcome>>();
    if (table)
      for (const i of byInput) {
        if (this.outcomes[i]) continue;
        const hit = table.take(this.templates[i], this.steps[i]);
        if (!hit) continue;
        this.outcomes[i] = hit.outcome;
        if (this.owners[i] === undefined && hit.owners.size) {
          sentBy.set(i, hit.owners);
          this.owners[i] = [...hit.owners.keys()].join(', ');
        }
      }
    const withOutcomes = this.outcomes.some((o) => o !== undefined);
    const ruleNames = (list: number[]) => list.map((r) => this.ruleIds[r]!);
    const outcomes = withOutcomes
      ? summarizeOutcomes(
          (function* (c: ReviewCollector) {
            for (const i of order) {
              const cluster = clusterOf(i);
              yield {
                outcome: c.outcomes[i],
                verdict: VERDICTS[c.ranks[i]!]!,
                score: c.scores[i]!,
                rules: ruleNames(c.itemRules[i]!),
                ...(cluster !== undefined ? { cluster, unit: `cluster ${cluster}` } : {}),
                ...(sentBy.has(i) ? { sentBy: sentBy.get(i) } : c.owners[i] !== undefined ? { owner: c.owners[i] } : {}),
                ...(c.steps[i] !== undefined ? { step: c.steps[i] } : {}),
              };
            }
          })(this),
          opts.minSends,
        )
      : undefined;
    const fixes = fixFirst(
      order.map((i) => ({ name: this.names[i]!, verdict: VERDICTS[this.ranks[i]!]!, decidedBy: ruleNames(this.decided[i]!), sent: this.outcomes[i]?.sent })),
      withOutcomes,
    );
    const groups = reviewGroups(
      order.map((i) => ({
        owners: sentBy.has(i) ? [...sentBy.get(i)!.keys()] : this.owners[i] !== undefined ? [this.owners[i]!] : [],
        step: this.steps[i],
        verdict: VERDICTS[this.ranks[i]!]!,
        score: this.scores[i]!,
      })),
    );
    const outcomeProblems = [...(table?.problems ?? []), ...this.problems.sort((a, b) => a[0] - b[0]).map(([, line]) => line)];
    const read = (i: number): ReviewItem => {
      const buf = Buffer.allocUnsafe(this.lengths[i]!);
      readSync(this.fd, buf, 0, buf.length, this.offsets[i]!);
      const item = JSON.parse(buf.toString('utf8')) as ReviewItem;
      const c = clusterOf(i);
      if (c !== undefined) item.cluster = c;
      const outcome = this.outcomes[i];
      if (outcome) item.outcome = outcome;
      if (this.owners[i] !== undefined) item.owner = this.owners[i];
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
      fixFirst: fixes,
      groups,
      ...(outcomes ? { outcomes } : {}),
      ...(table
        ? {
            outcomeSource: {
              file: table.file,
              vendor: table.columns.vendor,
              vendorLabel: table.columns.vendorLabel,
              columns: { ...table.columns.columns } as Record<string, string>,
              rows: table.rows,
              skipped: table.problems.length,
              unmatched: table.unmatched(),
            },
          }
        : {}),
      outcomeProblems,
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
    collector.add(
      await reviewRecords(fileResults, linter.services.corpus, {
        shown: true,
        parse: linter.parseOptions,
        corpusDrafts,
        needsSignal: needsSignalRules(linter),
      }),
      k++,
    );
  return collector.finish(failed);
}

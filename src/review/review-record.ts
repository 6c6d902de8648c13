import { dice } from '../corpus/dice.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { NEAR_VERBATIM, STOCK_MIN_WORDS } from '../corpus/sentence-hits.js';
import { sharedSentences } from '../corpus/shared-sentences.js';
import { skeletonOf, skeletonText } from '../corpus/skeleton.js';
import { round } from '../kernel/round.js';
import type { Draft, Finding, LintResult } from '../kernel/types.js';
import type { DraftResult, OutreachLint } from '../outreach-lint.js';
import type { ParseOptions } from '../parse/parse-file.js';
import { LineIndex } from '../parse/source-map.js';
import { shingleSet } from './cluster.js';
import { readCorpusMessage } from './nearest-message.js';
import { loadRuleData } from '../fs/rule-data.js';
import { draftContext, type DraftContext } from '../outcomes/draft-outcome.js';
import type { OutcomeData, OutcomeField } from '../outcomes/outcome-columns.js';
import type { ReportShared } from './report-shape.js';

/** Below this similarity the nearest corpus message is not shown beside a template: it is not near. */
const SHOW_NEAREST = 0.2;

/**
 * One reviewed draft, all that any review output needs of it and nothing of the parsed draft:
 * made where the draft is linted (a worker thread in a large review), kept on disk, and read
 * back only for the rows an output prints. `shingles` alone stays in memory, for clustering.
 */
export interface ReviewRecord extends Omit<LintResult, 'infoCount' | 'index'>, DraftContext {
  name: string;
  /** The rules that decide a block or needs-signal verdict: what would have to be fixed to move it out. */
  decidedBy: string[];
  /** The nearest generic corpus message and its similarity. */
  nearest: { id: string; archetype: string; similarity: number } | null;
  topFinding: Finding | null;
  /**
   * What the HTML report shows: the text, whether it is the whole file, and the sentences it
   * shares with the nearest message. Made only for a review that writes a report.
   */
  shown?: ReviewShown;
  shingles: Uint32Array;
}

/** A reviewed draft as the HTML report shows it. */
export interface ReviewShown {
  text: string;
  whole: boolean;
  shared: ReportShared[];
  nearestText: string | null;
}

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** What a worker thread is told of how to make records: what can cross to a thread. */
export interface WorkerRecordOptions {
  shown: boolean;
  /** Outcome columns of a drafts CSV named on the command line (--outcome-sent, --outcome-replied). */
  outcomeColumns?: Partial<Record<OutcomeField, string>>;
}

/** How records are made: whether with what the report shows, and the nearest messages already read. */
export interface RecordOptions extends WorkerRecordOptions {
  parse?: ParseOptions;
  /** The nearest corpus messages read so far, so each is read once per process. */
  corpusDrafts?: Map<string, Promise<Draft | undefined>>;
  /** The rules whose findings make a draft needs-signal, as the linter's rules' meta says. */
  needsSignal?: ReadonlySet<string>;
}

/** The ids of the linter's rules that make a draft needs-signal. */
export function needsSignalRules(linter: OutreachLint): Set<string> {
  return new Set(linter.rules.filter((r) => r.rule.meta.verdict === 'needs-signal').map((r) => r.rule.meta.id));
}

/** The records of one file's results. */
export function reviewRecords(results: DraftResult[], corpus: CorpusIndex | undefined, opts: RecordOptions): Promise<ReviewRecord[]> {
  return Promise.all(results.map((r) => reviewRecord(r, results.length, corpus, opts)));
}

/** The record of one result; `drafts` is how many drafts its file holds (one, not CSV: the report shows the whole file). */
export async function reviewRecord(r: DraftResult, drafts: number, corpus: CorpusIndex | undefined, opts: RecordOptions): Promise<ReviewRecord> {
  const cache = opts.corpusDrafts ?? new Map();
  const skeleton = skeletonOf(r.draft);
  const text = skeletonText(skeleton);
  const whole = drafts === 1 && r.draft.format !== 'csv';
  const shown = opts.shown ? (whole ? wholeFile(r.draft) : subjectAndBody(r.draft)) : undefined;
  const best = corpus?.nearest(text, 1)[0];
  let nearest: ReviewRecord['nearest'] = null;
  let shared: ReportShared[] = [];
  let nearestText: string | null = null;
  if (best && corpus) {
    const m = corpus.message(best.doc);
    nearest = { id: m.id, archetype: m.archetype, similarity: round(best.score) };
    if (shown && nearest.similarity >= SHOW_NEAREST) {
      let read = cache.get(m.id);
      if (!read) cache.set(m.id, (read = readCorpusMessage(m.id, opts.parse)));
      const message = await read;
      if (message) {
        const other = subjectAndBody(message);
        nearestText = other.text;
        shared = sharedSentences(skeleton, skeletonOf(message), { minWords: STOCK_MIN_WORDS, similarity: NEAR_VERBATIM }, dice).map((s) => [
          shown.at(s.draft.start),
          shown.at(s.draft.end),
          other.at(s.message.start),
          other.at(s.message.end),
        ]);
      }
    }
  }
  const decidedBy =
    r.verdict === 'block'
      ? r.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)
      : r.verdict === 'needs-signal'
        ? r.findings.filter((f) => opts.needsSignal?.has(f.ruleId)).map((f) => f.ruleId)
        : [];
  const topFinding = [...r.findings].sort((a, b) => SEVERITY_RANK[a.severity]! - SEVERITY_RANK[b.severity]! || a.line - b.line)[0] ?? null;
  const record: ReviewRecord = {
    name: itemName(r),
    filePath: r.filePath,
    verdict: r.verdict,
    score: r.score,
    mode: r.mode,
    findings: r.findings,
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    scoreBreakdown: r.scoreBreakdown,
    nearest,
    topFinding,
    decidedBy: [...new Set(decidedBy)],
    ...draftContext(r.draft, drafts, loadRuleData<OutcomeData>('outcomes'), opts.outcomeColumns),
    shingles: shingleSet(text),
  };
  if (shown) record.shown = { text: shown.text, whole, shared, nearestText };
  if (r.prompt) record.prompt = r.prompt;
  if (r.metrics) record.metrics = r.metrics;
  return record;
}

/** A draft as the report shows it, and where a body offset falls in that text. */
interface Shown {
  text: string;
  at(bodyOffset: number): number;
}

/** The whole file, where findings' lines and columns point. */
function wholeFile(draft: Draft): Shown {
  const lines = new LineIndex(draft.source);
  return { text: draft.source, at: (o) => lines.offset(draft.body.map.toPosition(o)) };
}

/** The subject line, a blank line and the body: a draft that is one of several in its file. */
function subjectAndBody(draft: Draft): Shown {
  const head = draft.subject ? `Subject: ${draft.subject.text}\n${draft.body.text.startsWith('\n') ? '' : '\n'}` : '';
  return { text: head + draft.body.text, at: (o) => head.length + o };
}

function itemName(r: DraftResult): string {
  const a = r.draft.attributes;
  if (r.draft.format === 'csv') return typeof a.name === 'string' && a.name ? `${r.filePath}: ${a.name}` : `${r.filePath}:${String(a.line)}`;
  return r.index !== undefined ? `${r.filePath}[${r.index}]` : r.filePath;
}

/** Lints one file and makes its records: the one step a review takes per file, in a worker thread or in this one. */
export async function reviewFile(linter: OutreachLint, path: string, opts: RecordOptions): Promise<ReviewRecord[]> {
  const records: ReviewRecord[] = [];
  const withParse = { parse: linter.parseOptions, needsSignal: needsSignalRules(linter), ...opts };
  await linter.lintFileEach(path, async (r, drafts) => {
    records.push(await reviewRecord(r, drafts, linter.services.corpus, withParse));
  });
  return records;
}

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { OutreachLint } from '../outreach-lint.js';
import { availableParallelism } from 'node:os';
import { ReviewCollector, type FailedFile, type Review } from '../review/review.js';
import { needsSignalRules, reviewFile, type ReviewRecord } from '../review/review-record.js';
import { chooseColors } from './colors.js';
import type { OutcomeData, OutcomeField } from '../outcomes/outcome-columns.js';
import type { OutcomeTable } from '../outcomes/outcome-table.js';
import { expandPaths } from '../fs/expand-paths.js';
import { formatOptions, type Io } from './lint-command.js';
import { runConfig, sizeFlag } from './run-config.js';
import { errorLine, EXIT_FATAL, EXIT_OK, reportError } from './report-error.js';

/**
 * Below this much text a review lints in this thread: starting a worker and its linter costs
 * about 0.25 s here, what some 100 templates of 600 bytes take to lint.
 */
const WORKERS_FROM_BYTES = 256 * 1024;
// A cap, not a measured knee (this machine has two cores): each thread holds a linter of its own,
// about 230 MB here.
const MAX_JOBS = 8;

export interface ReviewFlags {
  format: string;
  report?: string;
  config?: string;
  csvSubject?: string;
  csvBody?: string;
  jsonSubject?: string;
  jsonBody?: string;
  jsonProspect?: string;
  csvName?: string;
  csvStep?: string;
  corpus?: string[];
  defaultCorpus: boolean;
  limit?: string;
  maxFileSize?: string;
  jobs?: string;
  outcomes?: string;
  outcomeTemplate?: string;
  outcomeSent?: string;
  outcomeReplied?: string;
  minSends?: string;
  color?: boolean;
  debug?: boolean;
}

/**
 * `outreach-lint review`: lints every template or draft named (CSV exports too, one per row),
 * clusters near-copies, and prints the ranked table or writes JSON, CSV and the HTML report.
 */
export async function runReview(paths: string[], flags: ReviewFlags, io: Io): Promise<number> {
  if (!['table', 'json', 'csv'].includes(flags.format)) throw new InputError(`--format ${flags.format}`, 'is not a review format', 'use table, json or csv');
  if (paths.length === 0)
    throw new InputError('outreach-lint review', 'no templates to review', 'name files, folders or globs, e.g. outreach-lint review templates/');
  const config = await runConfig(io.cwd, flags, flags.maxFileSize ? { maxFileSize: sizeFlag('--max-file-size', flags.maxFileSize) } : {});
  // Every file that fails is listed in the output as well as on stderr, so none drops out unseen.
  const failed: FailedFile[] = [];
  const fail = (e: unknown, file?: string) => {
    reportError(e, !!flags.debug, io.stderr);
    failed.push({ file: file ?? (e as InputError).file, error: errorLine(e) });
  };
  const formats = formatOptions(flags);
  const csv = { ...formats.csv, ...(flags.csvName ? { name: flags.csvName } : {}), ...(flags.csvStep ? { step: flags.csvStep } : {}) };
  const given = outcomeFlags(flags);
  const minSends = minSendsFlag(flags.minSends);
  // An export that cannot be read stops the run before any linting: its numbers are what was asked for.
  const outcomes = flags.outcomes ? await readOutcomesFlag(resolve(io.cwd, flags.outcomes), flags.outcomes, given) : undefined;
  const linter = await OutreachLint.create(config, { parse: { ...formats, csv }, onFileError: (e) => fail(e) });
  const expanded = await expandPaths(paths, { cwd: io.cwd, ignores: config.ignores, useIgnore: true, withCsv: true });
  for (const e of expanded.errors) fail(e);
  // The report this run writes is output, even when it sits among the templates or is named.
  const report = flags.report ? resolve(io.cwd, flags.report) : undefined;
  const files = expanded.files.filter((f) => resolve(io.cwd, f) !== report);
  if (files.length < expanded.files.length) io.stderr.write(`outreach-lint: ${flags.report}: skipped, it is the --report file this run writes\n`);

  const stderr = io.stderr as NodeJS.WritableStream & { isTTY?: boolean };
  const jobs = jobsFor(
    flags.jobs,
    files.map((f) => resolve(io.cwd, f)),
  );
  const bar = stderr.isTTY && files.length > 50 ? await progressBar(files.length, stderr) : undefined;
  const collector = new ReviewCollector();
  try {
    // Records come back in the order files finish; a file's place in the input keeps the ranking's ties and the failed list in input order.
    const failedAt: Array<FailedFile & { index: number }> = [];
    const onFile = (index: number, outcome: { records: ReviewRecord[] } | { error: Error }) => {
      if ('records' in outcome) collector.add(outcome.records, index);
      else {
        reportError(outcome.error, !!flags.debug, io.stderr);
        failedAt.push({ index, file: files[index]!, error: errorLine(outcome.error) });
      }
      bar?.increment('records' in outcome ? outcome.records.length : 0);
    };
    // The --outcome-* flags name the export's columns when there is one, else the drafts CSV's own.
    const opts = { shown: !!flags.report, ...(outcomes ? {} : { outcomeColumns: given }), corpusDrafts: new Map() };
    const needsSignal = needsSignalRules(linter);
    const here = (file: string) => reviewFile(linter, file, { ...opts, needsSignal });
    const { reviewFiles } = await import('../review/review-pool.js');
    const { corpusDrafts: _, ...record } = opts;
    await reviewFiles(files, { config, parse: linter.parseOptions, jobs, record, here }, onFile);
    bar?.stop();
    failed.push(...failedAt.sort((a, b) => a.index - b.index).map(({ file, error }) => ({ file, error })));
    const review = collector.finish(failed, { ...(outcomes ? { outcomes } : {}), minSends });
    for (const line of review.outcomeProblems) io.stderr.write(`outreach-lint: ${line}\n`);
    const unmatched = review.outcomeSource?.unmatched ?? [];
    if (unmatched.length) {
      const names = unmatched.slice(0, 3).map((u) => `"${u.template}${u.step ? ` step ${u.step}` : ''}"`);
      io.stderr.write(
        `outreach-lint: ${flags.outcomes}: ${unmatched.length} of its templates ${unmatched.length === 1 ? 'matches' : 'match'} no reviewed draft (${names.join(', ')}${unmatched.length > 3 ? ', …' : ''}); name the drafts as the export does (a CSV name column, name: in front matter, or the file name)\n`,
      );
    }
    await writeReview(review, flags, io);
  } finally {
    collector.close();
  }
  return failed.length ? EXIT_FATAL : EXIT_OK;
}

/** Writes the report, then the review in the format asked for, a piece at a time. */
async function writeReview(review: Review, flags: ReviewFlags, io: Io): Promise<void> {
  const stderr = io.stderr;
  if (flags.report) {
    const { reportHtml } = await import('../review/report-html.js');
    const { writeFileAtomic } = await import('../fs/atomic-write.js');
    try {
      writeFileAtomic(resolve(io.cwd, flags.report), reportHtml(review));
    } catch (e) {
      throw new InputError(
        flags.report,
        `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        'check that the folder exists and is writable',
      );
    }
    stderr.write(`outreach-lint: wrote the report to ${flags.report}\n`);
  }
  if (flags.format === 'json' || flags.format === 'csv') {
    const { reviewJson, reviewCsv } = await import('../review/review-data.js');
    await writePieces(io.stdout, flags.format === 'json' ? reviewJson(review) : reviewCsv(review));
  } else {
    const { reviewText } = await import('../review/review-text.js');
    const limit = flags.limit === undefined ? 50 : Number(flags.limit);
    io.stdout.write(reviewText(review, chooseColors(flags.color, !!io.stdout.isTTY, io.env), Number.isFinite(limit) && limit > 0 ? limit : Infinity));
  }
}

/** Joins small pieces into writes of about 64 KB and waits for the stream to drain when it asks to. */
async function writePieces(out: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  let buffered = '';
  const write = async (s: string) => {
    if (out.write(s) === false) await new Promise((resolveDrain) => out.once('drain', resolveDrain));
  };
  for (const piece of pieces) {
    buffered += piece;
    if (buffered.length >= 1 << 16) {
      await write(buffered);
      buffered = '';
    }
  }
  if (buffered) await write(buffered);
}

/** --outcome-template, --outcome-sent and --outcome-replied: the columns that none of rules/outcomes.yml's names finds. */
function outcomeFlags(flags: ReviewFlags): Partial<Record<OutcomeField, string>> {
  return {
    ...(flags.outcomeTemplate ? { template: flags.outcomeTemplate } : {}),
    ...(flags.outcomeSent ? { sent: flags.outcomeSent } : {}),
    ...(flags.outcomeReplied ? { replied: flags.outcomeReplied } : {}),
  };
}

function minSendsFlag(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const n = Number(flag);
  if (!Number.isInteger(n) || n < 1)
    throw new InputError(`--min-sends ${flag}`, 'is not a number of sends', 'write a whole number of 1 or more, e.g. --min-sends 200');
  return n;
}

/** Reads the --outcomes export; one that cannot be read or joined is refused in one line. */
async function readOutcomesFlag(path: string, shown: string, given: Partial<Record<OutcomeField, string>>): Promise<OutcomeTable> {
  const { readFile } = await import('node:fs/promises');
  const { readOutcomeTable } = await import('../outcomes/outcome-table.js');
  const { loadRuleData } = await import('../fs/rule-data.js');
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(shown, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'check the path given to --outcomes');
  }
  return readOutcomeTable(shown, source, loadRuleData<OutcomeData>('outcomes'), given);
}

/** --jobs, or one worker thread per core once there is enough to lint to repay starting them. */
function jobsFor(flag: string | undefined, files: string[]): number {
  if (flag !== undefined) {
    const n = Number(flag);
    if (!Number.isInteger(n) || n < 1) throw new InputError(`--jobs ${flag}`, 'is not a number of threads', 'write a whole number of 1 or more, e.g. --jobs 2');
    return n;
  }
  const cores = Math.min(availableParallelism(), MAX_JOBS);
  if (cores < 2 || files.length < 2) return 1;
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f).size;
    } catch {
      // The lint reports a file it cannot read.
    }
    if (bytes >= WORKERS_FROM_BYTES) return Math.min(cores, files.length);
  }
  return 1;
}

/** A progress bar on a terminal's stderr: files done of all, drafts a second, and the time left. */
async function progressBar(total: number, stream: NodeJS.WritableStream) {
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const started = process.hrtime.bigint();
  let drafts = 0;
  const bar = new SingleBar(
    {
      stream,
      format: 'reviewing [{bar}] {value}/{total} files | {rate} drafts/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { rate: 0 });
  return {
    increment(draftsInFile: number) {
      drafts += draftsInFile;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      bar.increment(1, { rate: seconds > 0 ? Math.round(drafts / seconds) : 0 });
    },
    stop: () => bar.stop(),
  };
}

import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { OutreachLint, type DraftResult } from '../outreach-lint.js';
import { buildReview, type FailedFile } from '../review/review.js';
import { chooseColors } from './colors.js';
import { expandPaths } from '../fs/expand-paths.js';
import { formatOptions, type Io } from './lint-command.js';
import { runConfig, sizeFlag } from './run-config.js';
import { errorLine, EXIT_FATAL, EXIT_OK, reportError } from './report-error.js';

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
  const linter = await OutreachLint.create(config, { parse: { ...formats, csv }, onFileError: (e) => fail(e) });
  const expanded = await expandPaths(paths, { cwd: io.cwd, ignores: config.ignores, useIgnore: true, withCsv: true });
  for (const e of expanded.errors) fail(e);
  // The report this run writes is output, even when it sits among the templates or is named.
  const report = flags.report ? resolve(io.cwd, flags.report) : undefined;
  const files = expanded.files.filter((f) => resolve(io.cwd, f) !== report);
  if (files.length < expanded.files.length) io.stderr.write(`outreach-lint: ${flags.report}: skipped, it is the --report file this run writes\n`);

  const stderr = io.stderr as NodeJS.WritableStream & { isTTY?: boolean };
  const bar = stderr.isTTY && files.length > 50 ? await progressBar(files.length, stderr) : undefined;
  const results: DraftResult[] = [];
  for (const file of files) {
    try {
      results.push(...(await linter.lintFile(file)));
    } catch (e) {
      fail(e, file);
    }
    bar?.increment();
  }
  bar?.stop();

  const review = buildReview(linter, results, failed);
  if (flags.report) {
    const { reportHtml } = await import('../review/report-html.js');
    const { writeFileAtomic } = await import('../fs/atomic-write.js');
    try {
      writeFileAtomic(resolve(io.cwd, flags.report), await reportHtml(review, { parse: linter.parseOptions }));
    } catch (e) {
      throw new InputError(
        flags.report,
        `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        'check that the folder exists and is writable',
      );
    }
    stderr.write(`outreach-lint: wrote the report to ${flags.report}\n`);
  }
  if (flags.format === 'json') {
    const { reviewData } = await import('../review/review-data.js');
    io.stdout.write(`${JSON.stringify(reviewData(review))}\n`);
  } else if (flags.format === 'csv') {
    const { reviewCsv } = await import('../review/review-data.js');
    io.stdout.write(reviewCsv(review));
  } else {
    const { reviewText } = await import('../review/review-text.js');
    const limit = flags.limit === undefined ? 50 : Number(flags.limit);
    io.stdout.write(reviewText(review, chooseColors(flags.color, !!io.stdout.isTTY, io.env), Number.isFinite(limit) && limit > 0 ? limit : Infinity));
  }
  return failed.length ? EXIT_FATAL : EXIT_OK;
}

async function progressBar(total: number, stream: NodeJS.WritableStream) {
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar({ stream, format: 'reviewing [{bar}] {value}/{total} files', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { configBase, discoverConfig, loadConfigFile } from '../config/discover.js';
import { printableConfig, resolveConfig, type ConfigOverrides } from '../config/resolve.js';
import { InputError } from '../errors.js';
import { FORMATTERS, FORMAT_NAMES } from '../formatters/index.js';
import type { Finding } from '../kernel/types.js';
import { OutreachLint, type DraftResult } from '../outreach-lint.js';
import type { CsvColumns } from '../parse/csv-draft.js';
import type { PayloadPaths } from '../parse/payload.js';
import type { ParseOptions } from '../parse/parse-file.js';
import { allRules } from '../rules/index.js';
import { chooseColors } from './colors.js';
import type { Io } from './io.js';
import { expandPaths } from '../fs/expand-paths.js';
import { writeStarterConfig } from './init.js';
import { sizeFlag } from './run-config.js';
import { EXIT_FATAL, EXIT_LINT, EXIT_OK, reportError } from './report-error.js';

/** The options of `outreach-lint [lint]`, as commander hands them over. */
export interface LintFlags {
  format: string;
  outputFile?: string;
  config?: string;
  rule?: string[];
  mode?: string;
  printConfig?: boolean;
  init?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  maxWarnings?: string;
  quiet?: boolean;
  ignorePath?: string;
  ignorePattern?: string[];
  ignore: boolean;
  color?: boolean;
  maxFileSize?: string;
  corpus?: string[];
  defaultCorpus: boolean;
  prospect?: string[];
  signal?: string;
  signalType?: string;
  interactive: boolean;
  csvSubject?: string;
  jsonSubject?: string;
  jsonBody?: string;
  jsonProspect?: string;
  csvBody?: string;
  debug?: boolean;
}

export type { Io };

/** Runs a lint and returns the exit code: 0 clean, 1 lint errors, 2 the run could not proceed. */
export async function runLint(paths: string[], flags: LintFlags, io: Io): Promise<number> {
  if (flags.init) {
    const path = writeStarterConfig(io.cwd, allRules);
    io.stdout.write(`Wrote ${path}\n`);
    return EXIT_OK;
  }
  if (!FORMATTERS[flags.format]) throw new InputError(`--format ${flags.format}`, 'is not a known format', `use one of: ${FORMAT_NAMES.join(', ')}`);
  const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < -1)) {
    throw new InputError(`--max-warnings ${flags.maxWarnings}`, 'is not a whole number', 'give a count such as 0 or 10 (-1 means no limit)');
  }
  const mode = flags.mode;
  if (mode !== undefined && mode !== 'auto' && mode !== 'draft' && mode !== 'template') {
    throw new InputError(`--mode ${mode}`, 'is not a mode', 'use draft, template or auto');
  }

  const loaded = flags.config ? loadConfigFile(resolve(io.cwd, flags.config)) : await discoverConfig(io.cwd);
  const overrides: ConfigOverrides = {};
  if (flags.rule) overrides.rules = flags.rule;
  if (mode) overrides.mode = mode;
  if (flags.ignorePattern) overrides.ignores = flags.ignorePattern;
  if (flags.corpus) overrides.corpus = flags.corpus.map((p) => resolve(io.cwd, p));
  if (!flags.defaultCorpus) overrides.defaultCorpus = false;
  if (flags.maxFileSize) {
    overrides.maxFileSize = sizeFlag('--max-file-size', flags.maxFileSize);
  }
  const config = resolveConfig(loaded.config, loaded.filepath, configBase(loaded, io.cwd), overrides, allRules);
  if (flags.printConfig) {
    io.stdout.write(`${JSON.stringify(printableConfig(config), null, 2)}\n`);
    return EXIT_OK;
  }

  if (!flags.stdin && paths.length === 0) {
    throw new InputError('outreach-lint', 'no files to lint', 'name files, folders or globs (e.g. outreach-lint drafts/), or pass --stdin');
  }
  if (flags.signalType !== undefined && flags.signal === undefined) {
    throw new InputError('--signal-type', 'only applies with --signal', 'add --signal "<the signal, in your words>", or leave --signal-type out');
  }
  if (flags.stdin && flags.signal !== undefined) {
    throw new InputError(
      '--signal',
      'cannot be saved with a draft read from --stdin',
      'send the signal with the draft instead: "signal:" in its front matter, or "signal" in its JSON',
    );
  }
  if (flags.stdinFilename && !flags.stdin)
    throw new InputError('--stdin-filename', 'only applies with --stdin', 'add --stdin, or name the file as an argument');

  const results: DraftResult[] = [];
  let fatal = false;
  const fail = (e: unknown) => {
    fatal = true;
    reportError(e, !!flags.debug, io.stderr);
  };
  const linter = await OutreachLint.create(config, {
    parse: formatOptions(flags),
    onFileError: fail,
    ...(flags.prospect ? { prospect: prospectFlags(flags.prospect) } : {}),
  });

  if (flags.stdin) {
    const name = flags.stdinFilename ?? '<stdin>.txt';
    try {
      results.push(...(await linter.lintBytes(name, await io.readStdin())));
    } catch (e) {
      fail(e);
    }
  }
  const read = new Map<string, Uint8Array>();
  if (paths.length > 0) {
    const expanded = await expandPaths(paths, { cwd: io.cwd, ignores: config.ignores, ignorePath: flags.ignorePath, useIgnore: flags.ignore });
    expanded.errors.forEach(fail);
    for (const file of expanded.ignored) {
      io.stderr.write(`outreach-lint: ${file}: skipped, an ignore pattern matches it; pass --no-ignore to lint it\n`);
    }
    if (flags.outputFile) refuseOutputAmongInputs(resolve(io.cwd, flags.outputFile), flags.outputFile, expanded.files);
    if (flags.signal !== undefined) {
      if (fatal) return EXIT_FATAL;
      await saveSignalFlag(linter, expanded.files, flags, io);
    }
    for (const file of expanded.files) {
      try {
        const { bytes, results: drafts } = await linter.readAndLint(file);
        read.set(file, bytes);
        results.push(...drafts);
      } catch (e) {
        fail(e);
      }
    }
  } else if (flags.signal !== undefined) {
    throw new InputError('--signal', 'needs the draft file it belongs to', 'name one file, e.g. outreach-lint drafts/acme.md --signal "..."');
  }

  const shown = flags.quiet ? results.map((r) => onlyErrors(r)) : results;
  const formatter = await FORMATTERS[flags.format]!();
  const toTerminal = !flags.outputFile && !!io.stdout.isTTY;
  const text = formatter(shown, { cwd: io.cwd, color: chooseColors(flags.color, toTerminal), rules: allRules.map((r) => r.meta), version: io.version });
  if (flags.outputFile) {
    const { writeFileAtomic } = await import('../fs/atomic-write.js');
    try {
      writeFileAtomic(resolve(io.cwd, flags.outputFile), text);
    } catch (e) {
      throw new InputError(
        flags.outputFile,
        `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        'check that the folder exists and is writable',
      );
    }
  } else if (!(fatal && results.length === 0 && flags.format === 'stylish')) {
    // When no input could be read, "no problems in 0 drafts" beside the errors would mislead.
    io.stdout.write(text);
  }

  if (isInteractive(flags, io)) {
    const { captureSignals } = await import('./capture-signals.js');
    results.splice(0, results.length, ...(await captureSignals(linter, results, read, { ...io, stdin: io.stdin! }, flags)));
  }

  if (fatal) return EXIT_FATAL;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_LINT;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`outreach-lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_LINT;
  }
  return EXIT_OK;
}

/**
 * The signal prompt runs only for a person at a terminal: stdin and stdout are TTYs, CI is
 * not set, --no-interactive was not given, and the output is stylish on the terminal.
 */
function isInteractive(flags: LintFlags, io: Io): boolean {
  const env = io.env ?? process.env;
  return flags.interactive && !env.CI && !!io.stdin?.isTTY && !!io.stdout.isTTY && flags.format === 'stylish' && !flags.outputFile && !flags.stdin;
}

/** `--signal "text" [--signal-type t]`: saves the signal with the one draft named, before linting it. */
async function saveSignalFlag(linter: OutreachLint, files: string[], flags: LintFlags, io: Io): Promise<void> {
  if (files.length !== 1) {
    throw new InputError('--signal', `saves a signal for one draft, but the arguments matched ${files.length} files`, 'name one file');
  }
  const file = files[0]!;
  const { loadRuleData } = await import('../fs/rule-data.js');
  const types = loadRuleData<{ types: Array<{ id: string }> }>('signals').types.map((t) => t.id);
  if (flags.signalType !== undefined && flags.signalType !== 'other' && !types.includes(flags.signalType)) {
    throw new InputError(`--signal-type ${flags.signalType}`, 'is not a signal type', `use one of: ${[...types, 'other'].join(', ')}`);
  }
  const text = flags.signal!.trim();
  const example = 'e.g. --signal "Opened a Denver office in March"';
  if (!text) throw new InputError('--signal', 'is empty', `write the signal in your own words, ${example}`);
  if (/[\r\n]/.test(text)) throw new InputError('--signal', 'spans several lines; a signal is one fact on one line', `write it on one line, ${example}`);
  const { bytes, results } = await linter.readAndLint(file);
  if (results.length !== 1) {
    throw new InputError(
      file,
      `holds ${results.length} drafts, so one signal cannot be saved for it`,
      'put a "signal" field in each draft of the JSON instead',
    );
  }
  // The same check the prompt and every lint make: a vague signal would only open the gate.
  const { signalWeakness } = await import('../analysis/analyze.js');
  const weakness = signalWeakness(text, results[0]!.draft, loadRuleData('signals'), linter.services.corpus);
  if (weakness) {
    throw new InputError(
      '--signal',
      `is not a concrete fact about the prospect (${weakness}); nothing was saved`,
      'name a number, a date, a product, place, event or person, or quote them, e.g. --signal "Posted three medical-coder openings in Tucson on 3 November"',
    );
  }
  const { saveSignal } = await import('../signal/store.js');
  const signal = { text, captured_at: new Date().toISOString(), ...(flags.signalType && flags.signalType !== 'other' ? { type: flags.signalType } : {}) };
  const where = saveSignal(file, signal, { expected: bytes });
  io.stderr.write(`outreach-lint: saved the research signal in ${where}\n`);
}

/** `-o draft.md draft.md` would replace the draft with the report: refused before anything is read. */
function refuseOutputAmongInputs(output: string, shown: string, inputs: string[]): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const target = real(output);
  if (inputs.some((f) => real(f) === target)) {
    throw new InputError(
      `--output-file ${shown}`,
      'is one of the drafts being linted, and writing the report there would replace it',
      'write the report to another file',
    );
  }
}

/** `--prospect key=value`, repeatable. */
function prospectFlags(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const m = /^([A-Za-z][\w.]*)=(.*)$/s.exec(pair);
    if (!m) throw new InputError(`--prospect ${pair}`, 'is not of the form key=value', 'write e.g. --prospect company="Tern Labs" --prospect first_name=Aiko');
    out[m[1]!] = m[2]!;
  }
  return out;
}

/** --csv-subject and --csv-body for CSV drafts and corpora; --json-subject, --json-body and --json-prospect for JSON payloads. */
export function formatOptions(flags: { csvSubject?: string; csvBody?: string; jsonSubject?: string; jsonBody?: string; jsonProspect?: string }): ParseOptions {
  const csv: CsvColumns = {};
  if (flags.csvSubject) csv.subject = flags.csvSubject;
  if (flags.csvBody) csv.body = flags.csvBody;
  const json: PayloadPaths = {};
  if (flags.jsonSubject) json.subject = flags.jsonSubject;
  if (flags.jsonBody) json.body = flags.jsonBody;
  if (flags.jsonProspect) json.prospect = flags.jsonProspect;
  return { csv, json };
}

/** --quiet shows errors only; the verdict and score still count everything. */
function onlyErrors(r: DraftResult): DraftResult {
  const findings = r.findings.filter((f: Finding) => f.severity === 'error');
  const copy = { ...r, findings, warningCount: 0, infoCount: 0 };
  Object.defineProperty(copy, 'draft', { value: r.draft, enumerable: false });
  return copy as DraftResult;
}

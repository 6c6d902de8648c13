import type { DraftResult, OutreachLint } from '../outreach-lint.js';
import { loadRuleData } from '../fs/rule-data.js';
import type { SignalData } from '../analysis/analyze.js';
import { askForSignal } from '../signal/capture.js';
import { saveSignal } from '../signal/store.js';
import { chooseColors } from './colors.js';
import type { Io } from './io.js';
import { reportError } from './report-error.js';

/**
 * After the findings are printed: for each draft (not template) of a file that got
 * missing-signal, ask the rep for the signal, save it with the draft, lint the draft again and
 * show the new result. Returns the results with the re-linted ones in place.
 */
export async function captureSignals(
  linter: OutreachLint,
  results: DraftResult[],
  read: Map<string, Uint8Array>,
  io: Io & { stdin: NonNullable<Io['stdin']> },
  flags: { color?: boolean; debug?: boolean },
): Promise<DraftResult[]> {
  const data = loadRuleData<SignalData>('signals');
  const out = [...results];
  const perFile = new Map<string, number>();
  for (const r of results) perFile.set(r.filePath, (perFile.get(r.filePath) ?? 0) + 1);
  for (let i = 0; i < out.length; i++) {
    const r = out[i]!;
    const bytes = read.get(r.filePath);
    if (!r.prompt || r.mode !== 'draft' || !bytes || perFile.get(r.filePath) !== 1) continue;
    io.stdout.write(`\n${r.filePath}`);
    const signal = await askForSignal(r.draft, r.prompt, data, linter.services.corpus, { input: io.stdin, output: io.stdout });
    if (!signal) continue;
    try {
      const where = saveSignal(r.filePath, signal, { expected: bytes });
      io.stdout.write(`Saved the research signal in ${where}. Linting ${r.filePath} again:\n\n`);
      const again = await linter.readAndLint(r.filePath);
      out[i] = again.results[0]!;
      const { stylish } = await import('../formatters/stylish.js');
      io.stdout.write(stylish(again.results, { cwd: io.cwd, color: chooseColors(flags.color, true, io.env), rules: [], version: io.version }));
    } catch (e) {
      reportError(e, !!flags.debug, io.stderr);
    }
  }
  return out;
}

import { emitKeypressEvents } from 'node:readline';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { Draft, Signal, SignalPrompt } from '../kernel/types.js';
import { signalWeakness, type SignalData } from '../analysis/analyze.js';

export interface CaptureIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };
  output: NodeJS.WritableStream;
}

/**
 * Asks the rep for the one research signal that matters, by hand: its type from the taxonomy
 * (or "other"), then the signal in their own words. A vague answer is asked again once, with
 * a hint; an empty answer, Esc or Ctrl-C skips and changes nothing. Nothing is suggested or
 * written for the rep.
 */
export async function askForSignal(
  draft: Draft,
  prompt: SignalPrompt,
  data: SignalData,
  index: CorpusIndex | undefined,
  io: CaptureIo,
): Promise<Signal | undefined> {
  const { select, input } = await import('@inquirer/prompts');
  const controller = new AbortController();
  emitKeypressEvents(io.input);
  const onKey = (_: unknown, key?: { name?: string }) => {
    if (key?.name === 'escape') controller.abort();
  };
  io.input.on('keypress', onKey);
  const context = { input: io.input, output: io.output, signal: controller.signal };
  try {
    io.output.write(`\n${prompt.question}\n`);
    const type = await select(
      {
        message: 'Which kind of signal is it?',
        choices: [
          ...prompt.types.map((t) => ({ name: t.label, value: t.type, description: `e.g. ${t.example}` })),
          { name: 'Other', value: 'other', description: 'Something concrete that fits none of these' },
        ],
        pageSize: 14,
      },
      context,
    );
    const example = prompt.types.find((t) => t.type === type)?.example;
    const ask = (message: string) => input({ message, required: false }, context);
    let text = (await ask('The signal, in your own words (Enter to skip):')).trim();
    if (!text) return undefined;
    const weakness = signalWeakness(text, draft, data, index);
    if (weakness) {
      io.output.write(
        `That is not concrete yet: ${weakness}. A signal is concrete when it names a number, a date, a product, place, event or person, or quotes them${example ? `, like: ${example}` : ''}.\n`,
      );
      text = (await ask('The signal, once more (Enter to skip):')).trim();
      if (!text) return undefined;
      // A second vague answer is not saved: it would only tell the linter the research is done.
      const again = signalWeakness(text, draft, data, index);
      if (again) {
        io.output.write(`Still not concrete: ${again}. Nothing was saved; find one fact about the prospect and run again.\n`);
        return undefined;
      }
    }
    const signal: Signal = { text, captured_at: new Date().toISOString() };
    if (type !== 'other') signal.type = type;
    return signal;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') {
      io.output.write('Skipped: nothing was saved.\n');
      return undefined;
    }
    throw e;
  } finally {
    io.input.removeListener('keypress', onKey);
  }
}

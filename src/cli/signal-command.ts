import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileError } from '../fs/file-error.js';
import { decodeText } from '../parse/decode.js';
import { readFrontMatter } from '../parse/front-matter.js';
import { LineIndex } from '../parse/source-map.js';
import { clearSignal, readSidecar, sidecarPath, signalHome } from '../signal/store.js';
import type { Io } from './lint-command.js';
import { EXIT_OK } from './report-error.js';

export interface SignalFlags {
  clear?: boolean;
  json?: boolean;
}

/** `outreach-lint signal <file>`: shows the research signal saved with a draft; `--clear` removes it. */
export async function runSignal(file: string, flags: SignalFlags, io: Io): Promise<number> {
  const path = resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw fileError(file, e);
  }
  if (flags.clear) {
    const where = clearSignal(path);
    io.stdout.write(where ? `Removed the research signal from ${where === path ? file : `${file}.signal.yml`}\n` : `${file}: no research signal saved\n`);
    return EXIT_OK;
  }
  const home = signalHome(path);
  // Decoded as the linter decodes it, so a UTF-16 draft shows its signal too.
  const signal = home === 'sidecar' ? readSidecar(path) : readFrontMatter(file, new LineIndex(decodeText(file, bytes).replace(/^\uFEFF/, '')))?.signal;
  const where = home === 'sidecar' ? `${file}.signal.yml` : `${file} (front matter)`;
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(signal ? { file, storedIn: home === 'sidecar' ? sidecarPath(file) : file, type: signal.type ?? null, text: signal.text, captured_at: signal.captured_at ?? null } : { file, signal: null })}\n`,
    );
    return EXIT_OK;
  }
  if (!signal) {
    io.stdout.write(`${file}: no research signal saved\n`);
    return EXIT_OK;
  }
  io.stdout.write(
    [`type         ${signal.type ?? 'other'}`, `signal       ${signal.text}`, `captured_at  ${signal.captured_at ?? '-'}`, `stored in    ${where}`, ''].join(
      '\n',
    ),
  );
  return EXIT_OK;
}

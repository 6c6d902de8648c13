import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { readSignal } from '../parse/front-matter.js';
import { yaml } from '../parse/yaml.js';
import type { Signal } from '../kernel/types.js';

/** Where a draft's signal lives: in its own front matter, or in a sidecar beside it. */
export function signalHome(file: string): 'front-matter' | 'sidecar' {
  const ext = extname(file).toLowerCase();
  return ext === '.md' || ext === '.markdown' || ext === '.txt' || ext === '.text' ? 'front-matter' : 'sidecar';
}

export function sidecarPath(file: string): string {
  return `${file}.signal.yml`;
}

/** The signal saved in a sidecar, for formats whose file is never rewritten. */
export function readSidecar(file: string): Signal | undefined {
  const path = sidecarPath(file);
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = yaml().parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(path, `is not valid YAML (${(e as Error).message.split('\n')[0]})`, 'fix it, or delete it and save the signal again');
  }
  return readSignal(path, data);
}

export interface SaveOptions {
  /** The file's bytes when it was read; the save is refused if the file changed since. */
  expected: Uint8Array;
}

/**
 * Saves a signal with a draft. In .md and .txt it goes into YAML front matter (added, or
 * merged with the other keys); every other byte of the file stays as it was, line endings,
 * byte-order mark and final newline included. For other formats it goes into a sidecar and
 * the draft is not touched. Writes are atomic and keep the file's mode.
 */
export function saveSignal(file: string, signal: Signal, opts: SaveOptions): string {
  if (signalHome(file) === 'sidecar') {
    const path = sidecarPath(file);
    writeFileAtomic(path, `# Research signal for ${file.split(/[\\/]/).pop()}, saved by outreach-lint.\n${yaml().stringify(plain(signal))}`);
    return path;
  }
  const current = readCurrent(file, opts.expected);
  writeFileAtomic(file, Buffer.from(setFrontMatterSignal(current.toString('utf8'), signal), 'utf8'));
  return file;
}

/** Removes a saved signal; returns where it was, or undefined when there was none. */
export function clearSignal(file: string): string | undefined {
  if (signalHome(file) === 'sidecar') {
    const path = sidecarPath(file);
    if (!existsSync(path)) return undefined;
    unlinkSync(path);
    return path;
  }
  const before = readFileSync(file);
  const text = before.toString('utf8');
  const after = setFrontMatterSignal(text, undefined);
  if (after === text) return undefined;
  readCurrent(file, before);
  writeFileAtomic(file, Buffer.from(after, 'utf8'));
  return file;
}

function readCurrent(file: string, expected: Uint8Array): Buffer {
  const st = statSync(file);
  if ((st.mode & 0o222) === 0) {
    throw new InputError(file, 'is read-only, so the signal cannot be saved in it', 'make it writable (chmod u+w) and run again');
  }
  const now = readFileSync(file);
  if (!now.equals(Buffer.from(expected))) {
    throw new InputError(file, 'changed on disk since outreach-lint read it; the signal was not saved', 'run outreach-lint on it again');
  }
  return now;
}

function plain(signal: Signal): Record<string, string> {
  const out: Record<string, string> = {};
  if (signal.type) out.type = signal.type;
  out.text = signal.text;
  out.captured_at = signal.captured_at ?? new Date().toISOString();
  return out;
}

const OPEN = /^(\uFEFF?)---[ \t]*(\r?\n)/;

/**
 * The file's text with `signal:` set (or removed when `signal` is undefined) in its front
 * matter. Only the lines of the top-level `signal:` key change; a file without front matter
 * gets one, in the file's own line endings, after any byte-order mark.
 */
export function setFrontMatterSignal(text: string, signal: Signal | undefined): string {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const block = signal ? yaml().stringify({ signal: plain(signal) }).replace(/\n/g, eol) : '';
  const open = OPEN.exec(text);
  if (!open) {
    if (!signal) return text;
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    return `${bom}---${eol}${block}---${eol}${text.slice(bom.length)}`;
  }
  const yamlStart = open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(text.slice(yamlStart));
  if (!close) return text;
  const yamlEnd = yamlStart + close.index;
  const lines = text.slice(yamlStart, yamlEnd).split(/(?<=\n)/);
  const at = lines.findIndex((l) => /^signal[ \t]*:/.test(l));
  let kept: string[];
  if (at < 0) {
    if (!signal) return text;
    const last = lines[lines.length - 1];
    const needsEol = last !== undefined && !last.endsWith('\n');
    kept = [...lines, ...(needsEol ? [eol] : []), block];
  } else {
    let end = at + 1;
    while (end < lines.length && /^([ \t]|\r?\n|#)/.test(lines[end]!)) end++;
    kept = [...lines.slice(0, at), ...(signal ? [block] : []), ...lines.slice(end)];
  }
  const yamlText = kept.join('');
  if (!signal && yamlText.trim() === '') return open[1]! + text.slice(yamlEnd + close[0].length);
  return text.slice(0, yamlStart) + yamlText + text.slice(yamlEnd);
}

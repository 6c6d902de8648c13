import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError, isInputError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { readYamlFile } from '../fs/read-yaml-file.js';
import { decodeText, looksBinary, textEncoding } from '../parse/decode.js';
import { readSignal } from '../parse/front-matter.js';
import { yaml } from '../parse/yaml.js';
import type { Signal } from '../kernel/types.js';

/** Where a draft's signal lives: in its own front matter, or in a sidecar beside it. */
export function signalHome(file: string): 'front-matter' | 'sidecar' {
  const ext = extname(file).toLowerCase();
  return ext === '.md' || ext === '.markdown' || ext === '.txt' || ext === '.text' ? 'front-matter' : 'sidecar';
}

/** The sidecar file that holds the signal of a draft saved beside it. */
export function sidecarPath(file: string): string {
  return `${file}.signal.yml`;
}

/** The signal saved in a sidecar, for formats whose file is never rewritten. */
export function readSidecar(file: string): Signal | undefined {
  const path = sidecarPath(file);
  if (!existsSync(path)) return undefined;
  return readSignal(path, readYamlFile(path, 'fix it, or delete it and save the signal again'));
}

export interface SaveOptions {
  /** The file's bytes when it was read; the save is refused if the file changed since. */
  expected: Uint8Array;
}

/**
 * Saves a signal with a draft. In .md and .txt it goes into YAML front matter (added, or
 * merged with the other keys), written in the file's own encoding (UTF-8, or UTF-16 LE or BE
 * with a BOM); every other byte of the file stays as it was, line endings, byte-order mark
 * and final newline included. A file that could not be rewritten that way is refused and left
 * alone. For other formats it goes into a sidecar and the draft is not touched. Writes are
 * atomic and keep the file's mode.
 */
export function saveSignal(file: string, signal: Signal, opts: SaveOptions): string {
  if (signalHome(file) === 'sidecar') {
    const path = sidecarPath(file);
    writeFileAtomic(path, `# Research signal for ${file.split(/[\\/]/).pop()}, saved by outreach-lint.\n${yaml().stringify(plain(signal))}`);
    return path;
  }
  const draft = readDraftText(file, readCurrent(file, opts.expected));
  writeFileAtomic(file, draft.encode(setFrontMatterSignal(draft.text, signal)));
  return file;
}

/**
 * Removes a saved signal; returns where it was, or undefined when there was none. A draft
 * in an encoding saveSignal refuses is refused here too, rather than rewritten.
 */
export function clearSignal(file: string): string | undefined {
  if (signalHome(file) === 'sidecar') {
    const path = sidecarPath(file);
    if (!existsSync(path)) return undefined;
    unlinkSync(path);
    return path;
  }
  const before = readFileSync(file);
  const draft = readDraftText(file, before);
  const after = setFrontMatterSignal(draft.text, undefined);
  if (after === draft.text) return undefined;
  readCurrent(file, before);
  writeFileAtomic(file, draft.encode(after));
  return file;
}

type Encoding = ReturnType<typeof textEncoding>;

const ENCODING_NAME: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

/** A draft's text with its byte-order mark as U+FEFF, and the way back to bytes in its encoding. */
interface DraftText {
  text: string;
  encode(text: string): Buffer;
}

/**
 * Decodes a draft as the linter does, but keeps its byte-order mark, and refuses it when the
 * text would not encode back to the very same bytes: rewriting it would then change the body.
 */
function readDraftText(file: string, bytes: Buffer): DraftText {
  const encoding = textEncoding(bytes);
  // NULs without a BOM are most likely UTF-16, whose byte order would be a guess; decodeText
  // calls such a file binary, which reads wrongly when the user is saving a signal into it.
  if (encoding === 'utf-8' && looksBinary(bytes)) throw refusal(file, 'holds NUL bytes but no UTF-16 byte-order mark');
  let text: string;
  try {
    text = decodeText(file, bytes);
  } catch (e) {
    throw isInputError(e) ? refusal(file, e.problem) : e;
  }
  const bom = encodeAs(encoding, '\uFEFF');
  if (bytes.subarray(0, bom.length).equals(bom)) text = `\uFEFF${text}`;
  // decodeText puts U+FFFD for what UTF-16 cannot hold (a lone surrogate, an odd last byte).
  const at = firstDifference(encodeAs(encoding, text), bytes);
  if (at !== undefined) throw refusal(file, `is not valid ${ENCODING_NAME[encoding]} (bad byte at offset ${at})`);
  return { text, encode: (t) => encodeAs(encoding, t) };
}

function encodeAs(encoding: Encoding, text: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

function firstDifference(a: Uint8Array, b: Uint8Array): number | undefined {
  if (Buffer.compare(a, b) === 0) return undefined;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function refusal(file: string, problem: string): InputError {
  return new InputError(file, `${problem}, so the signal cannot be saved in it`, 're-save it as UTF-8, or as UTF-16 with a byte-order mark');
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
  const block = signal
    ? yaml()
        .stringify({ signal: plain(signal) })
        .replace(/\n/g, eol)
    : '';
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

import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { InputError } from '../errors.js';
import { compareText } from '../kernel/compare-text.js';
import { fileError } from '../fs/file-error.js';

/** Extensions read from a corpus folder: the draft formats plus CSV exports. */
export const CORPUS_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.eml', '.html', '.htm', '.json', '.csv']);

export interface CorpusFile {
  abs: string;
  /** The path as the user will see it in findings. */
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Lists the message files of corpus folders and files, in a stable order. README files and
 * dotfiles are documentation, not messages.
 */
export function listCorpusFiles(roots: string[], display: (abs: string) => string = (p) => p): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const root of roots) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(root);
    } catch (e) {
      throw fileError(root, e);
    }
    if (st.isFile()) {
      out.push({ abs: root, path: display(root), size: st.size, mtimeMs: st.mtimeMs });
      continue;
    }
    const found: CorpusFile[] = [];
    for (const rel of (readdirSync(root, { recursive: true }) as string[]).sort()) {
      const parts = rel.split(sep);
      if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) continue;
      const name = parts[parts.length - 1]!;
      if (/^readme\b/i.test(name) || !CORPUS_EXTENSIONS.has(extname(name).toLowerCase())) continue;
      const abs = join(root, rel);
      const s = statSync(abs);
      if (s.isFile()) found.push({ abs, path: display(abs), size: s.size, mtimeMs: s.mtimeMs });
    }
    if (found.length === 0) {
      throw new InputError(
        root,
        'corpus folder holds no .txt, .md, .eml, .html, .json or .csv messages',
        'add messages to it, or remove it from --corpus / the config',
      );
    }
    out.push(...found);
  }
  return out;
}

/**
 * Cheap identity of a corpus folder from the times of it and its archetype folders, which
 * change when a message is added, removed or renamed. Used only to trust the prebuilt index of the shipped corpus;
 * after editing a shipped message in place, run `npm run build`. Kept as plain text rather
 * than hashed: it is short, and a cold lint then needs no crypto module.
 */
export function folderFingerprint(root: string): string {
  const parts = [String(Math.floor(statSync(root).mtimeMs))];
  const dirs = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.'));
  for (const e of dirs.sort((a, b) => compareText(a.name, b.name))) parts.push(`${e.name}:${Math.floor(statSync(join(root, e.name)).mtimeMs)}`);
  return parts.join(' ');
}

/**
 * The corpus's content hash: what the index is built from, plus the pipeline that builds it.
 * Files are read a megabyte at a time and nothing is kept, so that finding a cached index for
 * a corpus of 100,000 messages never holds the corpus in memory.
 */
export function contentHash(files: CorpusFile[], pipeline: string): string {
  // Loaded here, not at the top: a lint with only the prebuilt shipped index never hashes.
  const h = process.getBuiltinModule('node:crypto').createHash('sha256');
  h.update(pipeline);
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (const f of files) {
    let fd: number;
    try {
      fd = openSync(f.abs, 'r');
    } catch (e) {
      throw fileError(f.abs, e);
    }
    try {
      h.update(`\n${f.path}\0${fstatSync(fd).size}\0`);
      for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) h.update(chunk.subarray(0, n));
    } catch (e) {
      throw fileError(f.abs, e);
    } finally {
      closeSync(fd);
    }
  }
  return h.digest('hex').slice(0, 32);
}

export function readCorpusFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw fileError(path, e);
  }
}

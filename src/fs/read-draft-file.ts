import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { fileError } from './file-error.js';

/** Reads a file for linting, turning the ways that fails into one line each. */
export async function readDraftFile(path: string, maxFileSize: number): Promise<Uint8Array> {
  let size: number;
  try {
    const s = statSync(path);
    if (s.isDirectory()) throw new InputError(path, 'is a folder', 'pass the folder itself as an argument, not through a file list');
    size = s.size;
  } catch (e) {
    throw fileError(path, e);
  }
  if (size > maxFileSize) {
    throw new InputError(
      path,
      `is ${formatBytes(size)}, over the ${formatBytes(maxFileSize)} limit for one draft`,
      'split it, or raise the limit with --max-file-size',
    );
  }
  try {
    return readFileSync(path);
  } catch (e) {
    throw fileError(path, e);
  }
}

/** A size for people: 1.5 MB, 12 KB, 300 bytes. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${n} bytes`;
}

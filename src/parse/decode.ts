import { InputError } from '../errors.js';

/**
 * Bytes of a text draft to a string: UTF-8 (a BOM is dropped), or UTF-16 with a BOM.
 * Binary files and invalid UTF-8 are refused with a line that says what to do.
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  const encoding = textEncoding(bytes);
  if (encoding !== 'utf-8') return new TextDecoder(encoding).decode(bytes.subarray(2));
  if (looksBinary(bytes)) {
    throw new InputError(file, 'is a binary file, not text', 'lint the email as .txt, .md, .eml, .html or .json, or add the file to .outreachlintignore');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(file, `is not valid UTF-8 (bad byte at offset ${at})`, 're-save it as UTF-8');
  }
}

/** The encoding decodeText reads the bytes in: UTF-16 only when a byte-order mark says so. */
export function textEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** A NUL byte in the first 8 KB is what git and grep take as binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

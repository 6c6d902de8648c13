import type { Arrays, Bytes } from './index-arrays.js';

// The index file's format as bytes, with no file system and no Buffer, so an index fetched by
// a browser reads the same as one a Node shell reads from disk (index-file.ts).

export type Layout = Record<string, { type: string; offset: number; length: number }>;

export const MAGIC = 0x58494c4f; // "OLIX"
export const INDEX_FORMAT = 10;

export class CorruptIndexError extends Error {}

/** The JSON header's length, after checking the magic and the format version. */
export function checkFixed(fixed: Uint8Array): number {
  const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
  if (fixed.byteLength < 16 || view.getUint32(0, true) !== MAGIC) throw new CorruptIndexError('not an outreach-lint index');
  if (view.getUint32(4, true) !== INDEX_FORMAT) throw new CorruptIndexError('index format changed');
  return view.getUint32(8, true);
}

export function parseHeader<H>(json: Uint8Array): H & { layout: Layout } {
  try {
    return JSON.parse(new TextDecoder().decode(json)) as H & { layout: Layout };
  } catch {
    throw new CorruptIndexError('header is not JSON');
  }
}

/**
 * Typed-array views of the arrays in `data`, the resident part (4-byte aligned); byte arrays
 * beyond it come from `onDisk`.
 */
export function views(layout: Layout, data: Uint8Array, onDisk: (offset: number, length: number) => Bytes): Arrays {
  const arrays: Arrays = {};
  for (const [name, { type, offset, length }] of Object.entries(layout)) {
    const Ctor = { Float32Array, Uint8Array, Uint16Array, Uint32Array }[type] ?? Uint32Array;
    const bytes = length * Ctor.BYTES_PER_ELEMENT;
    if (offset >= data.byteLength && Ctor === Uint8Array) {
      arrays[name] = onDisk(offset, bytes);
      continue;
    }
    if (offset + bytes > data.byteLength) throw new CorruptIndexError(`array ${name} is cut short`);
    arrays[name] = new Ctor(data.buffer as ArrayBuffer, data.byteOffset + offset, length);
  }
  return arrays;
}

export function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * An index file's header and arrays from its bytes, all in memory (the on-demand text arrays
 * are slices of `bytes`). No checksum: bytes come from the package that built them, as the
 * prebuilt index does on disk.
 */
export function decodeIndex<H>(bytes: Uint8Array): { header: H; arrays: Arrays } {
  const jsonLength = checkFixed(bytes.subarray(0, 16));
  const header = parseHeader<H & { resident?: number }>(bytes.subarray(16, 16 + jsonLength));
  const base = 16 + align4(jsonLength);
  const resident = header.resident ?? bytes.byteLength - base;
  if (base + resident > bytes.byteLength) throw new CorruptIndexError('index is cut short');
  // Typed arrays need their element alignment: copy the resident part when the bytes sit at an odd offset.
  const data = (bytes.byteOffset + base) % 4 === 0 ? bytes.subarray(base, base + resident) : bytes.slice(base, base + resident);
  const arrays = views(header.layout, data, (offset, length) => {
    if (base + offset + length > bytes.byteLength) throw new CorruptIndexError('array is cut short');
    return bytes.subarray(base + offset, base + offset + length);
  });
  return { header, arrays };
}

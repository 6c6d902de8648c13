import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import type { Arrays, Bytes } from './index-arrays.js';
import { align4, checkFixed, CorruptIndexError, INDEX_FORMAT, MAGIC, parseHeader, views, type Layout } from './index-bytes.js';

export type { Arrays, Bytes };
export { CorruptIndexError, INDEX_FORMAT };

/**
 * An index file: magic, format version, CRC-32 of everything after the fixed header, a JSON
 * header, then 4-byte-aligned arrays. Arrays named in `onDemand` go last, so that a reader
 * can load everything before them in one read and leave them on disk.
 */
export function encodeIndex(header: object, arrays: Arrays, onDemand: readonly string[] = []): Buffer {
  const names = [...Object.keys(arrays).filter((n) => !onDemand.includes(n)), ...onDemand.filter((n) => n in arrays)];
  const layout: Layout = {};
  let offset = 0;
  let resident = 0;
  for (const name of names) {
    const arr = arrays[name]!;
    if (!(arr instanceof Uint8Array || arr instanceof Uint16Array || arr instanceof Uint32Array || arr instanceof Float32Array))
      throw new Error(`array ${name} is not in memory`);
    layout[name] = { type: arr.constructor.name, offset, length: arr.length };
    offset += align4(arr.byteLength);
    if (!onDemand.includes(name)) resident = offset;
  }
  const json = Buffer.from(JSON.stringify({ ...header, layout, resident }), 'utf8');
  const jsonPadded = align4(json.length);
  const body = Buffer.alloc(jsonPadded + offset);
  json.copy(body, 0);
  for (const name of names) {
    const arr = arrays[name] as Uint8Array;
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(body, jsonPadded + layout[name]!.offset);
  }
  const fixed = Buffer.alloc(16);
  fixed.writeUInt32LE(MAGIC, 0);
  fixed.writeUInt32LE(INDEX_FORMAT, 4);
  fixed.writeUInt32LE(json.length, 8);
  fixed.writeUInt32LE(crc32(body), 12);
  return Buffer.concat([fixed, body]);
}

/**
 * Reads an index file, leaving the arrays after the resident part on disk: they are read a
 * slice at a time through a file descriptor kept open while the index is in use.
 * `verify: false` skips the checksum; only for the prebuilt index that ships inside the
 * package, which is as trusted as the package's code and is checked when it is built.
 */
export function readIndex<H>(path: string, { verify = true }: { verify?: boolean } = {}): { header: H; arrays: Arrays } {
  const fd = openSync(path, 'r');
  let kept: OpenIndexFile | undefined;
  try {
    const size = fstatSync(fd).size;
    const fixed = readAt(fd, 0, Math.min(16, size));
    const jsonLength = checkFixed(fixed);
    const header = parseHeader<H & { resident?: number }>(readAt(fd, 16, jsonLength));
    const base = 16 + align4(jsonLength);
    const resident = header.resident ?? size - base;
    if (base + resident > size) throw new CorruptIndexError('file is cut short');
    const data = readAt(fd, base, resident);
    if (verify) {
      let crc = crc32(readAt(fd, 16, base - 16));
      crc = crc32(data, crc);
      const chunk = Buffer.allocUnsafeSlow(Math.min(1 << 20, size));
      for (let at = base + resident; at < size; at += chunk.length) crc = crc32(readAt(fd, at, Math.min(chunk.length, size - at), chunk), crc);
      if (crc !== fixed.readUInt32LE(12)) throw new CorruptIndexError('checksum mismatch');
    }
    const arrays = views(header.layout, data, (offset, length) => {
      if (base + offset + length > size) throw new CorruptIndexError('array is cut short');
      kept ??= new OpenIndexFile(fd);
      return new FileBytes(kept, base + offset, length);
    });
    return { header, arrays };
  } finally {
    if (!kept) closeSync(fd);
  }
}

/**
 * An index file held open for its on-demand arrays. It is closed when nothing refers to it
 * any more: a program that creates a linter per request must not run out of descriptors.
 */
class OpenIndexFile {
  private static readonly closer = new FinalizationRegistry<number>((fd) => {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
  });

  constructor(readonly fd: number) {
    OpenIndexFile.closer.register(this, fd);
  }
}

/** Bytes of an open file, read when a slice is asked for. */
class FileBytes implements Bytes {
  constructor(
    private readonly file: OpenIndexFile,
    private readonly offset: number,
    readonly byteLength: number,
  ) {}

  subarray(start = 0, end = this.byteLength): Uint8Array {
    const from = Math.max(0, Math.min(start, this.byteLength));
    const to = Math.max(from, Math.min(end, this.byteLength));
    return readAt(this.file.fd, this.offset + from, to - from);
  }
}

function readAt(fd: number, position: number, length: number, into?: Buffer): Buffer {
  const out = into ? into.subarray(0, length) : Buffer.allocUnsafeSlow(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) throw new CorruptIndexError('file is cut short');
    done += n;
  }
  return out;
}

/** node:zlib is loaded on first use: a lint with the prebuilt index never needs it. */
function crc32(data: Uint8Array, value?: number): number {
  return process.getBuiltinModule('node:zlib').crc32(data, value);
}

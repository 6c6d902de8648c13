/** The typed arrays an index file holds. */
export type Arrays = Record<string, Uint32Array | Float32Array | Uint8Array>;

const MAGIC = 0x58494c4f; // "OLIX"
export const INDEX_FORMAT = 6;

/**
 * An index file: magic, format version, CRC-32 of everything after the fixed header, a JSON
 * header, then 4-byte-aligned typed arrays. Any mismatch means a corrupt or stale file.
 */
export function encodeIndex(header: object, arrays: Arrays): Buffer {
  const layout: Record<string, { type: string; offset: number; length: number }> = {};
  let offset = 0;
  for (const [name, arr] of Object.entries(arrays)) {
    layout[name] = { type: arr.constructor.name, offset, length: arr.length };
    offset += align4(arr.byteLength);
  }
  const json = Buffer.from(JSON.stringify({ ...header, layout }), 'utf8');
  const jsonPadded = align4(json.length);
  const body = Buffer.alloc(jsonPadded + offset);
  json.copy(body, 0);
  for (const [name, arr] of Object.entries(arrays)) {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(body, jsonPadded + layout[name]!.offset);
  }
  const fixed = Buffer.alloc(16);
  fixed.writeUInt32LE(MAGIC, 0);
  fixed.writeUInt32LE(INDEX_FORMAT, 4);
  fixed.writeUInt32LE(json.length, 8);
  fixed.writeUInt32LE(crc32(body), 12);
  return Buffer.concat([fixed, body]);
}

export class CorruptIndexError extends Error {}

/**
 * `verify: false` skips the checksum; only for the prebuilt index that ships inside the
 * package, which is as trusted as the package's code and is checked when it is built.
 */
export function decodeIndex<H>(buf: Buffer, { verify = true }: { verify?: boolean } = {}): { header: H; arrays: Arrays } {
  if (buf.length < 16 || buf.readUInt32LE(0) !== MAGIC) throw new CorruptIndexError('not an outreach-lint index');
  if (buf.readUInt32LE(4) !== INDEX_FORMAT) throw new CorruptIndexError('index format changed');
  const jsonLength = buf.readUInt32LE(8);
  const body = buf.subarray(16);
  if (verify && crc32(body) !== buf.readUInt32LE(12)) throw new CorruptIndexError('checksum mismatch');
  let header: H & { layout: Record<string, { type: string; offset: number; length: number }> };
  try {
    header = JSON.parse(body.subarray(0, jsonLength).toString('utf8'));
  } catch {
    throw new CorruptIndexError('header is not JSON');
  }
  const base = align4(jsonLength);
  // Views need 4-byte alignment; a file read whole is aligned, a pooled slice may not be.
  let data: Uint8Array = body.subarray(base);
  if (data.byteOffset % 4 !== 0) data = Uint8Array.from(data);
  const arrays: Arrays = {};
  for (const [name, { type, offset, length }] of Object.entries(header.layout)) {
    const Ctor = type === 'Float32Array' ? Float32Array : type === 'Uint8Array' ? Uint8Array : Uint32Array;
    if (offset + length * Ctor.BYTES_PER_ELEMENT > data.byteLength) throw new CorruptIndexError(`array ${name} is cut short`);
    arrays[name] = new Ctor(data.buffer as ArrayBuffer, data.byteOffset + offset, length);
  }
  return { header, arrays };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** node:zlib is loaded on first use: a lint with the prebuilt index never needs it. */
function crc32(data: Uint8Array): number {
  return process.getBuiltinModule('node:zlib').crc32(data);
}

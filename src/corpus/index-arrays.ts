// The shapes of an index's arrays, apart from the file code that reads them, so the kernel
// can hold an index without importing the file system.

/** Bytes that may stay on disk: anything with Uint8Array's subarray and byteLength. */
export interface Bytes {
  readonly byteLength: number;
  subarray(start?: number, end?: number): Uint8Array;
}

/** The arrays an index file holds. */
export type Arrays = Record<string, Uint32Array | Uint16Array | Float32Array | Uint8Array | Bytes>;

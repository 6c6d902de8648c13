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

// The lists teams may extend are checked in the shape their rules read, as a team's are at load.
const { allRules } = await import('../dist/rules/index.js');
const { checkEntries } = await import('../dist/fs/user-rule-data.js');
for (const { meta } of allRules) {
  if (!meta.extensible) continue;
  const file = join('rules', `${meta.id}.yml`);
  try {
    checkEntries(file, meta.id, meta.extensible, parse(readFileSync(file, 'utf8')));
  } catch (e) {
    console.error(`build-data: ${e.message}`);
    process.exit(1);
  }
}

// The English-word filter that tells an uncapitalised name ("shadcn") from a word.
const { buildWordFilter } = await import('../dist/analysis/english-words.js');
const { WORD_FILTER_FILE } = await import('../dist/fs/shipped-data.js');
const { default: wordListPath } = await import('word-list');
writeFileSync(WORD_FILTER_FILE, buildWordFilter(readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean)));

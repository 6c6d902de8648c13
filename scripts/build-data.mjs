// Checks rules/*.yml and compiles them to dist/data/*.json so that a plain lint reads JSON, not YAML.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// Each file is checked first against its schema (rules/schema/<name>.schema.json), as a
// team's data and an edited file are at load: the JSON a lint then trusts without a validator
// is only ever written from data that passed.
const { checkRuleData } = await import('../dist/fs/rule-schema.js');
const out = 'dist/data';
mkdirSync(out, { recursive: true });
for (const file of readdirSync('rules').filter((f) => f.endsWith('.yml'))) {
  const name = file.replace(/\.yml$/, '');
  const path = join('rules', file);
  try {
    const data = parse(readFileSync(path, 'utf8'));
    checkRuleData(path, name, data);
    writeFileSync(join(out, `${name}.json`), JSON.stringify(data));
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

// Prebuilds the shipped corpus's index into dist/corpus so a plain lint only loads it.
import { prebuildShippedIndex } from '../dist/corpus/load-corpus.js';
import { createParseEnv } from '../dist/parse/parse-env.js';

const index = await prebuildShippedIndex(createParseEnv());
console.log(`corpus index: ${index.n} messages, ${index.sentenceCount} sentences, built in ${index.header.buildMs} ms`);

// Save the stems of the words the rules and the corpus use, so a cold lint rarely stems.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { contentStems, knownStems, stem, wordTokens } from '../dist/corpus/tokens.js';

const strings = [];
const collect = (v) => {
  if (typeof v === 'string') strings.push(v);
  else if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === 'object') Object.values(v).forEach(collect);
};
for (const f of readdirSync('dist/data').filter((f) => f.endsWith('.json') && f !== 'stems.json')) collect(JSON.parse(readFileSync(`dist/data/${f}`, 'utf8')));
for (const s of strings) for (const t of wordTokens(s)) stem(t.text);
for (const dir of readdirSync('corpus', { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const f of readdirSync(`corpus/${dir.name}`)) contentStems(readFileSync(`corpus/${dir.name}/${f}`, 'utf8'));
}
writeFileSync('dist/data/stems.json', JSON.stringify(knownStems()));

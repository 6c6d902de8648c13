// Calibration of corpus-similarity: the score distributions of labelled pairs, to choose and
// check the thresholds. Run with `npm run calibrate` (after a build).
//   rendered copy      a corpus message rendered from a corpus template (leave-one-out)
//   light / medium     test/fixtures/paraphrases: a corpus message lightly edited / rewritten
//   unrelated          each corpus message's nearest other message that is not its own copy
//   eval <class>       each labelled eval email's nearest corpus message
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../dist/corpus/load-corpus.js';
import { skeletonOf, skeletonText } from '../dist/corpus/skeleton.js';
import { createParseEnv } from '../dist/parse/parse-env.js';
import { parseDrafts } from '../dist/parse/parse-file.js';
import { table } from './measure.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);

export async function calibrate() {
  const env = createParseEnv();
  const { index } = await loadCorpus(env, { paths: [], useDefault: true });
  const parse = async (file) => (await parseDrafts(file, readFileSync(file), env))[0];
  const rows = [];
  const add = (name, xs, flagged) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (f) => s[Math.min(s.length - 1, Math.floor(f * s.length))].toFixed(2);
    rows.push([name, s.length, q(0), q(0.1), q(0.5), q(0.9), s[s.length - 1].toFixed(2), `${((xs.filter((x) => x >= 0.4).length / xs.length) * 100).toFixed(0)}%`]);
  };
  const copies = [];
  const unrelated = [];
  for (let i = 0; i < index.n; i++) {
    const m = index.messages[i];
    const d = await parse(join(root, m.id));
    const from = d.attributes.rendered_from ? join(m.id, '..', d.attributes.rendered_from) : undefined;
    const [best] = index.nearest(skeletonText(skeletonOf(d)), 4).filter((n) => n.doc !== i);
    if (!best) continue;
    const other = index.messages[best.doc];
    const sibling = other.id === from || String(readFileSync(join(root, other.id))).includes(`rendered_from: ${m.id.split('/').pop()}`) && other.id.startsWith(m.id.replace(/[^/]+$/, ''));
    (from ? copies : sibling ? [] : unrelated).push(best.score);
  }
  add('rendered copy of a template', copies);
  const para = { light: [], medium: [] };
  const dir = join(root, 'test/fixtures/paraphrases');
  for (const f of readdirSync(dir)) {
    const d = await parse(join(dir, f));
    const [best] = index.nearest(skeletonText(skeletonOf(d)), 1);
    para[d.attributes.paraphrase.level].push(best?.score ?? 0);
  }
  add('light paraphrase', para.light);
  add('medium rewrite', para.medium);
  add('unrelated (nearest other)', unrelated);
  for (const cls of ['generic', 'merge-only', 'vague', 'researched', 'research-slot']) {
    const xs = [];
    for (const f of readdirSync(join(root, 'eval', cls))) {
      const d = await parse(join(root, 'eval', cls, f));
      xs.push(index.nearest(skeletonText(skeletonOf(d)), 1)[0]?.score ?? 0);
    }
    add(`eval ${cls}`, xs);
  }
  return table(['pairs', 'n', 'min', 'p10', 'median', 'p90', 'max', '>= 0.40'], rows);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await calibrate());

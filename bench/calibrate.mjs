// Calibration of corpus-similarity: the score distributions of labelled pairs, to choose and
// check the thresholds. Run with `npm run calibrate` (after a build).
//   rendered copy      a corpus message rendered from a corpus template (leave-one-out)
//   light / medium     test/fixtures/paraphrases: a corpus message lightly edited / rewritten
//   unrelated          each corpus message's nearest other message that is not its own copy
//   eval <class>       each labelled eval email's nearest corpus message
// The second table is the message-level measure: the share of a message's sentences that say
// what generic corpus sentences say (verbatim or by meaning), for the same pairs, the corpus's
// own messages against the rest of it (leave-one-out), and the real set when its texts are there.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../dist/corpus/load-corpus.js';
import { skeletonOf, skeletonText } from '../dist/corpus/skeleton.js';
import { createParseEnv } from '../dist/parse/parse-env.js';
import { parseDrafts } from '../dist/parse/parse-file.js';
import { table } from './measure.mjs';
import { Analysis } from '../dist/analysis/analysis.js';
import { SENTENCE_WORDS } from '../dist/corpus/collapse.js';
import { comparableUnits } from '../dist/corpus/sentence-hits.js';
import { allRules } from '../dist/rules/index.js';
import { readManifest } from '../eval/real.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);

export async function calibrate() {
  const env = createParseEnv();
  const { index } = await loadCorpus(env, { paths: [], useDefault: true });
  const parse = async (file) => (await parseDrafts(file, readFileSync(file), env))[0];
  const rows = [];
  const add = (name, xs, _flagged) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (f) => s[Math.min(s.length - 1, Math.floor(f * s.length))].toFixed(2);
    rows.push([
      name,
      s.length,
      q(0),
      q(0.1),
      q(0.5),
      q(0.9),
      s[s.length - 1].toFixed(2),
      `${((xs.filter((x) => x >= 0.4).length / xs.length) * 100).toFixed(0)}%`,
    ]);
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
    const sibling =
      other.id === from ||
      (String(readFileSync(join(root, other.id))).includes(`rendered_from: ${m.id.split('/').pop()}`) && other.id.startsWith(m.id.replace(/[^/]+$/, '')));
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
  const whole = table(['pairs', 'n', 'min', 'p10', 'median', 'p90', 'max', '>= 0.40'], rows);
  return `${whole}\n\n${await calibrateCollapse(index, env, parse)}`;
}

/** The share of each message's sentences that say what generic corpus sentences say, by pair class. */
async function calibrateCollapse(index, _env, parse) {
  const options = Object.fromEntries(Object.entries(allRules.find((r) => r.meta.id === 'corpus-similarity').meta.options).map(([k, o]) => [k, o.default]));
  const rows = [];
  const add = (name, shares) => {
    const s = shares.filter((x) => x !== undefined).sort((a, b) => a - b);
    if (s.length === 0) return;
    const q = (f) => s[Math.min(s.length - 1, Math.floor(f * s.length))].toFixed(2);
    rows.push([name, s.length, q(0.1), q(0.25), q(0.5), q(0.75), q(0.9), `${((s.filter((x) => x >= options.shareAt).length / s.length) * 100).toFixed(0)}%`]);
  };
  /** A draft's share, or undefined when it has too few sentences to judge. */
  const share = (d) => {
    const c = new Analysis(d, { corpus: index }).collapse(options);
    return c.total >= options.minSentences ? c.share : undefined;
  };
  // Each corpus message against the rest: its own file and the copies rendered from or to it left out.
  const family = new Map();
  const ids = index.messages.map((m) => m.id);
  for (let i = 0; i < index.n; i++) {
    const d = await parse(join(root, ids[i]));
    const from = d.attributes.rendered_from ? join(ids[i], '..', d.attributes.rendered_from) : undefined;
    for (const [a, b] of [
      [ids[i], ids[i]],
      ...(from
        ? [
            [ids[i], from],
            [from, ids[i]],
          ]
        : []),
    ]) {
      if (!family.has(a)) family.set(a, new Set());
      family.get(a).add(b);
    }
  }
  const sentDocs = index.toArrays().sentDocs;
  const own = [];
  for (let i = 0; i < index.n; i++) {
    const d = await parse(join(root, ids[i]));
    const units = comparableUnits(skeletonOf(d), SENTENCE_WORDS);
    if (units.length < options.minSentences) continue;
    const kin = family.get(ids[i]);
    let hit = 0;
    for (const u of units) {
      const q = index.meaning.query(u.masked);
      if (q.specific > options.maxSpecific) continue;
      if (index.meaning.above(q, options.sentenceAt).some((n) => !kin.has(ids[sentDocs[n.sent]]))) hit++;
    }
    own.push(hit / units.length);
  }
  add('corpus message vs the rest of the corpus', own);
  const para = { light: [], medium: [] };
  const dir = join(root, 'test/fixtures/paraphrases');
  for (const f of readdirSync(dir)) {
    const d = await parse(join(dir, f));
    para[d.attributes.paraphrase.level].push(share(d));
  }
  add('light paraphrase', para.light);
  add('medium rewrite', para.medium);
  for (const cls of ['generic', 'merge-only', 'vague', 'researched', 'research-slot']) {
    const xs = [];
    for (const f of readdirSync(join(root, 'eval', cls))) xs.push(share(await parse(join(root, 'eval', cls, f))));
    add(`eval ${cls}`, xs);
  }
  const split = process.env.REAL_SPLIT ?? 'check';
  const real = { 'generic class': [], researched: [] };
  for (const r of readManifest().filter((m) => m.split === split)) {
    const file = join(root, 'eval/real/emails', `${r.id}.txt`);
    if (!existsSync(file)) continue;
    const key = ['generic', 'merge-template', 'bump', 'breakup'].includes(r.class) ? 'generic class' : r.class === 'researched' ? 'researched' : undefined;
    if (key) real[key].push(share(await parse(file)));
  }
  for (const [k, xs] of Object.entries(real)) add(`real ${k} (${split})`, xs);
  const head = `Share of sentences saying what generic corpus sentences say (sentenceAt ${options.sentenceAt}, shareAt ${options.shareAt}; messages with at least ${options.minSentences} sentences)`;
  return `${head}\n\n${table(['messages', 'n', 'p10', 'p25', 'median', 'p75', 'p90', `>= ${options.shareAt}`], rows)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await calibrate());

// Corpus index benchmarks: load time of the shipped index, warm per-draft lookup at 1k, 10k and
// 100k messages against string-similarity's findBestMatch and an exact all-pairs scan, and the
// agreement of the index's nearest message with the exact one.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CorpusIndex } from '../dist/corpus/corpus-index.js';
import { dice } from '../dist/corpus/dice.js';
import { indexFileBytes, loadCorpus } from '../dist/corpus/load-corpus.js';
import { useShippedData } from '../dist/fs/shipped-data.js';
import { skeletonOf, skeletonText } from '../dist/corpus/skeleton.js';
import { createParseEnv } from '../dist/parse/parse-env.js';
import { parseDrafts } from '../dist/parse/parse-file.js';
import { shippedUnits, synthesize } from './synthetic-corpus.mjs';

import { median, table, time } from './measure.mjs';
import { createRequire } from 'node:module';

useShippedData();

const root = resolve(new URL('..', import.meta.url).pathname);
const { findBestMatch } = createRequire(import.meta.url)('string-similarity');

export async function corpusBench({ sizes = [1000, 10000, 100000], queries = 40 } = {}) {
  const env = createParseEnv();
  const rows = [];

  // Shipped index load, cold in-process, against reading and JSON-parsing the corpus's own text.
  const loads = [];
  for (let i = 0; i < 7; i++) loads.push(await time(async () => loadCorpus(env, { paths: [], useDefault: true })));
  const { index: shipped } = await loadCorpus(env, { paths: [], useDefault: true });
  const naiveLoads = [];
  const files = shipped.messages.map((m) => join(root, m.id));
  for (let i = 0; i < 7; i++) naiveLoads.push(await time(async () => files.map((f) => readFileSync(f, 'utf8'))));
  rows.push([
    `shipped index load (${shipped.n} msgs)`,
    `${median(loads).toFixed(1)} ms`,
    `reading the ${shipped.n} files: ${median(naiveLoads).toFixed(1)} ms`,
    (median(loads) / median(naiveLoads)).toFixed(2),
  ]);

  // Queries: every eval email and paraphrase, as skeletons; the first `queries` are timed.
  const qs = [];
  const dirs = [
    ...['generic', 'merge-only', 'vague', 'researched', 'research-slot'].map((d) => join(root, 'eval', d)),
    join(root, 'test/fixtures/paraphrases'),
  ];
  for (const dir of dirs) {
    for (const f of readdirSync(dir)) {
      const [d] = await parseDrafts(f, readFileSync(join(dir, f)), env);
      qs.push(skeletonText(skeletonOf(d)));
    }
  }
  const timed = qs.filter((_, i) => i % Math.max(1, Math.floor(qs.length / queries)) === 0).slice(0, queries);

  const units = await shippedUnits(root);
  for (const n of sizes) {
    const inputs = synthesize(units, n, n);
    const tBuild = performance.now();
    const index = CorpusIndex.build(inputs, `synthetic-${n}`);
    const buildMs = performance.now() - tBuild;
    const texts = inputs.map((m) => m.skeleton);
    for (const q of timed) index.nearest(q, 3); // warm
    const fast = [];
    const exact = [];
    for (const q of timed) {
      fast.push(await time(async () => index.nearest(q, 1)));
      exact.push(await time(async () => index.nearestExact(q, 1)));
    }
    // Agreement on all queries; on those with a real neighbour (exact score >= 0.1); and on
    // the decision the rule takes (score >= 0.4 or not).
    let same = 0;
    let meaningful = 0;
    let meaningfulSame = 0;
    let decision = 0;
    for (const q of qs) {
      const a = index.nearest(q, 1)[0];
      const b = index.nearestExact(q, 1)[0];
      const agree = (a?.doc ?? -1) === (b?.doc ?? -1) || Math.abs((a?.score ?? 0) - (b?.score ?? 0)) < 1e-4;
      same += agree ? 1 : 0;
      if ((b?.score ?? 0) >= 0.1) {
        meaningful++;
        meaningfulSame += agree ? 1 : 0;
      }
      decision += (a?.score ?? 0) >= 0.4 === (b?.score ?? 0) >= 0.4 ? 1 : 0;
    }
    const pct = (x, n) => `${((x / n) * 100).toFixed(1)}%`;
    const naiveQs = timed.slice(0, n >= 100000 ? 3 : n >= 10000 ? 8 : 20);
    const naive = [];
    for (const q of naiveQs) naive.push(await time(async () => findBestMatch(q, texts)));
    rows.push([
      `nearest message, ${n.toLocaleString('en')} msgs`,
      `${median(fast).toFixed(2)} ms`,
      `findBestMatch: ${median(naive).toFixed(0)} ms; exact scan: ${median(exact).toFixed(2)} ms`,
      `${(median(naive) / median(fast)).toFixed(0)}x faster; ${(median(exact) / median(fast)).toFixed(1)}x vs exact`,
    ]);
    rows.push([
      `  same nearest as exact, ${n.toLocaleString('en')}`,
      `${pct(same, qs.length)} of ${qs.length}`,
      `with a neighbour >= 0.1: ${pct(meaningfulSame, meaningful)} of ${meaningful}; same flag: ${pct(decision, qs.length)}`,
      `build ${(buildMs / 1000).toFixed(1)} s`,
    ]);
    const sent = [];
    const probe = timed
      .flatMap((q) => q.split('\n'))
      .filter((s) => s.split(' ').length >= 6)
      .slice(0, 60);
    for (const s of probe) sent.push(await time(async () => index.matchSentence(s, 0.85, dice)));
    rows.push([`  sentence lookup, ${n.toLocaleString('en')}`, `${median(sent).toFixed(3)} ms`, `${probe.length} sentences`, '']);
    // The same sentences by meaning: the clustered index against a scan of every sentence
    // vector, and whether the two make the same match decision at corpus-similarity's threshold.
    const byMeaning = [];
    const byScan = [];
    let sameMatch = 0;
    for (const s of probe) {
      const q = index.meaning.query(s);
      byMeaning.push(await time(async () => index.meaning.above(q, 0.66)));
      byScan.push(await time(async () => index.meaning.above(q, 0.66, Infinity)));
      const a = index.meaning.nearest(q, 1)[0];
      const b = index.meaning.nearestExact(q, 1)[0];
      sameMatch += (b?.score ?? 0) < 0.66 ? ((a?.score ?? 0) < 0.66 ? 1 : 0) : a?.sent === b?.sent ? 1 : 0;
    }
    rows.push([
      `  sentence by meaning, ${n.toLocaleString('en')}`,
      `${median(byMeaning).toFixed(3)} ms`,
      `scan of ${index.meaning.count.toLocaleString('en')} sentence vectors: ${median(byScan).toFixed(3)} ms; ${index.meaning.clusters} clusters, ${index.meaning.defaultProbe()} read; same match: ${pct(sameMatch, probe.length)}`,
      `${(median(byScan) / median(byMeaning)).toFixed(1)}x`,
    ]);
    // A warm library lint of whole drafts with this corpus, in a fresh process that loads the
    // index from its file as a lint does: per-draft time beside the exact scan, and peak RSS.
    const dir = mkdtempSync(join(tmpdir(), 'olbench-'));
    const file = join(dir, 'index.bin');
    writeFileSync(file, indexFileBytes(index));
    const arraysMb = Object.values(index.arrays).reduce((s, a) => s + a.byteLength, 0) / 1024 / 1024;
    const child = spawnSync(process.execPath, [join(root, 'bench', 'warm-lint-child.mjs'), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    rmSync(dir, { recursive: true, force: true });
    if (child.status !== 0) throw new Error(`warm-lint-child failed: ${child.stderr}`);
    const w = JSON.parse(child.stdout.trim().split('\n').pop());
    rows.push([
      `  warm lint per draft, ${n.toLocaleString('en')}`,
      `${w.lintMs.toFixed(2)} ms`,
      `exact scan alone: ${w.exactMs.toFixed(2)} ms; nearest alone: ${w.nearestMs.toFixed(2)} ms (${w.drafts} eval drafts)`,
      `${(w.exactMs / w.lintMs).toFixed(1)}x`,
    ]);
    rows.push([
      `  lint process, ${n.toLocaleString('en')}`,
      `peak RSS ${w.oneDraftRssMb.toFixed(0)} MB (1 draft), ${w.rssMb.toFixed(0)} MB (${w.drafts})`,
      `index load ${w.loadMs.toFixed(0)} ms; ${arraysMb.toFixed(1)} MB of arrays, text on disk`,
      '',
    ]);
  }
  return table(['corpus', 'ours', 'baseline', 'ratio'], rows);
}

// Child process of the corpus benchmark: loads one index file as a lint would, then times a
// warm library lint per draft, and reports the process's peak RSS after one draft (what a
// CLI run holds) and after all of them (a long-lived library or server process), before the
// exact scan, which needs per-message vectors a lint never builds, adds its own memory.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLinter, OutreachLint } from '../dist/index.js';
import { readIndexFile } from '../dist/corpus/load-corpus.js';
import { skeletonOf, skeletonText } from '../dist/corpus/skeleton.js';
import { median, peakRssMb, time } from './measure.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const file = process.argv[2];

const queries = [];
for (const dir of ['generic', 'merge-only', 'vague', 'researched', 'research-slot']) {
  for (const f of readdirSync(join(root, 'eval', dir)).sort()) queries.push({ name: f, text: readFileSync(join(root, 'eval', dir, f), 'utf8') });
}
const picked = queries.filter((_, i) => i % 4 === 0);

const t0 = performance.now();
const index = readIndexFile(file);
const loadMs = performance.now() - t0;
if (!index) throw new Error(`${file}: not a readable index`);
const base = await createLinter({ config: { defaultCorpus: false } });
const linter = new OutreachLint(base.config, { corpus: index });

await linter.lintText(picked[0].text, { filePath: picked[0].name });
const oneDraftRssMb = peakRssMb() ?? process.resourceUsage().maxRSS / 1024;
for (const q of picked) await linter.lintText(q.text, { filePath: q.name });
const lint = [];
const skeletons = [];
for (const q of picked) {
  lint.push(await time(() => linter.lintText(q.text, { filePath: q.name })));
  const [r] = await linter.lintText(q.text, { filePath: q.name });
  skeletons.push(skeletonText(skeletonOf(r.draft)));
}
const nearest = [];
for (const s of skeletons) nearest.push(await time(async () => index.nearest(s, 3)));
const rssMb = peakRssMb() ?? process.resourceUsage().maxRSS / 1024;

const exact = [];
for (const s of skeletons) exact.push(await time(async () => index.nearestExact(s, 3)));
console.log(JSON.stringify({ drafts: picked.length, loadMs, lintMs: median(lint), nearestMs: median(nearest), exactMs: median(exact), oneDraftRssMb, rssMb }));

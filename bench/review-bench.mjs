// Batch review: `outreach-lint review --report` on 1,000 and 5,000 generated templates, timed
// beside linting the same files without the review (clusters and report) in the same run,
// with each one's peak RSS.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnMeasure } from './cold-start.mjs';
import { table } from './measure.mjs';
import { rng, shippedUnits } from './synthetic-corpus.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);

/** n templates: corpus sentences remixed, one in five a near-copy of an earlier one. */
async function makeTemplates(dir, n) {
  const { byArchetype } = await shippedUnits(root);
  const pools = [...byArchetype.values()];
  const rand = rng(n);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const made = [];
  for (let i = 0; i < n; i++) {
    let text;
    if (made.length > 10 && rand() < 0.2) text = pick(made).replace(/\b(quick|team|help)\b/, 'short');
    else {
      const pool = pick(pools);
      const units = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(pick(pool).units)).join(' ');
      text = `Subject: ${pick(pool).subject}\n\nHi {{first_name}},\n\n${units.replace(/slot(\w+)/g, '{{$1}}')}\n\n{{sender_name}}\n`;
    }
    made.push(text);
    writeFileSync(join(dir, `t${String(i).padStart(5, '0')}.md`), text);
  }
}

export async function reviewBench({ sizes = [1000, 5000] } = {}) {
  const rows = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'olreview-'));
    const templates = join(dir, 'templates');
    mkdirSync(templates);
    await makeTemplates(templates, n);
    const report = join(dir, 'review.html');
    const lint = spawnMeasure([process.execPath, 'bin/outreach-lint.js', templates, '-f', 'json', '-o', join(dir, 'lint.json'), '--no-interactive']);
    const review = spawnMeasure([process.execPath, 'bin/outreach-lint.js', 'review', templates, '--report', report, '--format', 'json']);
    rows.push([
      `${n.toLocaleString('en')} templates`,
      `${(review.ms / 1000).toFixed(1)} s`,
      `${(lint.ms / 1000).toFixed(1)} s`,
      (review.ms / lint.ms).toFixed(2),
      `${(statSync(report).size / 1024 / 1024).toFixed(2)} MB`,
      `${review.rssMb.toFixed(0)} MB / ${lint.rssMb.toFixed(0)} MB`,
    ]);
    rmSync(dir, { recursive: true, force: true });
  }
  return table(['review --report', 'review', 'plain lint of the same files', 'ratio', 'report size', 'peak RSS, review / lint'], rows);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await reviewBench());

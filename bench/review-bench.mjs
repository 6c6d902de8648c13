// Batch review: `outreach-lint review --report --format json` on 1,000, 10,000 and 100,000
// generated drafts in CSV exports (500 rows a file, like a sequencing tool's sent mail), each
// with its time, peak RSS, report size and JSON size; beside a plain lint of the same files
// (which holds every result, so not at 100,000) and the review on one thread, in the same run.
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnMeasure } from './cold-start.mjs';
import { table } from './measure.mjs';
import { rng, shippedUnits } from './synthetic-corpus.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const ROWS_PER_FILE = 500;

/** n drafts: corpus sentences remixed, one in five a near-copy of an earlier one, in CSV files of ROWS_PER_FILE rows. */
async function makeExports(dir, n) {
  const { byArchetype } = await shippedUnits(root);
  const pools = [...byArchetype.values()];
  const rand = rng(n);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const quote = (s) => `"${s.replace(/"/g, '""')}"`;
  const made = [];
  let rows = ['name,subject,body'];
  for (let i = 0; i < n; i++) {
    let draft;
    if (made.length > 10 && rand() < 0.2) {
      const copy = pick(made);
      draft = { subject: copy.subject, body: copy.body.replace(/\b(quick|team|help)\b/, 'short') };
    } else {
      const pool = pick(pools);
      const units = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(pick(pool).units)).join(' ');
      draft = {
        subject: pick(pool).subject.replace(/slot(\w+)/g, '{{$1}}'),
        body: `Hi {{first_name}},\n\n${units.replace(/slot(\w+)/g, '{{$1}}')}\n\n{{sender_name}}\n`,
      };
    }
    if (made.length < 5000) made.push(draft);
    rows.push([quote(`step ${i}`), quote(draft.subject), quote(draft.body)].join(','));
    if (rows.length > ROWS_PER_FILE || i === n - 1) {
      writeFileSync(join(dir, `export-${String(Math.floor(i / ROWS_PER_FILE)).padStart(4, '0')}.csv`), `${rows.join('\n')}\n`);
      rows = ['name,subject,body'];
    }
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

export async function reviewBench({ sizes = [1000, 10000, 100000], plainUpTo = 10000, oneThreadAt = 10000 } = {}) {
  const rows = [];
  const node = process.execPath;
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'olreview-'));
    await makeExports(dir, n);
    const report = join(dir, 'review.html');
    const json = join(dir, 'review.json');
    const review = (extra = []) => {
      const fd = openSync(json, 'w');
      try {
        return spawnMeasure([node, 'bin/outreach-lint.js', 'review', dir, '--report', report, '--format', 'json', ...extra], { stdout: fd });
      } finally {
        closeSync(fd);
      }
    };
    const r = review();
    const label = `${n.toLocaleString('en')} drafts`;
    const plain =
      n <= plainUpTo ? spawnMeasure([node, 'bin/outreach-lint.js', `${dir}/*.csv`, '-f', 'json', '-o', join(dir, 'lint.json'), '--no-interactive']) : undefined;
    rows.push([
      label,
      seconds(r.ms),
      `${((r.ms / n) * 1000).toFixed(0)} µs`,
      `${r.rssMb.toFixed(0)} MB`,
      mb(statSync(report).size),
      mb(statSync(json).size),
      plain ? `${seconds(plain.ms)}, ${plain.rssMb.toFixed(0)} MB` : 'not run: holds every result',
      plain ? (r.ms / plain.ms).toFixed(2) : '',
    ]);
    if (n === oneThreadAt) {
      const one = review(['--jobs', '1']);
      rows.push([
        `${label}, --jobs 1`,
        seconds(one.ms),
        `${((one.ms / n) * 1000).toFixed(0)} µs`,
        `${one.rssMb.toFixed(0)} MB`,
        '',
        '',
        '',
        plain ? (one.ms / plain.ms).toFixed(2) : '',
      ]);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return table(['review --report --format json', 'time', 'per draft', 'peak RSS', 'report', 'JSON', 'plain lint, same files', 'ratio to plain'], rows);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await reviewBench(process.argv.includes('--quick') ? { sizes: [1000, 10000] } : {}));

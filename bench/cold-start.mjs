// CLI cold start: the real binary linting one 150-word draft, against `node -e 0`, alex and
// write-good on the same file, interleaved in one run; with each one's peak RSS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, table } from './measure.mjs';
import { DRAFT } from './server-bench.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);

/** Wall time and peak RSS of one run, via GNU time's %M (kilobytes). */
export function spawnMeasure(args, { stdout = 'ignore' } = {}) {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'] });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { ms, rssMb: kb / 1024 };
}

export function coldStart({ runs = 15 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'olcold-'));
  const draft = join(dir, 'draft.md');
  writeFileSync(draft, `Subject: ${DRAFT.subject}\n\n${DRAFT.body}\n`);
  const node = process.execPath;
  const commands = [
    ['node -e 0', [node, '-e', '0']],
    ['outreach-lint draft.md', [node, 'bin/outreach-lint.js', draft, '--no-interactive']],
    ['alex draft.md', [node, 'node_modules/alex/cli.js', draft]],
    ['write-good draft.md', [node, 'node_modules/write-good/bin/write-good.js', draft]],
  ];
  const times = commands.map(() => []);
  const rss = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach(([, args], k) => {
      const m = spawnMeasure(args);
      times[k].push(m.ms);
      rss[k].push(m.rssMb);
    });
  }
  const base = median(times[0]);
  return table(
    ['cold start (150-word draft)', 'median wall', 'ratio to node -e 0', 'peak RSS'],
    commands.map(([name], k) => [name, `${median(times[k]).toFixed(1)} ms`, (median(times[k]) / base).toFixed(2), `${median(rss[k]).toFixed(0)} MB`]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(coldStart());

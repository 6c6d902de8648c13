// CLI cold start: the real binary linting one draft, against `node -e 0` in the same run.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { median, table } from './measure.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);

export function spawnTime(args, opts = {}) {
  const t = performance.now();
  const r = spawnSync(args[0], args.slice(1), { cwd: root, stdio: 'ignore', ...opts });
  if (r.error) throw r.error;
  return performance.now() - t;
}

/** Runs each command `runs` times, interleaved so that machine noise hits all alike. */
export function interleaved(commands, runs = 15) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => times[k].push(spawnTime(c)));
  return times.map(median);
}

export function coldStart({ runs = 15, draft = 'examples/researched.md' } = {}) {
  const node = process.execPath;
  const [base, lint] = interleaved([[node, '-e', '0'], [node, 'bin/outreach-lint.js', draft]], runs);
  return table(['cold start', 'median', 'ratio to node -e 0'], [
    ['node -e 0', `${base.toFixed(1)} ms`, '1.00'],
    [`outreach-lint ${draft}`, `${lint.toFixed(1)} ms`, (lint / base).toFixed(2)],
  ]);
}

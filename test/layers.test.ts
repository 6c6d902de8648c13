import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DEPCRUISE = resolve('node_modules/.bin/depcruise');

interface Cruised {
  summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
  modules: Array<{ source: string; dependencies: Array<{ resolved: string; coreModule: boolean; module: string }> }>;
}

function cruise(): Cruised {
  const r = spawnSync(DEPCRUISE, ['src', '--output-type', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Cruised;
}

describe('the layers of DESIGN.md (.dependency-cruiser.cjs)', () => {
  const result = cruise();

  it('has no cycles, and the kernel, rules and analysis import no Node built-in and reach no I/O module', () => {
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  it('everything the kernel and the rules load, however indirectly, runs without Node: no built-in, no process, no file read', () => {
    const byPath = new Map(result.modules.map((m) => [m.source, m]));
    const reached = new Set<string>();
    const queue = result.modules.map((m) => m.source).filter((s) => /^src\/(kernel|rules|analysis)\//.test(s));
    while (queue.length > 0) {
      const path = queue.pop()!;
      if (reached.has(path)) continue;
      reached.add(path);
      for (const d of byPath.get(path)?.dependencies ?? []) if (!d.coreModule && d.resolved.startsWith('src/')) queue.push(d.resolved);
    }
    expect(reached.size).toBeGreaterThan(30);
    const offenders = [...reached].flatMap((path) => {
      const core = byPath
        .get(path)!
        .dependencies.filter((d) => d.coreModule)
        .map((d) => d.module);
      const text = readFileSync(path, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
      const uses = [...core, ...(/\bprocess\.|\brequire\(|import\.meta\b/.test(text) ? ['process, require or import.meta'] : [])];
      return uses.length ? [`${path}: ${uses.join(', ')}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const BIN = resolve('bin/outreach-lint.js');

describe('no network at run time', () => {
  it('lints, reviews and builds a corpus with every outbound connection failing', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'oloffline-'));
    const env = {
      ...process.env,
      NO_COLOR: '1',
      CI: '1',
      XDG_CACHE_HOME: join(cwd, '.cache'),
      NODE_OPTIONS: `--require ${resolve('test/fixtures/preload/no-network.cjs')}`,
    };
    writeFileSync(join(cwd, 'team.md'), 'Subject: Hi\n\nHi {{first_name}}, we help finance teams close the books faster.\n');
    for (const args of [
      [resolve('examples'), '-f', 'json'],
      ['review', resolve('examples'), '--report', join(cwd, 'r.html')],
      ['corpus', 'build', cwd, '--no-default-corpus'],
    ]) {
      const r = spawnSync(process.execPath, [BIN, ...args, ...(args[0] === 'review' || args[0] === 'corpus' ? [] : ['--no-interactive'])], {
        cwd,
        env,
        encoding: 'utf8',
      });
      expect(r.stderr).not.toContain('network access attempted');
      expect([0, 1]).toContain(r.status);
    }
    // The preload really is in force: a child that tries to connect fails.
    const probe = spawnSync(process.execPath, ['-e', "require('node:net').connect(80, '127.0.0.1')"], { env, encoding: 'utf8' });
    expect(probe.stderr).toContain('network access attempted');
  });
});

describe('atomic signal saves', () => {
  it('a process killed with SIGKILL mid-save leaves the old or the new file, never a partial one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'olkill-'));
    const draft = join(dir, 'draft.md');
    const original = `Subject: Hi\n\nHi Ana,\n\n${'We help finance teams close the books faster. '.repeat(400)}\n`;
    writeFileSync(draft, original);
    // A child that saves signals in a loop, each save a whole new version of the file.
    const saver = `
      import { readFileSync } from 'node:fs';
      import { saveSignal } from ${JSON.stringify(resolve('dist/signal/store.js'))};
      for (let i = 0; ; i++) saveSignal(process.argv[1], { type: 'funding', text: 'Raised round number ' + i + ' ' + 'x'.repeat(i % 500), captured_at: '2026-11-27T00:00:00.000Z' }, { expected: readFileSync(process.argv[1]) });
    `;
    for (let round = 0; round < 12; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', saver, draft], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 60 + Math.floor(Math.random() * 140)));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const now = readFileSync(draft, 'utf8');
      const fm = /^---\n([\s\S]*?\n)---\n/.exec(now);
      expect(fm ? now.slice(fm[0].length) : now).toBe(original);
      if (fm) {
        // Parsed, not matched as text: yaml folds a long string over several lines.
        const { signal } = parseYaml(fm[1]!) as { signal: Record<string, string> };
        expect(Object.keys(signal)).toEqual(['type', 'text', 'captured_at']);
        expect(signal.type).toBe('funding');
        expect(String(signal.captured_at)).toBe('2026-11-27T00:00:00.000Z');
        const m = /^Raised round number (\d+) (x*)$/.exec(signal.text!);
        expect(m).not.toBeNull();
        expect(m![2]!.length).toBe(Number(m![1]) % 500);
      }
    }
    // Temp files of killed writers are the only leftovers, and never the draft itself.
    expect(readdirSync(dir).filter((f) => !f.startsWith('.draft.md.'))).toEqual(['draft.md']);
  });
});

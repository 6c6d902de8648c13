import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInPty } from './pty.js';

const BIN = resolve('bin/outreach-lint.js');
const DRAFT = `---
prospect:
  first_name: Noor
  company: Lattice Freight
---
Subject: Carrier payments

Hi Noor,

We help logistics teams pay carriers faster and cut invoice disputes in half.
Would a short call next week help?

Mo
`;

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm', NO_COLOR: '1' };
  delete e.CI;
  delete e.FORCE_COLOR;
  return e;
}

/** The draft in a fresh folder, linted at a terminal with the answers given. */
async function answer(second: string, type = '\u001b[B\r') {
  const cwd = mkdtempSync(join(tmpdir(), 'olpty-'));
  writeFileSync(join(cwd, 'noor.md'), DRAFT);
  const run = await runInPty(
    `${process.execPath} ${BIN} noor.md`,
    cwd,
    [
      { waitFor: /Which kind of signal is it\?/, send: type },
      { waitFor: /The signal, in your own words/, send: "they're growing\r" },
      { waitFor: /That is not concrete yet: it has 2 words; one concrete fact takes at least four\./, send: `${second}\r` },
    ],
    env(),
  );
  return { ...run, cwd };
}

describe('interactive signal capture in a terminal', () => {
  it('re-asks a vague answer once, saves the concrete one and lints again', async () => {
    const { screen, code, cwd } = await answer('Posted four carrier-billing analyst roles in Reno on 3 November');
    expect(screen).toContain('What is the one research signal that matters most to Lattice Freight right now?');
    expect(screen).toContain('A signal is concrete when it names a number, a date');
    expect(screen).toContain('Saved the research signal in noor.md. Linting noor.md again:');
    expect(screen).toMatch(/The research signal you saved \(hiring: "Posted four carrier-billing analyst roles in Reno on 3 November"\) is not in this email/);
    expect(code).toBe(0);
    const saved = readFileSync(join(cwd, 'noor.md'), 'utf8');
    expect(saved).toMatch(
      /^---\nprospect:\n {2}first_name: Noor\n {2}company: Lattice Freight\nsignal:\n {2}type: hiring\n {2}text: Posted four carrier-billing analyst roles in Reno on 3 November\n {2}captured_at: \d{4}-\d\d-\d\dT[\d:.]+Z\n---\n/,
    );
    expect(saved.endsWith(DRAFT.slice(DRAFT.indexOf('Subject:')))).toBe(true);
  });

  it('saves nothing when the second answer is vague too', async () => {
    const { screen, code, cwd } = await answer('they are doing really well lately', '\r');
    expect(screen).toContain(
      'Still not concrete: it names no number, date, name, quotation, page or topic of their post. Nothing was saved; find one fact about the prospect and run again.',
    );
    expect(screen).not.toContain('Saved the research signal');
    expect(code).toBe(0);
    expect(readFileSync(join(cwd, 'noor.md'), 'utf8')).toBe(DRAFT);
  });

  it('Esc skips and leaves the file as it was', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'olpty-'));
    writeFileSync(join(cwd, 'noor.md'), DRAFT);
    const { screen, code } = await runInPty(`${process.execPath} ${BIN} noor.md`, cwd, [{ waitFor: /Which kind of signal is it\?/, send: '\u001b' }], env());
    expect(screen).toContain('Skipped: nothing was saved.');
    expect(code).toBe(0);
    expect(readFileSync(join(cwd, 'noor.md'), 'utf8')).toBe(DRAFT);
  });

  it('asks nothing when CI is set, and prints the question and command instead', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'olpty-'));
    cpSync(join(resolve('examples'), 'quick-question.template.md'), join(cwd, 't.md'));
    writeFileSync(join(cwd, 'noor.md'), DRAFT);
    const { screen } = await runInPty(`${process.execPath} ${BIN} noor.md`, cwd, [], { ...env(), CI: 'true' });
    expect(screen).not.toContain('Which kind of signal');
    expect(screen).toContain('? What is the one research signal that matters most to Lattice Freight right now?');
    expect(screen).toContain('Answer with: outreach-lint noor.md --signal "<the signal, in your words>" --signal-type <funding|hiring|');
    expect(readFileSync(join(cwd, 'noor.md'), 'utf8')).toBe(DRAFT);
  });
});

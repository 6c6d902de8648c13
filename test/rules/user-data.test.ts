import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/outreach-lint.js');

function project(phrases: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'oldata-'));
  writeFileSync(join(cwd, '.outreachlintrc.yml'), 'ruleData:\n  stock-phrase: team-phrases.yml\n');
  writeFileSync(join(cwd, 'team-phrases.yml'), phrases);
  return cwd;
}

function lint(cwd: string, text: string) {
  writeFileSync(join(cwd, 'draft.md'), text);
  return spawnSync(process.execPath, [BIN, 'draft.md', '-f', 'json', '--no-interactive', '--rule', 'stock-sentence:off'], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CI: '1' },
  });
}

describe("a team's own rule data", () => {
  it('adds phrases to stock-phrase', () => {
    const cwd = project(
      'phrases:\n  - id: synergize\n    category: buzzword\n    match: [circle the wagons]\n    why: Nobody knows what it means.\n    instead: Say what you will do.\n',
    );
    const r = lint(cwd, 'Hi Ana,\n\nLet us circle the wagons on your Q3 close.\n');
    const f = JSON.parse(r.stdout)[0].findings.find((x: { details?: { phrase?: string } }) => x.details?.phrase === 'synergize');
    expect(f).toMatchObject({ line: 3, column: 8, message: '"circle the wagons" is a stock phrase: Nobody knows what it means. Say what you will do.' });
  });

  it('cannot hang the linter: catastrophic regexes are plain words to the matcher', () => {
    const evil = ['(a+)+$', '(a|aa)+$', '([a-zA-Z]+)*$', '(.*a){20}', '^(\\\\w+\\\\s?)*$'];
    const cwd = project(
      `phrases:\n${evil.map((e, i) => `  - id: evil-${i}\n    category: filler\n    match: ['${e}']\n    why: x.\n    instead: y.\n`).join('')}`,
    );
    const attack = `Hi Ana,\n\n${'a'.repeat(50_000)}!\n${'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.repeat(50)}X\n`;
    const r = lint(cwd, attack);
    expect(r.error).toBeUndefined();
    expect([0, 1]).toContain(r.status);
  });

  it('rejects malformed entries with a line naming the entry', () => {
    const cwd = project('phrases:\n  - id: broken\n    match: circle back\n    why: x\n    instead: y\n');
    const r = lint(cwd, 'Hi Ana, hello.\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`outreach-lint: ${join(cwd, 'team-phrases.yml')}: phrases[0].match: must be a list; write it as a list, such as [first, second]\n`);
  });
});

describe('switching off one phrase by its id', () => {
  const draft = 'Hi Ana,\n\nWould you be up for a quick chat next week? I hope this email finds you well.\n';
  const withConfig = (config: string) => {
    const cwd = mkdtempSync(join(tmpdir(), 'olignore-'));
    writeFileSync(join(cwd, '.outreachlintrc.yml'), config);
    return lint(cwd, draft);
  };
  const phrases = (r: ReturnType<typeof lint>) =>
    JSON.parse(r.stdout)[0]
      .findings.filter((f: { ruleId: string }) => f.ruleId === 'stock-phrase')
      .map((f: { line: number; column: number; details: { phrase: string } }) => [f.line, f.column, f.details.phrase]);

  it('stock-phrase: [warn, { ignore: [quick-chat] }] drops that phrase and keeps the others', () => {
    expect(phrases(withConfig('rules:\n  stock-phrase: warn\n'))).toEqual([
      [3, 23, 'quick-chat'],
      [3, 47, 'hope-finds-you-well'],
    ]);
    expect(phrases(withConfig('rules:\n  stock-phrase: [warn, { ignore: [quick-chat] }]\n'))).toEqual([[3, 47, 'hope-finds-you-well']]);
  });

  it('an id that names no phrase stops the run with one line naming the config key', () => {
    const r = withConfig('rules:\n  stock-phrase: [warn, { ignore: [quick-chatt] }]\n');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^outreach-lint: \/.*\/\.outreachlintrc\.yml: "rules\.stock-phrase" option ignore names "quick-chatt", which is not one of its phrases; use ids from rules\/stock-phrase\.yml \(such as quick-chat[,)]/,
    );
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
});

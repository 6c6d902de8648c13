import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

const BIN = resolve('bin/outreach-lint.js');
let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'olcorp-'));
  mkdirSync(join(cwd, 'team'));
  writeFileSync(
    join(cwd, 'team', 'intro.md'),
    '---\narchetype: team-intro\n---\nSubject: Quick question\n\nHi {{first_name}},\n\nWho owns returns processing at {{company}}? Our reverse-logistics desk cuts refund time in half.\n',
  );
  writeFileSync(
    join(cwd, 'draft.md'),
    '---\nprospect:\n  first_name: Lea\n  company: Moss & Vine\n---\nSubject: Quick question\n\nHi Lea,\n\nWho owns returns processing at Moss & Vine? Our reverse-logistics desk cuts refund time in half.\n',
  );
});

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: join(cwd, '.cache') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('corpus on the command line', () => {
  it('corpus stats shows counts, archetypes and timings of the shipped index', () => {
    const r = run(['corpus', 'stats', '--json']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    expect(stats).toMatchObject({ messages: 968, source: 'prebuilt' });
    expect(stats.sentences).toBeGreaterThan(3000);
    expect(Object.keys(stats.archetypes)).toHaveLength(40);
    expect(stats.loadMs).toBeGreaterThan(0);
  });

  it('corpus build and stats speak --format json like the other commands, and refuse a format they do not have', () => {
    const built = run(['corpus', 'build', 'team', '--no-default-corpus', '--format', 'json']);
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({ messages: 1, sentences: 2, archetypes: { 'team-intro': 1 }, source: 'built' });
    const stats = run(['corpus', 'stats', 'team', '--no-default-corpus', '-f', 'json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ messages: 1, source: 'cache' });
    const bad = run(['corpus', 'stats', '--format', 'yaml']);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toBe("error: option '-f, --format <name>' argument 'yaml' is invalid. Allowed choices are text, json.\n");
  });

  it('corpus build indexes a team folder and caches it', () => {
    const r = run(['corpus', 'build', 'team', '--no-default-corpus']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^messages {4}1\nsentences {3}2\n/);
    expect(r.stdout).toContain('      1  team-intro\n');
    expect(r.stdout).toMatch(/loaded {6}[\d.]+ ms \(built, .*\.cache\/outreach-lint\/index-[0-9a-f]{24}\.bin\)/);
    expect(run(['corpus', 'stats', 'team', '--no-default-corpus']).stdout).toMatch(/\(cache, /);
  });

  it('corpus build --out writes the index to a file that a shell with no file system reads from its bytes', async () => {
    const r = run(['corpus', 'build', 'team', '--out', 'team.idx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`written to  ${join(cwd, 'team.idx')}\n`);
    const { CorpusIndex } = await import('../../src/corpus/corpus-index.js');
    const index = CorpusIndex.fromBytes(new Uint8Array(readFileSync(join(cwd, 'team.idx'))));
    // The shipped corpus and the team's one message.
    expect(index.n).toBe(969);
    expect(index.messages.some((m) => m.archetype === 'team-intro')).toBe(true);
  });

  it('--corpus adds a team corpus, and a draft rendered from its template is named', () => {
    const r = run(['draft.md', '--corpus', 'team', '--no-default-corpus', '-f', 'json']);
    const [res] = JSON.parse(r.stdout);
    const f = res.findings.find((x: { ruleId: string }) => x.ruleId === 'corpus-similarity');
    expect(f.message).toBe('This email is 100% the same as a generic "team-intro" template (team/intro.md).');
    expect(f.severity).toBe('error');
    expect(r.code).toBe(1);
  });

  it('a missing corpus path stops the run with one line and exit 2', () => {
    const r = run(['draft.md', '--corpus', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`outreach-lint: ${join(cwd, 'nope')}: no such file or folder; check the path (quote globs so the shell does not expand them)\n`);
  });
});

describe('outreach-lint review', () => {
  it('takes CSV exports with named columns and prints JSON and CSV', () => {
    writeFileSync(
      join(cwd, 'export.csv'),
      'Template,Subj,Copy\nIntro,Quick question,"Hi {{first_name}}, who owns returns at {{company}}?"\nIntro again,Quick question,"Hi {{first_name}}, who owns returns at {{company}}?"\n',
    );
    const review = (format: string) =>
      run([
        'review',
        'export.csv',
        '--csv-subject',
        'Subj',
        '--csv-body',
        'Copy',
        '--csv-name',
        'Template',
        '--format',
        format,
        '--no-default-corpus',
        '--corpus',
        'team',
      ]);
    const json = review('json');
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(data.summary).toMatchObject({ templates: 2, distinct: 1 });
    expect(data.clusters).toEqual([{ id: 1, members: ['export.csv: Intro', 'export.csv: Intro again'] }]);
    const csv = review('csv');
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'name,verdict,score,cluster,nearest_corpus_message,similarity,errors,warnings,top_rule,top_message,owner,step,sent,replied,reply_rate',
    );
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^export\.csv: Intro,needs-signal,\d+,1,team\/intro\.md,/);
    const missing = run(['review', 'export.csv', '--csv-body', 'Nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('export.csv: has no column "Nope" (columns: Template, Subj, Copy); fix --csv-body');
  });
});

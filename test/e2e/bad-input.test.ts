import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/outreach-lint.js');
const GOOD = 'Subject: Hi\n\nHi Ana, congrats on the $14M Series A that Fjord Ventures led on 4 November.\n';

function setup() {
  const cwd = mkdtempSync(join(tmpdir(), 'olbad-'));
  writeFileSync(join(cwd, 'good.md'), GOOD);
  return cwd;
}

function run(cwd: string, args: string[], uid?: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1', XDG_CACHE_HOME: join(cwd, '.cache') };
  const r = spawnSync(process.execPath, [BIN, ...args, '--no-interactive'], { cwd, encoding: 'utf8', env, ...(uid !== undefined ? { uid, gid: uid } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A "billion laughs": nine anchors, each a list of nine aliases of the one before. */
const ALIAS_BOMB = [...'abcdefghi']
  .map(
    (name, i) =>
      `${name}: &${name} [${Array(9)
        .fill(i === 0 ? 'x' : `*${'abcdefghi'[i - 1]}`)
        .join(', ')}]`,
  )
  .join('\n');

/** Each row of docs/bad-input.md: the bad file, the one line it gives, and the good file still linted. */
const ROWS: Array<[string, (cwd: string) => string, RegExp]> = [
  [
    'binary file',
    (cwd) => {
      writeFileSync(join(cwd, 'logo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
      return 'logo.txt';
    },
    /^logo\.txt: is a binary file, not text; lint the email as/,
  ],
  [
    'empty file',
    (cwd) => {
      writeFileSync(join(cwd, 'empty.md'), '');
      return 'empty.md';
    },
    /^empty\.md: is empty; write the email in it, or leave the file out$/,
  ],
  [
    'whitespace-only file',
    (cwd) => {
      writeFileSync(join(cwd, 'blank.md'), '  \n\t\n');
      return 'blank.md';
    },
    /^blank\.md: holds only whitespace; write the email in it, or leave the file out$/,
  ],
  [
    'a 20 MB file',
    (cwd) => {
      writeFileSync(join(cwd, 'big.txt'), 'word '.repeat(4 * 1024 * 1024));
      return 'big.txt';
    },
    /^big\.txt: is 20 MB, over the 1 MB limit for one draft; split it, or raise the limit with --max-file-size$/,
  ],
  [
    'invalid UTF-8',
    (cwd) => {
      writeFileSync(join(cwd, 'latin1.txt'), Buffer.from('Hi Ren\xe9e, caf\xe9', 'latin1'));
      return 'latin1.txt';
    },
    /^latin1\.txt: is not valid UTF-8 \(bad byte at offset 6\); re-save it as UTF-8$/,
  ],
  [
    'unknown extension',
    (cwd) => {
      writeFileSync(join(cwd, 'notes.docx'), 'x');
      return 'notes.docx';
    },
    /^notes\.docx: has an unknown file type "\.docx"; lint \.txt, \.md/,
  ],
  [
    'symlink loop',
    (cwd) => {
      symlinkSync(join(cwd, 'b.md'), join(cwd, 'a.md'));
      symlinkSync(join(cwd, 'a.md'), join(cwd, 'b.md'));
      return 'a.md';
    },
    /^a\.md: is a symbolic link loop; fix or remove the link$/,
  ],
  ['missing path', () => 'nope.md', /^nope\.md: no such file or folder; check the path/],
  [
    'invalid front matter',
    (cwd) => {
      writeFileSync(join(cwd, 'broken.md'), '---\nprospect: [oops\n---\nHi');
      return 'broken.md';
    },
    /^broken\.md:\d+:\d+: invalid front matter: .+; fix the YAML between the --- lines$/,
  ],
  [
    'YAML alias bomb in front matter',
    (cwd) => {
      writeFileSync(join(cwd, 'bomb.md'), `---\n${ALIAS_BOMB}\n---\nHi Dana`);
      return 'bomb.md';
    },
    /^bomb\.md:3:8: invalid front matter: aliases expand too far \(at most 20 alias expansions are allowed\); fix the YAML between the --- lines$/,
  ],
  [
    'HTML nested 2,000 levels deep',
    (cwd) => {
      writeFileSync(join(cwd, 'deep.html'), `${'<div>'.repeat(2000)}Hi Dana${'</div>'.repeat(2000)}`);
      return 'deep.html';
    },
    /^deep\.html: HTML is nested more than 500 elements deep; close the tags that are left open, or remove wrapper elements$/,
  ],
];

describe('bad input: one line each, exit 2, the other files still linted', () => {
  it.each(ROWS)('%s', (_name, make, line) => {
    const cwd = setup();
    const bad = make(cwd);
    const r = run(cwd, [bad, 'good.md', '-f', 'json']);
    expect(r.code).toBe(2);
    const lines = r.stderr
      .trim()
      .split('\n')
      .map((l) => l.replace(/^outreach-lint: /, ''));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath)).toEqual(['good.md']);
  });

  it('a large file is linted once the limit is raised', () => {
    const cwd = setup();
    writeFileSync(join(cwd, 'big.txt'), 'Hi Ana,\n\nword '.repeat(120_000));
    const r = run(cwd, ['big.txt', '--max-file-size', '2MB', '-f', 'json']);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('unreadable permissions (as nobody when run as root)', () => {
    const cwd = setup();
    chmodSync(cwd, 0o755);
    writeFileSync(join(cwd, 'secret.md'), GOOD);
    chmodSync(join(cwd, 'secret.md'), 0o000);
    chmodSync(join(cwd, 'good.md'), 0o644);
    const r = run(cwd, ['secret.md', 'good.md', '-f', 'json'], process.getuid?.() === 0 ? 65534 : undefined);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('outreach-lint: secret.md: permission denied; make the file readable (chmod +r) or leave it out\n');
  });

  it('UTF-16 with a BOM and CRLF are read, with positions as an editor shows them', () => {
    const cwd = setup();
    writeFileSync(join(cwd, 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Subject: Hi\r\n\r\nHi {{first_name}},\r\n', 'utf16le')]));
    const r = run(cwd, ['wide.txt', '-f', 'json', '--mode', 'draft']);
    const [res] = JSON.parse(r.stdout);
    expect(res.findings.find((f: { ruleId: string }) => f.ruleId === 'unresolved-placeholder')).toMatchObject({ line: 3, column: 4 });
  });

  it('config with wrong types, an empty corpus folder and a CSV with missing columns stop the run with one line', () => {
    const cwd = setup();
    writeFileSync(join(cwd, '.outreachlintrc.json'), '{"mode": 5}');
    let r = run(cwd, ['good.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `outreach-lint: ${join(cwd, '.outreachlintrc.json')}: "mode" must be auto, draft or template, not 5; fix the value or remove the key\n`,
    );
    writeFileSync(join(cwd, '.outreachlintrc.json'), '{}');
    writeFileSync(join(cwd, '.outreachlintrc.yml'), ALIAS_BOMB);
    r = run(cwd, ['good.md', '--config', '.outreachlintrc.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^outreach-lint: .*\.outreachlintrc\.yml: is not valid YAML \(.*alias.*\); fix the YAML syntax; a config has no need of aliases\n$/i,
    );
    mkdirSync(join(cwd, 'empty-corpus'));
    r = run(cwd, ['good.md', '--corpus', 'empty-corpus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /empty-corpus: corpus folder holds no \.txt, \.md, \.eml, \.html, \.json or \.csv messages; add messages to it, or remove it from --corpus \/ the config\n$/,
    );
    writeFileSync(join(cwd, 'export.csv'), 'title,notes\nA,B\n');
    r = run(cwd, ['export.csv', 'good.md', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('outreach-lint: export.csv: has no body column (columns: title, notes); name it with --csv-body <column>\n');
  });
});

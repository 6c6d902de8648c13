import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';

const BIN = resolve('bin/outreach-lint.js');
const TEMPLATES = resolve('test/fixtures/review');
const MARKDOWN = ['intro-a.md', 'intro-b.md', 'intro-c.md', 'researched.md', 'webinar.md'];

const EMPTY = 'templates/empty.md: is empty; write the email in it, or leave the file out';
const BINARY = 'templates/logo.txt: is a binary file, not text; lint the email as .txt, .md, .eml, .html or .json, or add the file to .outreachlintignore';
const NOT_A_DRAFT =
  'templates/renovate.json: has no "body" or "html", so it is JSON but not a draft: expected an object with a "body" (or "text", "email_body", "html", …) field, or an array of them; add the email text as "body", or leave the file out if it is no draft (a config file, say)';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'olreview-'));
  cpSync(TEMPLATES, join(cwd, 'templates'), { recursive: true, filter: (src) => !src.endsWith('.csv') });
});

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1', XDG_CACHE_HOME: join(cwd, '.cache') };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, 'review', ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Three files that cannot be reviewed, beside the five good templates. */
function addBadFiles() {
  writeFileSync(join(cwd, 'templates/empty.md'), '');
  writeFileSync(join(cwd, 'templates/logo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
  writeFileSync(join(cwd, 'templates/renovate.json'), '{"extends": ["config:base"]}\n');
}

const names = (json: string) => (JSON.parse(json) as { items: Array<{ name: string }> }).items.map((i) => i.name).sort();

describe('review lists the files it could not read', () => {
  it('in the terminal table, under "Could not be read", and exits 2', () => {
    addBadFiles();
    const r = run(['templates']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([`outreach-lint: ${EMPTY}`, `outreach-lint: ${BINARY}`, `outreach-lint: ${NOT_A_DRAFT}`, '']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('5 templates, 3 distinct emails');
    const at = lines.indexOf('Could not be read: 3 files');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at - 1, at + 5)).toEqual(['', 'Could not be read: 3 files', `  ${EMPTY}`, `  ${BINARY}`, `  ${NOT_A_DRAFT}`, '']);
  });

  it('in --format json, as failed: [{ file, error }] with the count in the summary', () => {
    addBadFiles();
    const r = run(['templates', '--format', 'json']);
    expect(r.code).toBe(2);
    const data = JSON.parse(r.stdout);
    expect(data.summary).toMatchObject({ templates: 5, failed: 3 });
    expect(data.failed).toEqual([
      { file: 'templates/empty.md', error: EMPTY },
      { file: 'templates/logo.txt', error: BINARY },
      { file: 'templates/renovate.json', error: NOT_A_DRAFT },
    ]);
  });

  it('in --format csv, as rows of verdict "unreadable" with the error in top_message', () => {
    addBadFiles();
    const r = run(['templates', '--format', 'csv']);
    expect(r.code).toBe(2);
    const rows = parseCsv(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(8);
    expect(rows.slice(5)).toEqual(
      [
        ['templates/empty.md', EMPTY],
        ['templates/logo.txt', BINARY],
        ['templates/renovate.json', NOT_A_DRAFT],
      ].map(([name, error]) => ({
        name,
        verdict: 'unreadable',
        score: '',
        cluster: '',
        nearest_corpus_message: '',
        similarity: '',
        errors: '',
        warnings: '',
        top_rule: '',
        top_message: error,
        owner: '',
        step: '',
        sent: '',
        replied: '',
        reply_rate: '',
      })),
    );
  });

  it('in the HTML report, in a "Could not be read" section', () => {
    addBadFiles();
    const r = run(['templates', '--report', 'review.html', '--format', 'json']);
    expect(r.code).toBe(2);
    const html = readFileSync(join(cwd, 'review.html'), 'utf8');
    expect(html).toContain('<p>5 templates, 3 distinct emails, 3 could not be read.');
    const section = /<section aria-labelledby="h-failed"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1];
    expect(section?.split('\n')).toEqual([
      '',
      '<h2 id="h-failed">Could not be read</h2>',
      '<p>3 files were left out of this review:</p>',
      `<ul>${[EMPTY, BINARY, NOT_A_DRAFT].map((e) => `<li>${e.replace(/"/g, '&quot;')}</li>`).join('')}</ul>`,
      '',
    ]);
  });

  it('shows no such section, and exits 0, when every file was read', () => {
    const r = run(['templates', '--report', 'review.html']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Could not be read');
    expect(readFileSync(join(cwd, 'review.html'), 'utf8')).not.toContain('h-failed');
  });
});

describe('review never reviews its own report', () => {
  it('a report written into the folder under review is not a template on the next run', () => {
    const first = run(['templates', '--report', 'templates/review.html', '--format', 'json']);
    expect(first.code).toBe(0);
    expect(readFileSync(join(cwd, 'templates/review.html'), 'utf8')).toContain('<meta name="generator" content="outreach-lint">');
    const second = run(['templates', '--report', 'templates/review.html', '--format', 'json']);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('outreach-lint: wrote the report to templates/review.html\n');
    expect(names(second.stdout)).toEqual(MARKDOWN.map((f) => `templates/${f}`));
  });

  it('an older report found by a folder or a glob is skipped, whatever its name', () => {
    expect(run(['templates', '--report', 'first.html']).code).toBe(0);
    copyFileSync(join(cwd, 'first.html'), join(cwd, 'templates/last-week.html'));
    for (const arg of ['templates', 'templates/*']) {
      const r = run([arg, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(names(r.stdout)).toEqual(MARKDOWN.map((f) => `templates/${f}`));
    }
  });

  it('the --report file is left out even when it is named as an input, and says so', () => {
    writeFileSync(
      join(cwd, 'templates/out.html'),
      '<html><title>Quick question</title><body><p>Hi {{first_name}}, who owns returns at {{company}}?</p></body></html>',
    );
    const r = run(['templates', 'templates/out.html', '--report', 'templates/out.html', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'outreach-lint: templates/out.html: skipped, it is the --report file this run writes\noutreach-lint: wrote the report to templates/out.html\n',
    );
    expect(names(r.stdout)).toEqual(MARKDOWN.map((f) => `templates/${f}`));
  });
});

describe('review --max-file-size', () => {
  beforeEach(() => {
    writeFileSync(join(cwd, 'templates/long.txt'), `Subject: A long one\n\n${'Hi {{first_name}}, a word about returns at {{company}}. '.repeat(60)}\n`);
  });

  it('sets the largest file read, and the error for a larger one names it', () => {
    const r = run(['templates', '--max-file-size', '2KB', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'outreach-lint: templates/long.txt: is 3.3 KB, over the 2 KB limit for one draft; split it, or raise the limit with --max-file-size\n',
    );
    expect(JSON.parse(r.stdout).failed).toEqual([
      {
        file: 'templates/long.txt',
        error: 'templates/long.txt: is 3.3 KB, over the 2 KB limit for one draft; split it, or raise the limit with --max-file-size',
      },
    ]);
  });

  it('takes sizes as lint does, e.g. 5MB', () => {
    const r = run(['templates', '--max-file-size', '5MB', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(names(r.stdout)).toContain('templates/long.txt');
  });

  it('refuses a size it cannot read with the same line as lint', () => {
    const r = run(['templates', '--max-file-size', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('outreach-lint: --max-file-size lots: is not a size; write e.g. 2MB, 512KB or a number of bytes\n');
    const lint = spawnSync(process.execPath, [BIN, 'templates', '--max-file-size', 'lots', '--no-interactive'], { cwd, encoding: 'utf8' });
    expect(lint.stderr).toBe(r.stderr);
  });
});

/** Forty variants of the review fixtures: enough files for two worker threads to share. */
function addVariants() {
  const texts = MARKDOWN.map((f) => readFileSync(join(TEMPLATES, f), 'utf8'));
  for (let i = 0; i < 40; i++) {
    const text = texts[i % texts.length]!.replace(/\bteam\b/, i % 2 ? 'group' : 'crew').replace(/\n$/, `\nPS: variant ${i}.\n`);
    writeFileSync(join(cwd, `templates/variant-${String(i).padStart(2, '0')}.md`), text);
  }
}

describe('review on worker threads (--jobs)', () => {
  it('prints the same bytes in every format as one thread, and reports the same bad files', () => {
    addVariants();
    addBadFiles();
    // The table is read from the same records as CSV, so two formats cover the three.
    for (const format of ['json', 'csv']) {
      const one = run(['templates', '--format', format, '--jobs', '1']);
      const two = run(['templates', '--format', format, '--jobs', '2']);
      expect(two.code).toBe(2);
      expect(one.code).toBe(2);
      expect(two.stdout).toBe(one.stdout);
      // Workers finish files in their own order; the lines are the same.
      expect(two.stderr.split('\n').sort()).toEqual(one.stderr.split('\n').sort());
      expect(two.stderr.split('\n').filter(Boolean)).toHaveLength(3);
      if (format === 'json') {
        const data = JSON.parse(two.stdout);
        expect(data.summary.templates).toBe(45);
        expect(data.failed.map((f: { file: string }) => f.file)).toEqual(['templates/empty.md', 'templates/logo.txt', 'templates/renovate.json']);
        expect(data.clusters.length).toBeGreaterThan(0);
      }
    }
  });

  it('refuses a number of threads it cannot use, in one line', () => {
    for (const jobs of ['0', 'two', '1.5']) {
      const r = run(['templates', '--jobs', jobs]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`outreach-lint: --jobs ${jobs}: is not a number of threads; write a whole number of 1 or more, e.g. --jobs 2\n`);
    }
  });

  it('shows a progress bar with files done, a rate and the time left at a terminal', async () => {
    addVariants();
    for (let i = 0; i < 20; i++) copyFileSync(join(cwd, `templates/variant-${String(i).padStart(2, '0')}.md`), join(cwd, `templates/copy-${i}.md`));
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: join(cwd, '.cache') };
    delete env.CI;
    const { runInPty } = await import('./pty.js');
    const r = await runInPty(`${process.execPath} ${BIN} review templates --jobs 2`, cwd, [], env, 60_000);
    expect(r.code).toBe(0);
    expect(r.screen).toMatch(/reviewing \[[^\]]+\] \d+\/65 files \| \d+ drafts\/s \| ETA \d+s/);
    expect(r.screen).toContain('65 templates');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const [hook] = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Array<{ id: string; files: string; exclude: string }>;

// Paths as pre-commit passes them: relative to the repository root, with forward slashes.
const DRAFTS = [
  'templates/intro.md',
  'intro.md',
  'drafts/acme/ana.txt',
  'sequences/step-1.eml',
  'templates/webinar.html',
  'templates/webinar.htm',
  'notes/draft.markdown',
  'drafts/acme.json',
  'exports/sequence-drafts.json',
  'drafts/configured-offer.json',
  'drafts/locksmith.json',
];
const NOT_DRAFTS = [
  '.outreachlintrc.json',
  'templates/.outreachlintrc.json',
  '.eslintrc.json',
  '.prettierrc.json',
  '.vscode/settings.json',
  '.github/pull_request_template.md',
  'renovate.json',
  'package.json',
  'package-lock.json',
  'packages/site/package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'jsconfig.json',
  'outreach-lint.config.json',
  'app.config.json',
  'web/next-config.json',
  'config.json',
  'composer.json',
  'lerna.json',
  'turbo.json',
  'nx.json',
  'vercel.json',
  'firebase.json',
  'deno.json',
  'biome.json',
  'cspell.json',
  'schemas/draft.schema.json',
  'yarn-lock.json',
  'node_modules/some-package/README.md',
  'templates/acme.signal.yml',
  'src/index.ts',
  'templates/export.csv',
];

/** What pre-commit does with the two patterns: search `files`, then drop what `exclude` finds. */
function hookTakes(path: string, files = hook!.files, exclude = hook!.exclude): boolean {
  return new RegExp(files).test(path) && !new RegExp(exclude).test(path);
}

describe('the pre-commit hook', () => {
  it('is the outreach-lint hook', () => {
    expect(hook!.id).toBe('outreach-lint');
  });

  it('takes drafts in every format outreach-lint reads', () => {
    expect(DRAFTS.filter((p) => !hookTakes(p))).toEqual([]);
  });

  it('leaves config and other non-draft files alone', () => {
    expect(NOT_DRAFTS.filter((p) => hookTakes(p))).toEqual([]);
  });

  // pre-commit compiles the patterns with Python's re; the check above holds only while both read them alike.
  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('gives the same answers with Python regular expressions, as pre-commit reads them', () => {
    const script = 'import json,re,sys\nf,x,paths=json.load(sys.stdin)\nprint(json.dumps([bool(re.search(f,p)) and not re.search(x,p) for p in paths]))';
    const paths = [...DRAFTS, ...NOT_DRAFTS];
    const r = spawnSync('python3', ['-c', script], { input: JSON.stringify([hook!.files, hook!.exclude, paths]), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(paths.map((p) => hookTakes(p)));
  });
});

describe('a JSON file that is not a draft', () => {
  const BIN = resolve('bin/outreach-lint.js');
  const lint = (name: string, text: string) => {
    const cwd = mkdtempSync(join(tmpdir(), 'olhook-'));
    writeFileSync(join(cwd, name), text);
    return spawnSync(process.execPath, [BIN, name, '--no-interactive'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });
  };
  const EXPECTED =
    'is JSON but not a draft: expected an object with a "body" (or "text", "email_body", "html", …) field, or an array of them; add the email text as "body", or leave the file out if it is no draft (a config file, say)';

  it('gets one line that says what a draft looks like, and exit 2', () => {
    const r = lint('settings.json', '{"extends": ["config:base"], "schedule": ["weekly"]}\n');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`outreach-lint: settings.json: has no "body" or "html", so it ${EXPECTED}\n`);
  });

  it('the same when the JSON is not even an object', () => {
    const r = lint('list.json', '"just a string"\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`outreach-lint: list.json: ${EXPECTED}\n`);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createParseEnv } from '../../src/parse/parse-env.js';

const env = createParseEnv();

function teamCorpus() {
  const root = mkdtempSync(join(tmpdir(), 'olcorpus-'));
  const corpus = join(root, 'received');
  mkdirSync(corpus);
  writeFileSync(
    join(corpus, 'a.md'),
    'Subject: Quick question\n\nHi {{first_name}},\n\nWho owns vendor onboarding at {{company}}? We shorten supplier setup from weeks to days.\n',
  );
  writeFileSync(
    join(corpus, 'b.txt'),
    'Subject: Partnership idea\n\nHello,\n\nOur agency builds co-marketing programs for SaaS teams and we would love to explore a partnership.\n',
  );
  writeFileSync(join(corpus, 'README.md'), '# not a message\n');
  return { root, corpus, cache: join(root, 'cache') };
}

describe('user corpora and the index cache', () => {
  it('builds once, then loads from cache until a file changes', async () => {
    const { corpus, cache } = teamCorpus();
    const opts = { paths: [corpus], useDefault: false, cacheDir: cache };
    const first = await loadCorpus(env, opts);
    expect(first!.source).toBe('built');
    expect(first!.index.n).toBe(2);
    expect(first!.index.messages.map((m) => m.archetype)).toEqual(['received', 'received']);
    expect((await loadCorpus(env, opts))!.source).toBe('cache');

    writeFileSync(join(corpus, 'b.txt'), 'Subject: Partnership idea\n\nHello,\n\nWe run reseller programs for payroll software in Ohio.\n');
    const changed = await loadCorpus(env, opts);
    expect(changed!.source).toBe('built');
    expect(changed!.index.header.hash).not.toBe(first!.index.header.hash);
    expect(readdirSync(cache).length).toBe(2);
  });

  it('recovers from a corrupted cache file by rebuilding it', async () => {
    const { corpus, cache } = teamCorpus();
    const opts = { paths: [corpus], useDefault: false, cacheDir: cache };
    const built = await loadCorpus(env, opts);
    const file = built!.cacheFile!;
    const bytes = readFileSync(file);
    bytes[bytes.length - 5]! ^= 0xff;
    writeFileSync(file, bytes);
    const again = await loadCorpus(env, opts);
    expect(again!.source).toBe('built');
    expect(again!.index.n).toBe(2);
    expect((await loadCorpus(env, opts))!.source).toBe('cache');
    writeFileSync(file, 'garbage');
    expect((await loadCorpus(env, opts))!.source).toBe('built');
  });

  it('imports CSV exports, detecting the subject and body columns', async () => {
    const { root, cache } = teamCorpus();
    const csv = join(root, 'sequences.csv');
    writeFileSync(
      csv,
      'Step Name,Email Subject,Email Body\nintro,Quick question,"Hi {{first_name}},\nWho handles payroll at {{company}}?"\nbump,Re: Quick question,"Just floating this back up, {{first_name}}."\n',
    );
    const loaded = await loadCorpus(env, { paths: [csv], useDefault: false, cacheDir: cache });
    expect(loaded!.index.messages.map((m) => m.id)).toEqual([`${csv}:2`, `${csv}:4`].map((p) => p.replace(`${process.cwd()}/`, '')));
    expect(loaded!.index.nearest('who handles payroll at slotcompany', 1)[0]!.doc).toBe(0);
  });

  it('takes named CSV columns, and says which columns exist when one is missing', async () => {
    const { root, cache } = teamCorpus();
    const csv = join(root, 'export.csv');
    writeFileSync(csv, 'title,copy_v2\nA,Hello there friend we sell widgets to every team.\n');
    await expect(loadCorpus(env, { paths: [csv], useDefault: false, cacheDir: cache })).rejects.toThrow(
      /export\.csv: has no body column \(columns: title, copy_v2\); name it with --csv-body <column>/,
    );
    const loaded = await loadCorpus(env, { paths: [csv], useDefault: false, cacheDir: cache, parse: { csv: { body: 'copy_v2' } } });
    expect(loaded!.index.n).toBe(1);
  });

  it('refuses an empty corpus folder with one line', async () => {
    const { root, cache } = teamCorpus();
    const empty = join(root, 'empty');
    mkdirSync(empty);
    await expect(loadCorpus(env, { paths: [empty], useDefault: false, cacheDir: cache })).rejects.toThrow(InputError);
    await expect(loadCorpus(env, { paths: [empty], useDefault: false, cacheDir: cache })).rejects.toThrow(
      'holds no .txt, .md, .eml, .html, .json or .csv messages',
    );
  });

  it('adds a user corpus to the shipped one', async () => {
    const { corpus, cache } = teamCorpus();
    const both = await loadCorpus(env, { paths: [corpus], useDefault: true, cacheDir: cache });
    expect(both!.index.n).toBe(970);
    const shippedOnly = await loadCorpus(env, { paths: [], useDefault: true, cacheDir: cache });
    expect(shippedOnly!.source).toBe('prebuilt');
  });
});

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverConfig, loadConfigFile } from '../../src/config/discover.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { validateConfig } from '../../src/config/schema.js';
import { allRules } from '../../src/rules/index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'olcfg-'));

describe('config discovery', () => {
  it('finds the nearest config upward from the working folder', async () => {
    const root = tmp();
    writeFileSync(join(root, '.outreachlintrc.yml'), 'rules:\n  unresolved-placeholder: warn\nmode: template\n');
    const deep = join(root, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    const found = await discoverConfig(deep);
    expect(found.filepath).toBe(join(root, '.outreachlintrc.yml'));
    expect(found.config).toEqual({ rules: { 'unresolved-placeholder': 'warn' }, mode: 'template' });
  });

  it('reads the "outreach-lint" key of package.json', async () => {
    const root = tmp();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', 'outreach-lint': { ignores: ['old/**'] } }));
    expect((await discoverConfig(root)).config).toEqual({ ignores: ['old/**'] });
  });

  it('prefers outreach-lint.config.json over rc files in the same folder', async () => {
    const root = tmp();
    writeFileSync(join(root, 'outreach-lint.config.json'), '{"mode": "draft"}');
    writeFileSync(join(root, '.outreachlintrc.yml'), 'mode: template\n');
    expect((await discoverConfig(root)).config.mode).toBe('draft');
  });

  it('names the file and line of a YAML syntax error', async () => {
    const root = tmp();
    writeFileSync(join(root, '.outreachlintrc.yaml'), 'rules:\n  a: [b\n');
    await expect(discoverConfig(root)).rejects.toThrow(/\.outreachlintrc\.yaml:\d+: is not valid YAML/);
  });

  it('loads the file given by --config', () => {
    const root = tmp();
    const path = join(root, 'team.json');
    writeFileSync(path, '{"rules": {"unresolved-placeholder": "off"}}');
    expect(loadConfigFile(path).config.rules).toEqual({ 'unresolved-placeholder': 'off' });
    expect(() => loadConfigFile(join(root, 'nope.json'))).toThrow('nope.json: config file not found; check the --config path');
  });
});

describe('config validation', () => {
  it.each([
    [{ mode: 'drafts' }, 'f.yml: "mode" must be auto, draft or template, not "drafts"; fix the value or remove the key'],
    [{ rules: ['x'] }, 'f.yml: "rules" must be a mapping of rule ids to levels'],
    [{ corpus: 5 }, 'f.yml: "corpus" must be a list of paths'],
    [{ defaultCorpus: 'no' }, 'f.yml: "defaultCorpus" must be true or false, not "no"'],
    [{ maxFileSize: 'big' }, 'f.yml: "maxFileSize" must be a size such as 2MB'],
    [{ colour: true }, 'f.yml: unknown key "colour"; use one of: rules, corpus, defaultCorpus, ignores, mode, maxFileSize'],
  ])('%j is refused with a line naming the key', (raw, message) => {
    expect(() => validateConfig('f.yml', raw)).toThrow(message);
  });

  it('accepts sizes with units', () => {
    expect(validateConfig('f', { maxFileSize: '2MB' }).maxFileSize).toBe(2 * 1024 * 1024);
  });

  it('refuses unknown rules, bad levels and bad --rule flags', () => {
    expect(() => resolveConfig({ rules: { 'no-such-rule': 'warn' } }, 'f.yml', '/', {}, allRules)).toThrow(
      'f.yml: "rules.no-such-rule" names no rule "no-such-rule"; known rules: ',
    );
    expect(() => resolveConfig({ rules: { 'unresolved-placeholder': 'loud' as never } }, 'f.yml', '/', {}, allRules)).toThrow(
      'f.yml: "rules.unresolved-placeholder" is "loud"; use off, info, warn or error',
    );
    expect(() => resolveConfig({}, undefined, '/', { rules: ['unresolved-placeholder'] }, allRules)).toThrow(
      '--rule unresolved-placeholder: is not of the form id:severity',
    );
    expect(() => resolveConfig({ rules: { 'unresolved-placeholder': ['warn', { depth: 2 }] } }, 'f.yml', '/', {}, allRules)).toThrow(
      'f.yml: "rules.unresolved-placeholder.depth" is not an option of unresolved-placeholder; unresolved-placeholder takes no options',
    );
  });

  it('lets flags win over the file, and the file over defaults', () => {
    const config = resolveConfig(
      { rules: { 'unresolved-placeholder': 1 }, mode: 'draft', corpus: ['team'] },
      '/proj/.outreachlintrc.yml',
      '/proj',
      { mode: 'template' },
      allRules,
    );
    expect(config.rules['unresolved-placeholder']!.severity).toBe('warning');
    expect(config.mode).toBe('template');
    expect(config.corpus).toEqual(['/proj/team']);
    const flagged = resolveConfig({ rules: { 'unresolved-placeholder': 'warn' } }, undefined, '/', { rules: ['unresolved-placeholder:off'] }, allRules);
    expect(flagged.rules['unresolved-placeholder']!.severity).toBe('off');
  });
});

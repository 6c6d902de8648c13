import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlFile } from '../../src/fs/read-yaml-file.js';

const dir = mkdtempSync(join(tmpdir(), 'read-yaml-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readYamlFile', () => {
  it('reads a YAML file a person wrote', () => {
    expect(readYamlFile(file('ok.yml', 'phrases:\n  - id: a\n'), 'fix it')).toEqual({ phrases: [{ id: 'a' }] });
  });

  it('says in one line that a file is not YAML, naming it, with the fix the caller gives', () => {
    const path = file('bad.yml', 'phrases: [a, b\n');
    expect(() => readYamlFile(path, 'fix the file or remove it from ruleData')).toThrow(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is not valid YAML \\([^\\n]+\\); fix the file or remove it from ruleData$`),
    );
  });

  it('says a missing file is missing, not that it is bad YAML', () => {
    expect(() => readYamlFile(join(dir, 'nope.yml'), 'fix it')).toThrow(/nope\.yml: no such file or folder; check the path/);
  });

  it('caps alias expansion in what a person wrote; a caller with trusted data brings its own parser', () => {
    const bomb = file('bomb.yml', `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: [${'*b, '.repeat(9)}*b]\n`);
    expect(() => readYamlFile(bomb, 'fix it')).toThrow(/bomb\.yml: is not valid YAML \(.*alias/i);
    expect(readYamlFile(bomb, 'fix it', (text) => text.split('\n').length)).toBe(4);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUserRuleData } from '../../src/fs/user-rule-data.js';
import type { RuleMeta } from '../../src/kernel/rule.js';
import { stockPhrase } from '../../src/rules/stock-phrase.js';
import { vaguePersonalization } from '../../src/rules/vague-personalization.js';

const PHRASE = '  - id: synergize\n    match: [circle the wagons]\n    why: Nobody knows what it means.\n    instead: Say what you will do.\n';

function load(text: string, rule: { meta: RuleMeta } = stockPhrase) {
  const path = join(mkdtempSync(join(tmpdir(), 'olteam-')), 'team.yml');
  writeFileSync(path, text);
  try {
    return loadUserRuleData(rule.meta.id, rule.meta.extensible!, path);
  } catch (e) {
    return (e as Error).message.replace(path, 'team.yml');
  }
}

describe("a team's rule data, checked against the rule's schema", () => {
  it('takes entries in the shape of the shipped list, a category being optional', () => {
    expect(load(`phrases:\n${PHRASE}`)).toEqual({
      phrases: [{ id: 'synergize', match: ['circle the wagons'], why: 'Nobody knows what it means.', instead: 'Say what you will do.' }],
    });
  });

  it('names the file and the key at fault in one line, with the fix', () => {
    expect(load(`phrases:\n${PHRASE.replace('    why: Nobody knows what it means.\n', '')}`)).toBe('team.yml: phrases[0]: has no "why"; add why');
    expect(load(`phrases:\n${PHRASE.replace('[circle the wagons]', '[7]')}`)).toBe(
      'team.yml: phrases[0].match[0]: must be a string; write it as text, in quotes if it holds a colon',
    );
    expect(load(`phrases:\n${PHRASE.replace('id: synergize', 'id: Synergize Now')}`)).toBe(
      'team.yml: phrases[0].id: does not have the form ^[a-z0-9][a-z0-9-]*$; rename it to that form',
    );
    expect(load(`phrases:\n${PHRASE}    instaed: Say it.\n`)).toBe('team.yml: phrases[0]: has the unknown key "instaed"; did you mean instead?');
    expect(load(`phrase:\n${PHRASE}`)).toBe('team.yml: has the unknown key "phrase"; did you mean phrases?');
    // A misspelt key that stands in for a required one is reported as the typo it is.
    expect(load(`phrases:\n${PHRASE.replace('    instead:', '    instaed:')}`)).toBe(
      'team.yml: phrases[0]: has the unknown key "instaed"; did you mean instead?',
    );
    expect(load(`phrases:\n  - id: x\n    match: ["${'word '.repeat(41)}"]\n    why: a\n    instead: b\n`)).toBe(
      'team.yml: phrases[0].match[0]: is longer than 200 characters; write it as plain words',
    );
  });

  it("checks vague-personalization's patterns by its own schema: then and within go together", () => {
    const pattern = '  - id: loved-post\n    first: [loved your post]\n    then: [about]\n    why: Which post?\n    instead: Name it.\n';
    expect(load(`patterns:\n${pattern}`, vaguePersonalization)).toBe(
      'team.yml: patterns[0]: must have property within when property then is present; write "patterns:" with entries like those of the shipped rules/vague-personalization.yml',
    );
  });

  it("refuses an id used twice (the schemas' uniqueIds keyword)", () => {
    expect(load(`phrases:\n${PHRASE}${PHRASE}`)).toBe('team.yml: phrases[1]: has the id "synergize" of an earlier entry; give each entry its own id');
  });
});

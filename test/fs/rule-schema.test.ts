import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkRuleData, requiredFields } from '../../src/fs/rule-schema.js';

const shipped = (name: string) => parse(readFileSync(`rules/${name}.yml`, 'utf8'));
const error = (name: string, data: unknown) => {
  try {
    checkRuleData(`rules/${name}.yml`, name, data);
    return 'valid';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('the schemas of the rule data files (rules/schema)', () => {
  it('exist for every data file, and every shipped file passes its own', () => {
    const files = readdirSync('rules').filter((f) => f.endsWith('.yml'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(error(f.replace(/\.yml$/, ''), shipped(f.replace(/\.yml$/, '')))).toBe('valid');
  });

  it('catch a move example YAML read as a mapping (an unquoted colon), naming the key', () => {
    const data = shipped('corpus-similarity');
    data.moves.list[2].examples[8] = { 'Quick intro': 'I run a small studio.' };
    expect(error('corpus-similarity', data)).toBe(
      'rules/corpus-similarity.yml: moves.list[2].examples[8]: must be a string; write it as text, in quotes if it holds a colon',
    );
  });

  it('catch a misspelt key, a missing list, an unknown signal kind and an example flagging nothing', () => {
    const regions = shipped('regions');
    regions.signofs = regions.signoffs;
    delete regions.signoffs;
    expect(error('regions', regions)).toBe('rules/regions.yml: has the unknown key "signofs"; did you mean signoffs?');
    const signals = { ...shipped('signals'), recencey: ['lately'] };
    expect(error('signals', signals)).toBe('rules/signals.yml: has the unknown key "recencey"; did you mean recency?');
    const placeholders = shipped('placeholders');
    placeholders.syntaxes[0].kind = 'profil';
    expect(error('placeholders', placeholders)).toBe(
      'rules/placeholders.yml: syntaxes[0].kind: is not one of "profile", "sender", "research", "logic", "spintax", "missing-token"; use one of them',
    );
    const missing = shipped('missing-signal');
    delete missing.examples.flag[0].findings;
    expect(error('missing-signal', missing)).toBe('rules/missing-signal.yml: examples.flag[0]: has no "findings"; add findings');
  });

  it("catch an id used twice in a list teams may extend, in the shipped file as in a team's", () => {
    const data = shipped('stock-phrase');
    data.phrases[5].id = data.phrases[2].id;
    expect(error('stock-phrase', data)).toBe(
      `rules/stock-phrase.yml: phrases[5]: has the id "${data.phrases[2].id}" of an earlier entry; give each entry its own id`,
    );
  });

  it('check a rule with no schema of its own as examples only, and say what to write when it has data', () => {
    expect(error('missing-signal', { ...shipped('missing-signal'), cues: ['saw'] })).toBe(
      'rules/missing-signal.yml: has the unknown key "cues"; give the rule\'s data a schema, rules/schema/missing-signal.schema.json',
    );
  });

  it("give the docs an extensible list's required fields", () => {
    expect(requiredFields('stock-phrase', 'phrases')).toEqual(['id', 'match', 'why', 'instead']);
    expect(requiredFields('vague-personalization', 'patterns')).toEqual(['id', 'first', 'why', 'instead']);
  });
});

import { describe, expect, it } from 'vitest';
import { checkEntries } from '../../src/fs/user-rule-data.js';
import { stockPhrase } from '../../src/rules/stock-phrase.js';

const shape = stockPhrase.meta.extensible!;
const entry = (id: string) => ({ id, category: 'filler', match: ['circle the wagons'], why: 'Nobody knows what it means.', instead: 'Say what you will do.' });

describe("checkEntries, which the build runs on the shipped lists and the linter on a team's", () => {
  it('takes a list in the shape the rule reads', () => {
    expect(checkEntries('team.yml', 'stock-phrase', shape, { phrases: [entry('a'), entry('b')] })).toHaveLength(2);
  });
  it('refuses an id used twice, naming the entry', () => {
    expect(() => checkEntries('team.yml', 'stock-phrase', shape, { phrases: [entry('a'), entry('a')] })).toThrow(
      'team.yml: phrases[1]: has the id "a" of an earlier entry; give each entry its own id',
    );
  });
  it('refuses a missing field and a phrase that is not a string', () => {
    const { why: _why, ...noWhy } = entry('a');
    expect(() => checkEntries('team.yml', 'stock-phrase', shape, { phrases: [noWhy] })).toThrow('team.yml: phrases[0]: has no "why"; add why');
    expect(() => checkEntries('team.yml', 'stock-phrase', shape, { phrases: [{ ...entry('a'), match: [7] }] })).toThrow(
      '"match" must be a list of phrases of at most 200 characters',
    );
  });
});

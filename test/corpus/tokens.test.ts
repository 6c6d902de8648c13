import { describe, expect, it } from 'vitest';
import { wordTokens } from '../../src/corpus/tokens.js';

describe('word tokens', () => {
  it('keeps numbers with thousands commas, possessives and dotted names whole, and splits words a comma runs together', () => {
    expect(wordTokens("Hi Vanessa,Thank you for 72,000 rows on Acme's fly.io app").map((t) => t.text)).toEqual([
      'hi',
      'vanessa',
      'thank',
      'you',
      'for',
      '72,000',
      'rows',
      'on',
      "acme's",
      'fly.io',
      'app',
    ]);
  });
});

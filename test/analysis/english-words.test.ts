import { describe, expect, it } from 'vitest';
import { isEnglishLike, isEnglishWord } from '../../src/analysis/english-words.js';

describe('English words', () => {
  it('knows English words and inflections, and not the names of tools', () => {
    expect(['starred', 'browsing', 'nationalist', 'workflows'].map(isEnglishWord)).toEqual([true, true, true, true]);
    expect(['shadcn', 'doltgresql', 'graphql', 'adhdev', 'posthog'].map(isEnglishWord)).toEqual([false, false, false, false, false]);
  });

  it('takes a long word one edit from English, or two English words run together, for English', () => {
    expect(['developper', 'knowldge', 'rulebook', 'infographic'].map(isEnglishLike)).toEqual([true, true, true, true]);
    // A short word one edit from English is as likely a name.
    expect(['dask', 'rica', 'shadcn', 'doltgresql', 'socketioxide'].map(isEnglishLike)).toEqual([false, false, false, false, false]);
  });
});

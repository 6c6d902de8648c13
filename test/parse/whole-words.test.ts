import { describe, expect, it } from 'vitest';
import { findWholeWords, hasWholeWord } from '../../src/parse/whole-words.js';

const spans = (text: string, values: string[]) => findWholeWords(text, values).map((h) => text.slice(h.start, h.end));

describe('findWholeWords', () => {
  it('finds values as whole words, ignoring case', () => {
    expect(spans('Saw that ACME is hiring; Acmeco is not, nor is acme2.', ['acme'])).toEqual(['ACME']);
    expect(hasWholeWord('Congrats to the Lattice Freight team', 'lattice freight')).toBe(true);
    expect(hasWholeWord('Latticework is not a name', 'lattice')).toBe(false);
  });

  it('prefers the longest value at a place and never overlaps', () => {
    const text = 'Lattice Freight and Lattice both, and Freight alone.';
    expect(findWholeWords(text, ['lattice', 'freight', 'lattice freight'])).toEqual([
      { start: 0, end: 15, value: 'lattice freight' },
      { start: 20, end: 27, value: 'lattice' },
      { start: 38, end: 45, value: 'freight' },
    ]);
  });

  it('takes letters of any script, and characters outside the BMP, as word characters', () => {
    expect(spans('Grüße an Müller, not Müllerei', ['müller'])).toEqual(['Müller']);
    expect(spans('𝒜acme and acme', ['acme'])).toEqual(['acme']);
    expect(spans('values like "Acme, Inc." stay literal: Acme, Inc.', ['acme, inc.'])).toEqual(['Acme, Inc.', 'Acme, Inc.']);
  });

  it('keeps offsets into the original text when lowercasing changes its length', () => {
    const text = 'İstanbul office of Acme';
    const [hit] = findWholeWords(text, ['acme']);
    expect(text.slice(hit!.start, hit!.end)).toBe('Acme');
  });
});

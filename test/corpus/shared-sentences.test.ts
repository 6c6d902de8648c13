import { describe, expect, it } from 'vitest';
import { dice } from '../../src/corpus/dice.js';
import { NEAR_VERBATIM, STOCK_MIN_WORDS } from '../../src/corpus/sentence-hits.js';
import { sharedSentences } from '../../src/corpus/shared-sentences.js';
import { skeletonOf } from '../../src/corpus/skeleton.js';
import { createParseEnv } from '../../src/parse/parse-env.js';
import { parseTextDraft } from '../../src/parse/text-draft.js';

const env = createParseEnv();
const draft = (text: string) => parseTextDraft('draft.md', text, 'markdown', env);
const OPTS = { minWords: STOCK_MIN_WORDS, similarity: NEAR_VERBATIM };

const MESSAGE = draft(
  'Hi {{first_name}},\n\nWe have helped a bunch of businesses like yours double their organic traffic. ' +
    'I would be happy to put together a free audit for {{company}}, no strings attached.\n\nWant me to go ahead?\n\nCheers,\nSam\n',
);

function pairs(text: string) {
  const d = draft(text);
  return sharedSentences(skeletonOf(d), skeletonOf(MESSAGE), OPTS, dice).map((s) => ({
    draft: d.body.text.slice(s.draft.start, s.draft.end),
    message: MESSAGE.body.text.slice(s.message.start, s.message.end),
    similarity: Math.round(s.similarity * 100) / 100,
  }));
}

describe('sentences a draft shares with one corpus message', () => {
  it('pairs a verbatim copy, a near copy and a rendered merge field, and leaves an own sentence out', () => {
    const text =
      '---\nprospect:\n  company: Acme Dental\n---\nHi Ana,\n\nYour Denver clinic opened its second chair in March, and the waiting list is online. ' +
      'We have helped a bunch of businesses like yours double their organic traffic. ' +
      'I would be happy to put together a free audit for Acme Dental, no strings attached!\n';
    expect(pairs(text)).toEqual([
      {
        draft: 'We have helped a bunch of businesses like yours double their organic traffic.',
        message: 'We have helped a bunch of businesses like yours double their organic traffic.',
        similarity: 1,
      },
      {
        draft: 'I would be happy to put together a free audit for Acme Dental, no strings attached!',
        message: 'I would be happy to put together a free audit for {{company}}, no strings attached.',
        similarity: 1,
      },
    ]);
  });

  it('holds a reworded sentence to the index threshold, and skips sentences shorter than the rule compares', () => {
    expect(pairs('We have helped many businesses like yours double their organic traffic.\n')).toEqual([
      {
        draft: 'We have helped many businesses like yours double their organic traffic.',
        message: 'We have helped a bunch of businesses like yours double their organic traffic.',
        similarity: 0.89,
      },
    ]);
    expect(pairs('We grew traffic for clinics across Colorado last year with local pages.\n')).toEqual([]);
    expect(pairs('Want me to go ahead?\n')).toEqual([]);
  });
});

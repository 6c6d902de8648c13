import { describe, expect, it } from 'vitest';
import { Analysis } from '../../src/analysis/analysis.js';
import type { SignalData } from '../../src/analysis/analyze.js';
import { loadRuleData } from '../../src/fs/rule-data.js';
import { makeLinter } from '../helpers.js';

const TEXT =
  'Hi Ana,\n\nJust bumping this to the top of your inbox in case it got buried.\n\nYour Reno depot switched from paper PODs to tablets on 2 March, per your post.\n';

describe('Analysis, what the rules share of one draft', () => {
  it('works each part out once and hands every rule the same one', async () => {
    const linter = await makeLinter();
    const [r] = await linter.lintText(TEXT, 'draft.md');
    const analysis = new Analysis(r!.draft, linter.services);
    const data = loadRuleData<SignalData>('signals');
    expect(analysis.skeleton).toBe(analysis.skeleton);
    expect(analysis.signals(data)).toBe(analysis.signals(data));
    expect(analysis.signals(data).signals.map((s) => s.type)).toEqual(['tech-stack']);
    const options = { minWords: 6, similarity: 0.85, meaning: 0.88, maxSpecific: 1, meaningWords: 10 };
    const hits = analysis.sentenceHits(options);
    expect(analysis.sentenceHits({ ...options })).toBe(hits);
    expect(hits.map((h) => TEXT.slice(h.unit.start, h.unit.end))).toEqual(['Just bumping this to the top of your inbox in case it got buried.']);
    // A new lint starts from nothing: nothing is kept on the draft between lints.
    expect(new Analysis(r!.draft, linter.services).skeleton).not.toBe(analysis.skeleton);
  });

  it('finds no corpus sentences and no collapse without a corpus', async () => {
    const [r] = await (await makeLinter()).lintText(TEXT, 'draft.md');
    const bare = new Analysis(r!.draft);
    expect(bare.sentenceHits({ minWords: 6, similarity: 0.85, meaning: 0.88, maxSpecific: 1, meaningWords: 10 })).toEqual([]);
    expect(bare.collapse({ sentenceAt: 0.66, maxSpecific: 1 })).toBeUndefined();
  });
});

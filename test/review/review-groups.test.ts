import { describe, expect, it } from 'vitest';
import { reviewGroups } from '../../src/review/review-groups.js';

describe('reviewGroups', () => {
  it('groups drafts by rep (each rep a template was split among) and by step in number order', () => {
    const g = reviewGroups([
      { owners: ['Ben'], step: '10', verdict: 'pass', score: 90 },
      { owners: ['Ana', 'Ben'], step: '2', verdict: 'needs-signal', score: 20 },
      { owners: [], step: '2', verdict: 'block', score: 0 },
      { owners: ['Ana'], step: undefined, verdict: 'revise', score: 70 },
    ]);
    expect(g.byOwner).toEqual({
      Ana: { drafts: 2, verdicts: { block: 0, 'needs-signal': 1, revise: 1, pass: 0 }, medianScore: 45 },
      Ben: { drafts: 2, verdicts: { block: 0, 'needs-signal': 1, revise: 0, pass: 1 }, medianScore: 55 },
    });
    expect(Object.keys(g.byStep)).toEqual(['2', '10']);
    expect(g.byStep['2']).toEqual({ drafts: 2, verdicts: { block: 1, 'needs-signal': 1, revise: 0, pass: 0 }, medianScore: 10 });
  });

  it('is empty when the input names no rep and no step', () => {
    expect(reviewGroups([{ owners: [], step: undefined, verdict: 'pass', score: 90 }])).toEqual({ byOwner: {}, byStep: {} });
  });
});

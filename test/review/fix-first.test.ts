import { describe, expect, it } from 'vitest';
import { fixFirst, type FixFact } from '../../src/review/fix-first.js';

const fact = (name: string, verdict: string, decidedBy: string[], sent?: number): FixFact => ({ name, verdict, decidedBy, sent });

describe('fixFirst', () => {
  it('ranks the changes by the sends they would move out of block and needs-signal, with the templates they touch', () => {
    const facts = [
      fact('a', 'block', ['unresolved-placeholder'], 50),
      fact('b', 'needs-signal', ['missing-signal'], 900),
      fact('c', 'needs-signal', ['missing-signal'], 700),
      fact('d', 'block', ['missing-signal', 'unresolved-placeholder'], 2000),
      fact('e', 'revise', [], 5000),
      fact('f', 'pass', [], 100),
    ];
    expect(fixFirst(facts, true)).toEqual([
      { rules: ['missing-signal', 'unresolved-placeholder'], drafts: 1, sent: 2000, verdicts: { block: 1, 'needs-signal': 0 }, templates: ['d'], more: 0 },
      { rules: ['missing-signal'], drafts: 2, sent: 1600, verdicts: { block: 0, 'needs-signal': 2 }, templates: ['b', 'c'], more: 0 },
      { rules: ['unresolved-placeholder'], drafts: 1, sent: 50, verdicts: { block: 1, 'needs-signal': 0 }, templates: ['a'], more: 0 },
    ]);
  });

  it('ranks by templates without outcomes, shows five and counts the rest, and keeps the top three', () => {
    const facts = [
      ...Array.from({ length: 7 }, (_, i) => fact(`g${i}`, 'needs-signal', ['missing-signal'])),
      fact('s1', 'needs-signal', ['merge-only-personalization']),
      fact('s2', 'needs-signal', ['merge-only-personalization']),
      fact('u', 'block', ['unresolved-placeholder']),
      fact('o', 'block', ['opt-out']),
    ];
    const fixes = fixFirst(facts, false);
    expect(fixes.map((f) => [f.rules.join('+'), f.drafts, f.sent, f.templates.length, f.more])).toEqual([
      ['missing-signal', 7, null, 5, 2],
      ['merge-only-personalization', 2, null, 2, 0],
      ['opt-out', 1, null, 1, 0],
    ]);
  });
});

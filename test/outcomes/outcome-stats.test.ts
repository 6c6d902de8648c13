import { describe, expect, it } from 'vitest';
import { summarizeOutcomes, type OutcomeFact } from '../../src/outcomes/outcome-stats.js';
import { outcomeSayings } from '../../src/outcomes/outcome-words.js';

/** Two generic drafts with a finding of missing-signal and 1% replies, two researched ones with 6%. */
function planted(sent: number): OutcomeFact[] {
  const generic = (owner: string): OutcomeFact => ({
    outcome: { sent, replied: sent / 100 },
    verdict: 'needs-signal',
    score: 10,
    rules: ['missing-signal', 'stock-phrase'],
    owner,
  });
  const researched = (owner: string, step: string): OutcomeFact => ({
    outcome: { sent, replied: (sent * 6) / 100 },
    verdict: 'pass',
    score: 95,
    rules: [],
    owner,
    step,
  });
  return [generic('Ana'), generic('Ben'), researched('Ana', '1'), researched('Ben', '2')];
}

describe('summarizeOutcomes', () => {
  it('finds a planted effect, with the counts and 95% intervals behind it', () => {
    const o = summarizeOutcomes(planted(1200))!;
    expect(o.byRule['missing-signal']).toEqual({
      drafts: 2,
      sent: 2400,
      replied: 24,
      replyRate: 0.01,
      interval: [0.0067, 0.0148],
      dispersion: 1,
      difference: 'lower',
      without: { drafts: 2, sent: 2400, replied: 144, replyRate: 0.06, interval: [0.0512, 0.0702], dispersion: 1 },
    });
    expect(o.byVerdict).toEqual({
      'needs-signal': { drafts: 2, sent: 2400, replied: 24, replyRate: 0.01, interval: [0.0067, 0.0148], dispersion: 1, difference: 'lower' },
      pass: { drafts: 2, sent: 2400, replied: 144, replyRate: 0.06, interval: [0.0512, 0.0702], dispersion: 1, difference: 'higher' },
    });
    expect(Object.keys(o.byScoreBand)).toEqual(['80-100', '0-45']);
    // Two reps who sent the same mix: no difference.
    expect(o.byOwner.Ana!.difference).toBe('no clear difference');
    // Step 1 is one template: 1,200 sends at 6%, whose spread among templates is the review's
    // (88.8 / 3 over the four), against the other 3,600 at 2.7% from templates at 1%, 1% and 6%.
    // Either way the intervals are wide: no difference shows.
    expect(o.byStep['1']!.dispersion).toBe(29.61);
    expect(o.byStep['1']!.difference).toBe('no clear difference');
    // Verdict, score band and rep are two groups each (the second the first turned round); rules and steps are compared one by one.
    expect(o.comparisons).toBe(3 + 2 + 2);
    expect(o.calledOut.map((c) => `${c.family} ${c.key} ${c.difference}`)).toEqual([
      'verdict needs-signal lower',
      'scoreBand 80-100 higher',
      'rule missing-signal lower',
      'rule stock-phrase lower',
    ]);
  });

  it('says so in words, one line for rules that fall on the same drafts, and counts the comparisons', () => {
    const lines = outcomeSayings(summarizeOutcomes(planted(1200))!);
    expect(lines).toContain(
      'Drafts with missing-signal, stock-phrase (the same drafts) got fewer replies: 1.0% (0.7-1.5%, 2,400 sent) against 6.0% (5.1-7.0%, 2,400 sent) for the drafts without them.',
    );
    expect(lines.at(-1)).toMatch(/^7 comparisons had enough sends to call out a difference\./);
  });

  it('reports the null case as not enough sends to tell, whatever the gap in rate', () => {
    const o = summarizeOutcomes(planted(40).map((f) => ({ ...f, outcome: { sent: 40, replied: f.verdict === 'pass' ? 3 : 1 } })))!;
    expect(o.comparisons).toBe(0);
    expect(o.calledOut).toEqual([]);
    expect(o.byRule['missing-signal']!.difference).toBe('not enough sends to tell');
    expect(outcomeSayings(o)).toEqual(['Not enough sends to tell: no comparison has 200 sends on each side (160 sent in all).']);
  });

  it('honours a lower minimum of sends, and counts drafts with no outcome apart', () => {
    const facts = planted(40).map((f) => ({ ...f, outcome: { sent: 40, replied: f.verdict === 'pass' ? 12 : 0 } }));
    const o = summarizeOutcomes([...facts, { outcome: undefined, verdict: 'pass', score: 90, rules: [] }], 80)!;
    expect(o.byVerdict['needs-signal']!.difference).toBe('lower');
    expect(o.unmatched).toBe(1);
    expect(outcomeSayings(o).at(-1)).toBe('1 of 5 drafts have no outcomes and are not counted here.');
  });

  it('is undefined when no draft has an outcome', () => {
    expect(summarizeOutcomes([{ outcome: undefined, verdict: 'pass', score: 90, rules: [] }])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { dispersion, UnitSums } from '../../src/outcomes/dispersion.js';
import { summarizeOutcomes, type OutcomeFact } from '../../src/outcomes/outcome-stats.js';

const sumsOf = (units: Array<[sent: number, replied: number, unit?: string]>) => {
  const u = new UnitSums();
  for (const [n, r, key] of units) u.add(n, r, key);
  return u;
};

describe('dispersion', () => {
  it('is 1 for templates that differ no more than chance, and Pearson χ² / (k - 1) when they do', () => {
    expect(
      dispersion(
        24,
        2400,
        sumsOf([
          [1200, 12],
          [1200, 12],
        ]).sums(),
      ),
    ).toBe(1);
    // 40, 80, 120, 160 and 200 replies of 2,000 each: χ² = 16000 / (2000 · 0.06 · 0.94) = 141.8 over 4 degrees of freedom.
    const five = sumsOf([40, 80, 120, 160, 200].map((r) => [2000, r]));
    expect(dispersion(600, 10000, five.sums())).toBeCloseTo(16000 / 112.8 / 4, 6);
  });

  it('cannot be estimated from one template, or at no replies', () => {
    expect(dispersion(30, 1000, sumsOf([[1000, 30]]).sums())).toBe(1);
    expect(
      dispersion(
        0,
        2000,
        sumsOf([
          [1000, 0],
          [1000, 0],
        ]).sums(),
      ),
    ).toBe(1);
  });

  it('counts a near-copy cluster as one template, and keeps the part of it outside a group', () => {
    const whole = sumsOf([
      [100, 1, 'c1'],
      [100, 9, 'c1'],
      [500, 25],
    ]);
    expect(whole.sums()).toEqual({ k: 2, s: 100 / 200 + 625 / 500 });
    const inside = sumsOf([[100, 9, 'c1']]);
    expect(inside.restSums(whole, whole.sums())).toEqual({ k: 2, s: 1 / 100 + 625 / 500 });
  });
});

describe('summarizeOutcomes, with templates that differ among themselves', () => {
  it('calls out no rule whose drafts differ from the rest only as much as templates differ from one another', () => {
    // Ten templates of 2,000 sends, replies from 1% to 10%; the rule's five average 6%, the rest 5%.
    const facts: OutcomeFact[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((pct) => ({
      outcome: { sent: 2000, replied: pct * 20 },
      verdict: 'revise',
      score: 70,
      rules: pct % 2 === 0 ? ['stock-phrase'] : [],
    }));
    const o = summarizeOutcomes(facts)!;
    const rule = o.byRule['stock-phrase']!;
    expect([rule.replyRate, rule.without.replyRate]).toEqual([0.06, 0.05]);
    // As 10,000 independent emails a side the intervals would be apart: 5.5-6.5% against 4.6-5.4%.
    expect(rule.dispersion).toBeGreaterThan(30);
    expect(rule.difference).toBe('no clear difference');
    expect(o.calledOut).toEqual([]);
  });
});

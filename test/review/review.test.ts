import { describe, expect, it } from 'vitest';
import { clusterNearCopies } from '../../src/review/cluster.js';
import { buildReview } from '../../src/review/review.js';
import { makeLinter } from '../helpers.js';

describe('near-copy clustering', () => {
  it('puts near-copies together and leaves distinct texts alone', () => {
    const a =
      'Month-end at slotcompany probably means a week of spreadsheets and chasing approvals. Ledgerline pulls invoices, bank feeds and approvals into one checklist.';
    const b =
      'Month-end at slotcompany probably means a week of spreadsheets and chasing approvals. Ledgerline pulls invoices, bank feeds and approvals into a single checklist.';
    const c = 'Our controller community meets on 14 January for a working session on preparing for a first external audit.';
    const d = 'We run reseller programs for payroll software in Ohio and Kentucky, with training for your sales team.';
    const ids = clusterNearCopies([a, c, b, d]);
    expect(ids[0]).toBe(ids[2]);
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps thousands of distinct texts apart and finds the copies planted among them', () => {
    const texts = Array.from(
      { length: 3000 },
      (_, i) => `Template number ${i} talks about topic ${i % 97} and offer ${i % 89} with words ${(i * 7) % 1000} ${(i * 13) % 1000}.`,
    );
    // Ten templates re-sent with one word changed, at the end of the list.
    for (const i of [5, 400, 999, 1500, 2999, 17, 640, 1234, 2048, 2500]) texts.push(texts[i]!.replace('talks', 'writes'));
    const ids = clusterNearCopies(texts);
    expect(new Set(ids.slice(0, 3000)).size).toBe(3000);
    for (const [k, i] of [5, 400, 999, 1500, 2999, 17, 640, 1234, 2048, 2500].entries()) expect(ids[3000 + k]).toBe(ids[i]);
  });
});

describe('review', () => {
  it('ranks worst first, clusters the near-copies and reads CSV rows', async () => {
    const linter = await makeLinter();
    const results = await linter.lintFiles(['test/fixtures/review', 'test/fixtures/review/sequence.csv']);
    const review = buildReview(linter, results);
    const names = review.items.map((i) => i.name.replace(/^.*review\//, ''));
    expect(names).toContain('sequence.csv: Intro');
    expect(names).toContain('sequence.csv: Bump');
    expect(review.items.length).toBe(7);
    expect(review.clusters).toHaveLength(1);
    expect(review.clusters[0]!.members.map((m) => m.replace(/^.*review\//, '')).sort()).toEqual(['intro-a.md', 'intro-b.md', 'intro-c.md']);
    expect(review.distinct).toBe(5);
    const verdicts = review.items.map((i) => i.result.verdict);
    const rank = { block: 0, 'needs-signal': 1, revise: 2, pass: 3 } as const;
    expect([...verdicts].sort((x, y) => rank[x] - rank[y])).toEqual(verdicts);
    expect(review.items.find((i) => i.name.endsWith('researched.md'))!.result.verdict).toBe('pass');
    expect(review.items[0]!.result.verdict).not.toBe('pass');
  });
});

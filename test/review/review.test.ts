import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterShingles, shingleSet } from '../../src/review/cluster.js';
import { reportHtml } from '../../src/review/report-html.js';
import type { ReportData } from '../../src/review/report-shape.js';
import { reviewJson } from '../../src/review/review-data.js';
import { reviewFile } from '../../src/review/review-record.js';
import { buildReview, ReviewCollector } from '../../src/review/review.js';
import { makeLinter } from '../helpers.js';

/** Cluster ids for texts, as a review computes them from each draft's shingles. */
const clusterNearCopies = (texts: string[]) => clusterShingles(texts.map(shingleSet));

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
    const review = await buildReview(linter, results);
    const items = [...review.items()];
    const names = items.map((i) => i.name.replace(/^.*review\//, ''));
    expect(names).toContain('sequence.csv: Intro');
    expect(names).toContain('sequence.csv: Bump');
    expect(review.count).toBe(7);
    expect(items.length).toBe(7);
    expect(review.clusters).toHaveLength(1);
    expect(review.clusters[0]!.members.map((m) => m.replace(/^.*review\//, '')).sort()).toEqual(['intro-a.md', 'intro-b.md', 'intro-c.md']);
    expect(review.distinct).toBe(5);
    const verdicts = items.map((i) => i.verdict);
    const rank = { block: 0, 'needs-signal': 1, revise: 2, pass: 3 } as const;
    expect([...verdicts].sort((x, y) => rank[x] - rank[y])).toEqual(verdicts);
    expect(items.find((i) => i.name.endsWith('researched.md'))!.verdict).toBe('pass');
    expect(items[0]!.verdict).not.toBe('pass');
  });
});

describe('a review collected as files finish', () => {
  it('ranks, clusters and prints the same whatever order the files come back in', async () => {
    const linter = await makeLinter();
    const files = ['intro-a.md', 'intro-b.md', 'intro-c.md', 'researched.md', 'webinar.md', 'sequence.csv'].map((f) => `test/fixtures/review/${f}`);
    const perFile = await Promise.all(files.map((f) => reviewFile(linter, f, { shown: false })));
    const json = (order: number[]) => {
      const collector = new ReviewCollector();
      for (const i of order) collector.add(perFile[i]!, i);
      const review = collector.finish();
      try {
        return [...reviewJson(review)].join('');
      } finally {
        review.close();
      }
    };
    const inOrder = json([0, 1, 2, 3, 4, 5]);
    expect(json([5, 3, 1, 4, 0, 2])).toBe(inOrder);
    expect(json([2, 5, 0, 4, 3, 1])).toBe(inOrder);
    const data = JSON.parse(inOrder);
    expect(data.clusters).toEqual([
      { id: 1, members: expect.arrayContaining(['test/fixtures/review/intro-a.md', 'test/fixtures/review/intro-b.md', 'test/fixtures/review/intro-c.md']) },
    ]);
  });

  it('keeps no spool file once closed', async () => {
    const linter = await makeLinter();
    const review = await buildReview(linter, await linter.lintFiles(['test/fixtures/review/webinar.md']));
    expect(review.spool.startsWith(tmpdir())).toBe(true);
    expect(existsSync(review.spool)).toBe(true);
    review.close();
    expect(existsSync(dirname(review.spool))).toBe(false);
  });
});

describe('the HTML report of a large review', () => {
  it('shows the worst templates in full and counts them all', async () => {
    const linter = await makeLinter();
    const review = await buildReview(linter, await linter.lintFiles(['test/fixtures/review', 'test/fixtures/review/sequence.csv']));
    const html = reportHtml(review, { generatedAt: 'now', inFull: 3 });
    const data = JSON.parse(/<script type="application\/json" id="data">(.*?)<\/script>/s.exec(html)![1]!) as ReportData;
    expect(data.total).toBe(7);
    expect(data.items.map((i) => i.n)).toEqual([...review.items(0, 3)].map((i) => i.name));
    expect(html).toContain('<p>The worst 3 of 7 templates are shown here;');
    expect(html).toContain('<p>7 templates, 5 distinct emails.');
    // The histogram counts every template, not only those shown.
    expect(html).toMatch(/aria-label="Histogram of context scores: (?:[^"]*?: (\d+);?)+"/);
    const counts = /aria-label="Histogram of context scores: ([^"]*)"/
      .exec(html)![1]!
      .split('; ')
      .map((b) => Number(b.split(': ')[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(7);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skeletonOf, skeletonText } from '../../src/corpus/skeleton.js';
// The evaluation runs on the built package, as `npm run eval` does.
import { CLASSES, evaluate, summarize } from '../../eval/evaluate.mjs';
import { makeLinter } from '../helpers.js';

const rows = await evaluate();
const { perClass } = summarize(rows);

describe('labelled evaluation (eval/)', () => {
  it('has at least 200 emails in about equal classes, drafts and templates both', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    for (const cls of CLASSES) expect(perClass[cls]!.n).toBeGreaterThanOrEqual(40);
    expect(rows.some((r) => r.kind === 'draft')).toBe(true);
    expect(rows.some((r) => r.kind === 'template')).toBe(true);
  });

  it.each(['generic', 'merge-only', 'vague'])('gives at least 95%% of %s emails a non-pass verdict', (cls) => {
    expect(perClass[cls]!.nonPass).toBeGreaterThanOrEqual(0.95);
  });

  it('gives at most 5% of researched emails missing-signal or merge-only-personalization', () => {
    expect(perClass.researched!.missingOrMerge).toBeLessThanOrEqual(0.05);
  });
});

describe('the eval set stays out of the corpus', () => {
  it('no eval email, nor a near-copy of one, is in corpus/', async () => {
    const linter = await makeLinter();
    const index = linter.services.corpus!;
    const worst: Array<[string, number]> = [];
    const dirs = [...CLASSES.map((c: string) => join('eval', c)), ...CLASSES.map((c: string) => join('eval', 'holdout', c))];
    for (const dir of dirs) {
      let files: string[] = [];
      try {
        files = readdirSync(dir);
      } catch {
        continue;
      }
      for (const f of files) {
        const [d] = await linter.lintText(readFileSync(join(dir, f), 'utf8'), f);
        const [best] = index.nearest(skeletonText(skeletonOf(d!.draft)), 1);
        worst.push([join(dir, f), best?.score ?? 0]);
      }
    }
    // Light paraphrases of a corpus message score 0.50 or more (npm run calibrate).
    expect(worst.filter(([, s]) => s >= 0.5)).toEqual([]);
    expect(worst.length).toBeGreaterThanOrEqual(200);
  });
});

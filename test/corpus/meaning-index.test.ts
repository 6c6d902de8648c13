import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../src/corpus/corpus-index.js';
import { dice } from '../../src/corpus/dice.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { skeletonOf } from '../../src/corpus/skeleton.js';
import { createParseEnv } from '../../src/parse/parse-env.js';
import { parseDrafts } from '../../src/parse/parse-file.js';

/** The match threshold corpus-similarity uses by default: the agreement that matters is at and above it. */
const MATCH = 0.66;

let index: CorpusIndex;
beforeAll(async () => {
  index = (await loadCorpus(createParseEnv(), { paths: [], useDefault: true }))!.index;
});

/** The synthetic eval's sentences, masked as a lint masks them: queries the project wrote. */
async function evalSentences(): Promise<string[]> {
  const env = createParseEnv();
  const out: string[] = [];
  for (const set of ['generic', 'merge-only', 'researched', 'research-slot', 'holdout']) {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
    for (const file of walk(join('eval', set)).filter((f) => /\.(md|txt|eml)$/.test(f))) {
      for (const d of await parseDrafts(file, readFileSync(file), env, {})) out.push(...skeletonOf(d).units.map((u) => u.masked));
    }
  }
  return out;
}

describe('the corpus index by meaning', () => {
  it('matches a paraphrase of a corpus sentence written in other words', () => {
    const ask = index.matchMeaning('Do you have ten minutes for a short chat sometime next week?', MATCH, 1);
    expect(ask).toMatchObject({ byMeaning: true });
    expect(ask!.similarity).toBeGreaterThanOrEqual(MATCH);
    const bump = index.matchMeaning('Following up in case my last email slipped through the cracks.', MATCH, 1);
    expect(bump!.closest).toMatch(/follow|circl|bump/i);
  });

  it('matches a pitch in other words, for another offer, by what it does', () => {
    const text = 'We are a team of 80 engineers building web and mobile apps for clients worldwide.';
    // Not the same words: no corpus sentence is a near-verbatim copy.
    expect(index.matchSentence(text, 0.85, dice)).toBeUndefined();
    const pitch = index.matchMeaning(text, MATCH, 1);
    expect(pitch).toMatchObject({ byMeaning: true });
    expect(pitch!.closest).toMatch(/engineers/);
    expect(pitch!.closest).not.toMatch(/80|clients worldwide/);
  });

  it('does not match a researched sentence about one prospect', () => {
    expect(index.matchMeaning('Saw your Austin warehouse moved to scanner-based picking in June.', MATCH, 1)).toBeUndefined();
    // Figures and names the table does not know make a sentence about something in particular.
    expect(index.matchMeaning('Your Q3 call on 28 October put SMB churn at 4.1%, up from 3.2%.', 0, 1)).toBeUndefined();
  });

  it('agrees with an exact scan of every corpus sentence on at least 99% of queries', async () => {
    const queries = await evalSentences();
    expect(queries.length).toBeGreaterThan(1000);
    let decided = 0;
    let nearestAgree = 0;
    let asked = 0;
    for (const text of queries) {
      const q = index.meaning.query(text);
      if (q.known === 0) continue;
      asked++;
      const fast = index.meaning.nearest(q, 1)[0];
      const exact = index.meaning.nearestExact(q, 1)[0];
      if (fast?.sent === exact?.sent) nearestAgree++;
      // The decision a rule takes: no match on both sides, or the same corpus sentence.
      if ((exact!.score < MATCH && fast!.score < MATCH) || fast!.sent === exact!.sent) decided++;
    }
    expect(decided / asked).toBeGreaterThanOrEqual(0.99);
    expect(nearestAgree / asked).toBeGreaterThanOrEqual(0.9);
  });

  it('reads only some of its clusters for a query', () => {
    expect(index.meaning.clusters).toBeGreaterThan(20);
    expect(index.meaning.defaultProbe()).toBeLessThan(index.meaning.clusters / 3);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { Analysis } from '../../src/analysis/analysis.js';
import { moveCounts, namedMoves, type MoveData } from '../../src/corpus/collapse.js';
import type { CorpusIndex } from '../../src/corpus/corpus-index.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createParseEnv } from '../../src/parse/parse-env.js';
import { parseTextDraft } from '../../src/parse/text-draft.js';
import { loadRuleData } from '../../src/fs/rule-data.js';

const env = createParseEnv();
const moves = loadRuleData<{ moves: MoveData }>('corpus-similarity').moves;
const options = { sentenceAt: 0.66, maxSpecific: 1 };
let index: CorpusIndex;
beforeAll(async () => {
  index = (await loadCorpus(env, { paths: [], useDefault: true }))!.index;
});

const draft = (text: string) => parseTextDraft('draft.md', text, 'markdown', env);
const collapseOf = (d: ReturnType<typeof draft>, corpus: typeof index, o: typeof options) => new Analysis(d, { corpus }).collapse(o)!;

describe('context collapse of one message', () => {
  it('names a line near no move by the archetype of the corpus message it matched', () => {
    const c = collapseOf(draft("Hi Sam,\n\nI hope you're having a great week so far.\n"), index, options);
    expect(namedMoves(c.hits, index, { floor: 0.99, list: moves.list })).toEqual([
      { name: `a line from a "${index.message(c.hits[0]!.hit.closestDoc).archetype}" email` },
    ]);
  });

  it('counts the sentences that say what generic ones say and names their moves in order', () => {
    const c = collapseOf(
      draft(
        [
          'Hi Sam,',
          '',
          "I hope you're having a great week so far.",
          '',
          'We work with companies like yours to save their analysts hours every single week.',
          '',
          'Your Reno depot switched from paper PODs to tablets on 2 March, per your post on the Fleetwise forum.',
          '',
          'Would you be open to a quick 15-minute call next Tuesday or Wednesday?',
          '',
          'Looking forward to hearing from you.',
        ].join('\n'),
      ),
      index,
      options,
    );
    expect(c.total).toBe(5);
    expect(c.hits.some((h) => h.unit.masked.includes('Reno'))).toBe(false);
    const named = namedMoves(c.hits, index, moves);
    expect(named.map((m) => m.id)).toEqual(['pleasantry', 'ask', 'courtesy']);
    expect(c.share).toBeCloseTo(3 / 5, 5);
    // The fact about the depot and the social-proof line are the longest sentences.
    expect(c.wordShare).toBeGreaterThan(0.3);
    expect(c.wordShare).toBeLessThan(0.5);
    expect(moveCounts(named)).toEqual([
      { id: 'pleasantry', name: 'the pleasantry opener', sentences: 1 },
      { id: 'ask', name: 'the soft ask', sentences: 1 },
      { id: 'courtesy', name: 'the courtesy close', sentences: 1 },
    ]);
    expect(c.messages.length).toBeGreaterThan(0);
  });

  it('finds nothing generic in an email made of facts about one prospect', () => {
    const c = collapseOf(
      draft(
        [
          'Ines,',
          '',
          'Your note in Grocer Weekly said the Leeds warehouse re-labelled 40,000 jars by hand after the 14 September allergen recall.',
          'It also said the team wants scanning at goods-in before Christmas.',
          'We fitted goods-in scanning for Marrow Foods in Sheffield in six weeks; their pick errors fell from 1.9% to 0.4%.',
        ].join('\n'),
      ),
      index,
      options,
    );
    expect(c.total).toBe(3);
    expect(c.hits).toEqual([]);
    expect(c.share).toBe(0);
  });
});

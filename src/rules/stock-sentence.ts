import { NEAR_VERBATIM, STOCK_MIN_WORDS, type SentenceHitOptions } from '../corpus/sentence-hits.js';
import type { Rule } from '../kernel/rule.js';
import { clip } from '../kernel/clip.js';
import { round } from '../kernel/round.js';

type Options = SentenceHitOptions;

/**
 * Sentences that stand, verbatim or nearly, in generic corpus messages, or say what one of
 * them says in other words (by the meaning of their words, which survives a paraphrase and
 * a change of product).
 */
export const stockSentence: Rule<Options> = {
  meta: {
    id: 'stock-sentence',
    type: 'suggestion',
    description: 'Flags sentences that appear verbatim or nearly verbatim in generic corpus messages, or say the same in other words, and says how many.',
    defaultSeverity: 'warning',
    messages: {
      stock: 'This sentence appears in {{count}} generic {{emails}}; the closest reads "{{closest}}" ({{id}}).',
      stockMeaning: 'This sentence says what {{count}} generic {{emails}} say in other words; the closest reads "{{closest}}" ({{id}}).',
    },
    options: {
      minWords: {
        type: 'number',
        default: STOCK_MIN_WORDS,
        minimum: 2,
        description: 'Only sentences with at least this many words (merge fields not counted) are compared.',
      },
      similarity: {
        type: 'number',
        default: NEAR_VERBATIM,
        minimum: 0.5,
        maximum: 1,
        description: 'Character-bigram similarity (0-1) from which a corpus sentence counts as the same.',
      },
      meaning: {
        type: 'number',
        default: 0.88,
        minimum: 0,
        maximum: 1,
        description:
          'Cosine of sentence meanings (0-1) from which a corpus sentence counts as saying the same thing in other words; 1 turns matching by meaning off.',
      },
      meaningWords: {
        type: 'number',
        default: 10,
        minimum: 2,
        description: 'Only sentences with at least this many words are matched by meaning; shorter ones only by their words.',
      },
      maxSpecific: {
        type: 'number',
        default: 1,
        minimum: 0,
        description: 'A sentence with more figures and unknown names than this is about something in particular and is not matched by meaning.',
      },
    },
    docs: 'docs/rules/stock-sentence.md',
    points: 5,
    maxPoints: 20,
    services: ['corpus'],
    // A sentence that stands verbatim in the corpus contains its clichés; one matched by
    // meaning is in other words, and the cliché in it is still worth naming.
    supersedes: [{ rule: 'stock-phrase', messages: ['stock'] }],
  },

  check(_draft, { options, services, analysis }) {
    const index = services.corpus;
    if (!index) return [];
    return analysis.sentenceHits(options).map(({ unit, hit }) => ({
      messageId: hit.byMeaning ? 'stockMeaning' : 'stock',
      part: 'body' as const,
      start: unit.start,
      end: unit.end,
      data: {
        count: hit.messages,
        emails: hit.messages === 1 ? 'email' : 'emails',
        closest: clip(hit.closest, 90),
        id: index.message(hit.closestDoc).id,
      },
      details: { corpusMessages: hit.messages, similarity: round(hit.similarity), byMeaning: hit.byMeaning },
    }));
  },
};

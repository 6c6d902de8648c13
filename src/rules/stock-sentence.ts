import { stockSentenceHits } from '../corpus/sentence-hits.js';
import type { Rule } from '../kernel/rule.js';
import { clip } from '../kernel/clip.js';

interface Options {
  minWords: number;
  similarity: number;
}

/** Sentences that stand, verbatim or nearly, in generic corpus messages. */
export const stockSentence: Rule<Options> = {
  meta: {
    id: 'stock-sentence',
    type: 'suggestion',
    description: 'Flags sentences that appear verbatim or nearly verbatim in generic corpus messages, and says how many.',
    defaultSeverity: 'warning',
    messages: {
      stock: 'This sentence appears in {{count}} generic {{emails}}; the closest reads "{{closest}}" ({{id}}).',
    },
    options: {
      minWords: { type: 'number', default: 6, minimum: 2, description: 'Only sentences with at least this many words (merge fields not counted) are compared.' },
      similarity: { type: 'number', default: 0.85, minimum: 0.5, maximum: 1, description: 'Character-bigram similarity (0-1) from which a corpus sentence counts as the same.' },
    },
    docs: 'docs/rules/stock-sentence.md',
    points: 5,
    maxPoints: 20,
  },

  check(draft, { options, services }) {
    const index = services.corpus;
    if (!index) return [];
    return stockSentenceHits(draft, index, options).map(({ unit, hit }) => ({
      messageId: 'stock',
      part: 'body' as const,
      start: unit.start,
      end: unit.end,
      data: {
        count: hit.messages,
        emails: hit.messages === 1 ? 'email' : 'emails',
        closest: clip(hit.closest, 90),
        id: index.message(hit.closestDoc).id,
      },
      extra: { corpusMessages: hit.messages, similarity: Math.round(hit.similarity * 1000) / 1000 },
    }));
  },
};


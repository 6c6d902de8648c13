import { contentStems } from '../corpus/tokens.js';
import { skeletonOf, skeletonText } from '../corpus/skeleton.js';
import type { Rule } from '../kernel/rule.js';
import type { Report } from '../kernel/types.js';

interface Options {
  warnAt: number;
  errorAt: number;
  minWords: number;
}

/**
 * Whole-message similarity to the generic corpus: TF-IDF cosine over stemmed content words
 * and word pairs of the skeleton, so a template and its rendered copies score the same.
 */
export const corpusSimilarity: Rule<Options> = {
  meta: {
    id: 'corpus-similarity',
    type: 'suggestion',
    description: 'Flags an email that is mostly the same as a generic message in the corpus, and names the message.',
    defaultSeverity: 'warning',
    messages: {
      similar: 'This email is {{percent}}% the same as a generic "{{archetype}}" {{variant}} ({{id}}).',
    },
    options: {
      warnAt: { type: 'number', default: 0.4, minimum: 0, maximum: 1, description: 'Similarity (0-1) from which the email is reported at the rule\'s severity.' },
      errorAt: { type: 'number', default: 0.8, minimum: 0, maximum: 1, description: 'Similarity (0-1) from which the finding is an error.' },
      minWords: { type: 'number', default: 12, minimum: 1, description: 'Skip emails with fewer content words than this once merge data is masked.' },
    },
    docs: 'docs/rules/corpus-similarity.md',
    points: 20,
  },

  check(draft, { options, services, severity }) {
    const index = services.corpus;
    if (!index) return [];
    const skeleton = skeletonOf(draft);
    const text = skeletonText(skeleton);
    if (contentStems(text).filter((s) => !s.startsWith('slot')).length < options.minWords) return [];
    const nearest = index.nearest(text, 3);
    const top = nearest[0];
    if (!top || top.score < options.warnAt) return [];
    const meta = index.message(top.doc);
    const report: Report = {
      messageId: 'similar',
      data: {
        percent: Math.round(top.score * 100),
        archetype: meta.archetype,
        variant: meta.variant === 'rendered' ? 'message' : meta.variant ?? 'message',
        id: meta.id,
      },
      severity: top.score >= options.errorAt ? 'error' : severity,
      extra: {
        similarity: round(top.score),
        nearest: nearest.map((n) => {
          const m = index.message(n.doc);
          return { id: m.id, archetype: m.archetype, similarity: round(n.score) };
        }),
      },
    };
    const first = skeleton.units[0];
    if (draft.subject && skeleton.subject.trim()) Object.assign(report, { part: 'subject', start: 0, end: draft.subject.text.length });
    else if (first) Object.assign(report, { part: 'body', start: first.start, end: first.end });
    return [report];
  },
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

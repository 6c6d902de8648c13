import { contentStems } from '../corpus/tokens.js';
import { skeletonText } from '../corpus/skeleton.js';
import { moveCounts, namedMoves, type MoveData } from '../corpus/collapse.js';
import type { Rule } from '../kernel/rule.js';
import { clip } from '../kernel/clip.js';
import type { Report } from '../kernel/types.js';
import { round } from '../kernel/round.js';

interface Options {
  warnAt: number;
  errorAt: number;
  minWords: number;
  sentenceAt: number;
  shareAt: number;
  minSentences: number;
  maxSpecific: number;
}

/**
 * Context collapse at the level of the message: the share of the body's sentences that say
 * what generic corpus sentences say (verbatim or by meaning), with the archetypes they come
 * from; and, for near-copies of one corpus message (a rendered template), the whole-message
 * TF-IDF cosine over stemmed content words and word pairs of the skeleton.
 */
export const corpusSimilarity: Rule<Options, { moves: MoveData }> = {
  meta: {
    id: 'corpus-similarity',
    type: 'suggestion',
    description:
      'Flags an email whose sentences mostly say what generic corpus messages say, or that is mostly the same as one of them, and names the moves and the nearest messages.',
    defaultSeverity: 'error',
    messages: {
      similar: 'This email is {{percent}}% the same as a generic "{{archetype}}" {{variant}} ({{id}}).',
      collapse:
        '{{generic}} of {{total}} sentences here ({{percent}}% of the words) say what generic emails say ({{moves}}); the nearest generic message is {{id}}.',
    },
    options: {
      warnAt: {
        type: 'number',
        default: 0.4,
        minimum: 0,
        maximum: 1,
        description: 'Whole-message similarity (0-1) from which the email is reported, as a warning.',
      },
      errorAt: {
        type: 'number',
        default: 0.8,
        minimum: 0,
        maximum: 1,
        description: "Whole-message similarity (0-1) from which the finding is reported at the rule's configured severity (an error by default).",
      },
      minWords: { type: 'number', default: 12, minimum: 1, description: 'Skip emails with fewer content words than this once merge data is masked.' },
      sentenceAt: {
        type: 'number',
        default: 0.66,
        minimum: 0,
        maximum: 1,
        description: 'Cosine of meanings (0-1) from which a sentence counts as saying what a generic corpus sentence says.',
      },
      shareAt: {
        type: 'number',
        default: 0.6,
        minimum: 0,
        maximum: 1,
        description: "Share of the body's sentences (0-1) saying what generic ones say from which the email is reported.",
      },
      minSentences: {
        type: 'number',
        default: 3,
        minimum: 1,
        description: 'The share is only judged on emails with at least this many sentences of five words or more.',
      },
      maxSpecific: {
        type: 'number',
        default: 1,
        minimum: 0,
        description: 'A sentence with more figures and unknown names than this is about something in particular and is not matched by meaning.',
      },
    },
    docs: 'docs/rules/corpus-similarity.md',
    points: 20,
    services: ['corpus'],
  },

  check(draft, { options, services, data, analysis }) {
    const index = services.corpus;
    if (!index) return [];
    const skeleton = analysis.skeleton;
    const text = skeletonText(skeleton);
    if (contentStems(text).filter((s) => !s.startsWith('slot')).length < options.minWords) return [];
    const nearest = index.nearest(text, 3);
    const top = nearest[0];
    const collapse = analysis.collapse(options)!;
    const copied = !!top && top.score >= options.warnAt;
    const collapsed = collapse.hits.length > 0 && collapse.total >= options.minSentences && collapse.share >= options.shareAt;
    if (!copied && !collapsed) return [];
    const moves = namedMoves(collapse.hits, index, data.moves);
    const counted = moveCounts(moves);
    const extra = {
      similarity: round(top?.score ?? 0),
      nearest: nearest.map((n) => {
        const m = index.message(n.doc);
        return { id: m.id, archetype: m.archetype, similarity: round(n.score) };
      }),
      collapse: {
        share: round(collapse.share),
        wordShare: round(collapse.wordShare),
        generic: collapse.hits.length,
        sentences: collapse.total,
        moves: counted,
        archetypes: collapse.archetypes,
        matches: collapse.hits.map((h, i) => ({
          sentence: clip(draft.body.text.slice(h.unit.start, h.unit.end).replace(/\s+/g, ' '), 90),
          move: moves[i]!.id ?? null,
          closest: h.hit.closest,
          closestId: index.message(h.hit.closestDoc).id,
          similarity: round(h.hit.similarity),
          byMeaning: h.hit.byMeaning,
        })),
        messages: collapse.messages,
      },
    };
    let report: Report;
    if (copied) {
      const meta = index.message(top.doc);
      report = {
        messageId: 'similar',
        data: {
          percent: Math.round(top.score * 100),
          archetype: meta.archetype,
          variant: meta.variant === 'rendered' ? 'message' : (meta.variant ?? 'message'),
          id: meta.id,
        },
        // Below errorAt a near copy is a warning; the configured severity caps both.
        ...(top.score >= options.errorAt ? {} : { severity: 'warning' as const }),
        details: extra,
      };
    } else {
      report = {
        messageId: 'collapse',
        data: {
          generic: collapse.hits.length,
          total: collapse.total,
          percent: Math.round(collapse.wordShare * 100),
          moves: counted
            .slice(0, 4)
            .map((m) => m.name)
            .join(', '),
          id: collapse.messages[0]!.id,
        },
        severity: 'warning',
        details: extra,
      };
    }
    const first = skeleton.units[0];
    if (draft.subject && skeleton.subject.trim()) Object.assign(report, { part: 'subject', start: 0, end: draft.subject.text.length });
    else if (first) Object.assign(report, { part: 'body', start: first.start, end: first.end });
    return [report];
  },
};

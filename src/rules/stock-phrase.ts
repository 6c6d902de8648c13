import type { Rule } from '../kernel/rule.js';
import type { Report } from '../kernel/types.js';
import { findPhrases, phraseListMatcher } from '../analysis/phrase-list.js';
import type { StemPhraseMatcher } from '../analysis/stem-phrases.js';
import { overlapTest } from '../kernel/sorted-spans.js';

interface Phrase {
  id: string;
  category: string;
  match: string[];
  why: string;
  instead: string;
}

interface Data {
  phrases: Phrase[];
  /** Built by prepare from the phrases. */
  matcher: StemPhraseMatcher<Phrase>;
}

/** Clichés of cold outreach, each with why it costs attention and what to do instead. */
export const stockPhrase: Rule<{ ignore: string[] }, Data> = {
  meta: {
    id: 'stock-phrase',
    type: 'suggestion',
    description: 'Flags clichés of cold outreach ("hope this finds you well", "touch base", "companies like yours") and says what to write instead.',
    defaultSeverity: 'warning',
    messages: {
      phrase: '"{{text}}" is a stock phrase: {{why}} {{instead}}',
    },
    options: {
      ignore: {
        type: 'string[]',
        default: [],
        ids: 'phrases',
        description: 'Ids of phrases not to report (e.g. [quick-chat]), for a team that has decided a cliché is fine for it.',
      },
    },
    docs: 'docs/rules/stock-phrase.md',
    points: 3,
    maxPoints: 15,
    extensible: { list: 'phrases', phraseFields: ['match'] },
  },

  prepare(data) {
    return { ...data, matcher: phraseListMatcher(data.phrases.flatMap((p) => p.match.map((m) => [m, p] as const))) };
  },

  check(draft, { data, options }) {
    const ignored = new Set(options.ignore);
    const reports: Report[] = [];
    const skipped = overlapTest(draft.regions.filter((r) => r.kind === 'quote' || r.kind === 'signature' || r.kind === 'footer'));
    const add = (part: 'subject' | 'body', text: string, allowed: (s: number, e: number) => boolean) => {
      for (const { value: phrase, start, end } of findPhrases(text, data.matcher)) {
        if (!allowed(start, end) || ignored.has(phrase.id)) continue;
        reports.push({
          messageId: 'phrase',
          part,
          start,
          end,
          data: { text: text.slice(start, end).replace(/\s+/g, ' '), why: phrase.why, instead: phrase.instead },
          details: { phrase: phrase.id, category: phrase.category },
        });
      }
    };
    if (draft.subject) add('subject', draft.subject.text, () => true);
    add('body', draft.body.text, (s) => !skipped(s, s + 1));
    return reports;
  },
};

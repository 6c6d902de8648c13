import type { Rule } from '../kernel/rule.js';
import type { Report } from '../kernel/types.js';
import type { SignalData } from '../analysis/analyze.js';
import { StemPhraseMatcher, type StemToken } from '../analysis/stem-phrases.js';

interface Pattern {
  id: string;
  first: string[];
  then?: string[];
  within?: number;
  why: string;
  instead: string;
}

interface Data {
  patterns: Pattern[];
  praise: { words: string[]; not_after: string[]; why: string; instead: string };
  signals: SignalData;
  /** Built by prepare from the patterns. */
  matchers: Matchers;
}

interface Matchers {
  first: StemPhraseMatcher<Pattern>;
  then: StemPhraseMatcher<Pattern>;
}

function patternMatchers(patterns: Pattern[]): Matchers {
  // biome-ignore lint/suspicious/noThenProperty: a pattern's second half; Matchers is never awaited.
  const m: Matchers = { first: new StemPhraseMatcher(), then: new StemPhraseMatcher() };
  for (const p of patterns) {
    for (const f of p.first) m.first.add(f, p);
    for (const t of p.then ?? []) m.then.add(t, p);
  }
  return m;
}

function praiseWord(tokens: StemToken[], praise: Data['praise']): StemToken | undefined {
  const words = new Set(praise.words);
  const not = new Set(praise.not_after);
  return tokens.find((t, i) => words.has(t.text) && !(i > 0 && not.has(tokens[i - 1]!.text)));
}

/**
 * Flattery and trend bridges with nothing concrete in the sentence: "I came across your
 * profile and was impressed", "congrats on the recent success", "as a leader in {{industry}}".
 */
export const vaguePersonalization: Rule<{ ignore: string[] }, Data> = {
  meta: {
    id: 'vague-personalization',
    type: 'suggestion',
    description: 'Flags flattery and trend bridges that sound researched but name nothing concrete ("I came across your profile and was impressed").',
    defaultSeverity: 'warning',
    messages: {
      vague: '"{{text}}" sounds researched but names nothing concrete: {{why}} {{instead}}',
    },
    options: {
      ignore: { type: 'string[]', default: [], ids: 'patterns', description: 'Ids of patterns not to report (e.g. [came-across-impressed]).' },
    },
    docs: 'docs/rules/vague-personalization.md',
    uses: ['signals'],
    points: 10,
    services: ['corpus'],
    extensible: { list: 'patterns', phraseFields: ['first', 'then'] },
    maxPoints: 20,
  },

  prepare(data) {
    return { ...data, matchers: patternMatchers(data.patterns) };
  },

  check(draft, { data, analysis, options }) {
    const ignored = new Set(options.ignore);
    const { first, then } = data.matchers;
    const reports: Report[] = [];
    for (const u of analysis.signals(data.signals).units) {
      if (u.anchors.length > 0) continue;
      const thens = then.find(u.tokens);
      // Every pattern match as a token span; overlapping spans merge, and a sentence gets
      // one finding, for its earliest vague phrase.
      const spans: Array<{ p: Pattern; from: number; to: number }> = [];
      for (const f of first.find(u.tokens)) {
        const p = f.value;
        if (ignored.has(p.id)) continue;
        let to = f.to;
        if (p.then) {
          const ends = thens.filter((t) => t.value === p && t.from >= f.to && t.from - f.to <= (p.within ?? 6)).map((t) => t.to);
          if (ends.length === 0) continue;
          to = Math.max(...ends);
        }
        spans.push({ p, from: f.from, to });
      }
      if (spans.length === 0) {
        const praise = u.direct && !u.senderClaim ? praiseWord(u.tokens, data.praise) : undefined;
        if (praise) {
          reports.push({
            messageId: 'vague',
            part: 'body',
            start: praise.start,
            end: praise.end,
            data: { text: praise.raw, why: data.praise.why, instead: data.praise.instead },
            details: { pattern: 'unanchored-praise' },
          });
        }
        continue;
      }
      spans.sort((a, b) => a.from - b.from || b.to - a.to);
      const hit = { ...spans[0]! };
      for (const s of spans) if (s.from < hit.to) hit.to = Math.max(hit.to, s.to);
      const start = u.tokens[hit.from]!.start;
      const end = u.tokens[hit.to - 1]!.end;
      reports.push({
        messageId: 'vague',
        part: 'body',
        start,
        end,
        data: { text: draft.body.text.slice(start, end).replace(/\s+/g, ' '), why: hit.p.why, instead: hit.p.instead },
        details: { pattern: hit.p.id },
      });
    }
    return reports.sort((a, b) => a.start! - b.start!);
  },
};

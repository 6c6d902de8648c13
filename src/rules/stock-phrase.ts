import type { Rule } from '../kernel/rule.js';
import type { Report } from '../kernel/types.js';
import { StemPhraseMatcher, type StemToken } from '../analysis/stem-phrases.js';
import { lowerBound, overlapTest } from '../kernel/sorted-spans.js';

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

// Words for phrase matching: hyphens and other punctuation separate, apostrophes join.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

function words(text: string): StemToken[] {
  const out: StemToken[] = [];
  const norm = text.replace(/[’‘]/g, "'");
  WORD.lastIndex = 0;
  for (let m = WORD.exec(norm); m; m = WORD.exec(norm)) {
    const w = m[0].toLowerCase();
    out.push({ text: w, stem: w, raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Phrases are matched word by word through a trie, never as regular expressions, so data cannot make matching slow. */
function phraseMatcher(phrases: Phrase[]): StemPhraseMatcher<Phrase> {
  const m = new StemPhraseMatcher<Phrase>('word');
  for (const p of phrases) for (const variant of p.match) m.add(variant.replace(/[’‘]/g, "'").replace(/-/g, ' '), p);
  return m;
}

/**
 * Finds phrase matches in text: the longest match at each word, none that sits wholly
 * inside another, and one per cliché per sentence ("hope this email finds you well" is one
 * finding, while "we help companies" and "companies like yours" are two).
 */
export function findPhrases(text: string, data: Data): Array<{ phrase: Phrase; start: number; end: number }> {
  const ws = words(text);
  const out: Array<{ phrase: Phrase; start: number; end: number }> = [];
  // Hits come in text order, so a hit lies inside an earlier one exactly when the furthest
  // end so far reaches past it, and a repeat need only be compared with the last match of
  // its phrase: comparing with every earlier match was quadratic in a long draft.
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) if (SENTENCE_BREAK.has(text[i]!)) breaks.push(i);
  const lastOf = new Map<Phrase, number>();
  let furthest = -1;
  for (const hit of data.matcher.find(ws)) {
    const phrase = hit.value;
    const m = { phrase, start: ws[hit.from]!.start, end: ws[hit.to - 1]!.end };
    if (crossesLine(text, m.start, m.end)) continue;
    const last = lastOf.get(phrase);
    const repeat = last !== undefined && !(last < m.start && lowerBound(breaks, last) < lowerBound(breaks, m.start));
    if (furthest >= m.end || repeat) continue;
    out.push(m);
    furthest = Math.max(furthest, m.end);
    lastOf.set(phrase, Math.max(last ?? -1, m.end));
  }
  return out;
}

const SENTENCE_BREAK = new Set(['.', '!', '?', '\n']);

function crossesLine(text: string, start: number, end: number): boolean {
  return /\n\s*\n/.test(text.slice(start, end));
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
    return { ...data, matcher: phraseMatcher(data.phrases) };
  },

  check(draft, { data, options }) {
    const ignored = new Set(options.ignore);
    const reports: Report[] = [];
    const skipped = overlapTest(draft.regions.filter((r) => r.kind === 'quote' || r.kind === 'signature' || r.kind === 'footer'));
    const add = (part: 'subject' | 'body', text: string, allowed: (s: number, e: number) => boolean) => {
      for (const m of findPhrases(text, data)) {
        if (!allowed(m.start, m.end) || ignored.has(m.phrase.id)) continue;
        reports.push({
          messageId: 'phrase',
          part,
          start: m.start,
          end: m.end,
          data: { text: text.slice(m.start, m.end).replace(/\s+/g, ' '), why: m.phrase.why, instead: m.phrase.instead },
          details: { phrase: m.phrase.id, category: m.phrase.category },
        });
      }
    };
    if (draft.subject) add('subject', draft.subject.text, () => true);
    add('body', draft.body.text, (s) => !skipped(s, s + 1));
    return reports;
  },
};

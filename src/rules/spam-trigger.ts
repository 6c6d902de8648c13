import type { Rule } from '../kernel/rule.js';
import type { Report } from '../kernel/types.js';
import { findPhrases, phraseListMatcher, phraseWords } from '../analysis/phrase-list.js';
import type { StemPhraseMatcher } from '../analysis/stem-phrases.js';
import { overlapTest } from '../kernel/sorted-spans.js';

interface Phrase {
  id: string;
  tier: 'strong' | 'mild';
  match: string[];
}

interface Data {
  phrases: Phrase[];
  /** Built by prepare from the phrases. */
  matcher: StemPhraseMatcher<Phrase>;
}

interface Options {
  minCapsWords: number;
}

const EXCLAMATIONS = /!{3,}/g;

/** Runs of at least `min` words in capitals, one of four letters or more, so acronyms ("SOC 2", "HIPAA BAA") are not a run. */
function capsRuns(text: string, min: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let run: Array<{ start: number; end: number; long: boolean }> = [];
  const close = () => {
    if (run.length >= min && run.some((w) => w.long)) out.push({ start: run[0]!.start, end: run.at(-1)!.end });
    run = [];
  };
  for (const w of phraseWords(text)) {
    const letters = w.raw.replace(/[^\p{L}]/gu, '');
    const caps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    if (!caps || /\n/.test(text.slice(run.at(-1)?.end ?? w.start, w.start))) close();
    if (caps) run.push({ start: w.start, end: w.end, long: letters.length >= 4 });
  }
  close();
  return out;
}

/**
 * Wording that filters and wary readers take for spam, in tiers as data: offer and scam
 * phrases warn, pushy sales phrases are info only, and capital runs and "!!!" warn.
 */
export const spamTrigger: Rule<Options, Data> = {
  meta: {
    id: 'spam-trigger',
    type: 'problem',
    description:
      'Flags wording that spam filters and wary readers take for spam ("act now", "100% free", "risk-free", runs of capitals, "!!!"); pushy sales phrases are info only.',
    defaultSeverity: 'warning',
    messages: {
      strong: '"{{text}}" is the language of offer and scam mail: filters score it and readers stop trusting the email. Say what you offer in plain words.',
      mild: '"{{text}}" is pushy sales wording. On its own it is unlikely to send the email to spam, but several such phrases make it read like a promotion.',
      allCaps: '"{{text}}" is in capitals: it reads as shouting, and filters score runs of capitals. Write it in normal case.',
      exclamations: '"{{text}}": a run of exclamation marks is a classic spam sign. Use one at most.',
    },
    options: {
      minCapsWords: {
        type: 'number',
        default: 3,
        minimum: 2,
        description: 'Fewest words in capitals in a row that make a run (one of them of four letters or more).',
      },
    },
    docs: 'docs/rules/spam-trigger.md',
    points: 3,
    maxPoints: 6,
    group: 'form',
    extensible: { list: 'phrases', phraseFields: ['match'] },
    source:
      "Apache SpamAssassin's body and subject tests score such wording (for example `FREE_QUOTE_INSTANT`, `MONEY_BACK`, `GUARANTEED_100_PERCENT` and capital-heavy text) with small weights, each far below its spam threshold of 5: single phrases matter little on their own. The tiers and the phrases are this project's own; the mild tier is info because the evidence that single words hurt delivery is weak and false alarms are the top complaint about spam-word checkers.",
  },

  prepare(data) {
    return { ...data, matcher: phraseListMatcher(data.phrases.flatMap((p) => p.match.map((m) => [m, p] as const))) };
  },

  check(draft, { options, data }) {
    const reports: Report[] = [];
    const skipped = overlapTest(draft.regions.filter((r) => r.kind === 'quote' || r.kind === 'signature' || r.kind === 'footer'));
    // Capitals and exclamation marks in the subject are subject-line's to report, so one fault is not two findings.
    const scan = (part: 'subject' | 'body', text: string, allowed: (s: number) => boolean) => {
      const found: Report[] = [];
      const quote = (start: number, end: number) => text.slice(start, end).replace(/\s+/g, ' ');
      let until = -1;
      for (const { value, start, end } of findPhrases(text, data.matcher)) {
        // "100% free audit" is one offer, not "100% free" and then "free audit".
        if (start < until) continue;
        until = end;
        found.push({
          part,
          start,
          end,
          messageId: value.tier,
          data: { text: quote(start, end) },
          details: { phrase: value.id, tier: value.tier },
          ...(value.tier === 'mild' ? { severity: 'info' as const } : {}),
        });
      }
      if (part === 'body') {
        for (const r of capsRuns(text, options.minCapsWords)) found.push({ part, ...r, messageId: 'allCaps', data: { text: quote(r.start, r.end) } });
        for (const m of text.matchAll(EXCLAMATIONS))
          found.push({ part, start: m.index, end: m.index + m[0].length, messageId: 'exclamations', data: { text: m[0] } });
      }
      reports.push(...found.filter((r) => allowed(r.start!)).sort((a, b) => a.start! - b.start!));
    };
    if (draft.subject) scan('subject', draft.subject.text, () => true);
    scan('body', draft.body.text, (s) => !skipped(s, s + 1));
    return reports;
  },
};

import { contentStems } from '../corpus/tokens.js';
import type { Rule } from '../kernel/rule.js';
import type { Report } from '../kernel/types.js';
import type { SignalData } from '../analysis/analyze.js';
import { clip } from '../kernel/clip.js';
import { round } from '../kernel/round.js';

interface Options {
  minOverlap: number;
}

interface Data {
  signals: SignalData;
}

/**
 * The rep saved a research signal (front matter `signal:` or --signal) but the email does not
 * use it. Compared on stemmed content words, numbers and names; the finding lists what is missing.
 */
export const signalUnused: Rule<Options, Data> = {
  meta: {
    id: 'signal-unused',
    type: 'problem',
    description: 'Flags a draft whose saved research signal does not appear in the email, and says what to work in.',
    defaultSeverity: 'warning',
    messages: {
      unused: 'The research signal you saved ({{type}}"{{signal}}") is not in this email: work in {{missing}}, in your own words.',
    },
    options: {
      minOverlap: {
        type: 'number',
        default: 0.5,
        minimum: 0,
        maximum: 1,
        description: "Share of the signal's content words (numbers and names count double) the email must use.",
      },
    },
    docs: 'docs/rules/signal-unused.md',
    modes: ['draft'],
    uses: ['signals'],
    points: 25,
  },

  check(draft, { options, data, analysis }) {
    const signal = draft.signal;
    // A signal that is not concrete is missing-signal's to report: there is nothing to work in.
    if (!signal || analysis.signals(data.signals).savedSignalWeakness) return [];
    const profile = new Set(Object.values(draft.prospect).flatMap((f) => contentStems(f.value)));
    const wanted = [...new Set(contentStems(signal.text))].filter((s) => !profile.has(s));
    if (wanted.length === 0) return [];
    const skip = draft.regions.filter((r) => r.kind === 'quote' || r.kind === 'footer' || r.kind === 'signature');
    let text = draft.body.text;
    for (const r of [...skip].sort((a, b) => b.start - a.start)) text = text.slice(0, r.start) + text.slice(r.end);
    const have = new Set(contentStems(`${draft.subject?.text ?? ''}\n${text}`));
    const weight = (s: string) => (/\d/.test(s) || isName(signal.text, s) ? 2 : 1);
    const total = wanted.reduce((n, s) => n + weight(s), 0);
    const found = wanted.filter((s) => have.has(s)).reduce((n, s) => n + weight(s), 0);
    if (found / total >= options.minOverlap) return [];
    const missing = wanted.filter((s) => !have.has(s)).sort((a, b) => weight(b) - weight(a));
    const words = missing.slice(0, 4).map((s) => surfaceWord(signal.text, s));
    const report: Report = {
      messageId: 'unused',
      data: { type: signal.type ? `${signal.type}: ` : '', signal: clip(signal.text, 80), missing: words.map((w) => `"${w}"`).join(', ') },
      details: { overlap: round(found / total, 2), missing: words },
    };
    if (signal.position) report.position = signal.position;
    return [report];
  },
};

/** The word as the rep wrote it, for a stem. */
function surfaceWord(text: string, stem: string): string {
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'.,$%-]*/gu)) {
    const w = m[0].replace(/[.,]+$/, '');
    if (contentStems(w)[0] === stem) return w;
  }
  return stem;
}

/** A capitalised word that does not start the signal is a name (the first word is capitalised anyway). */
function isName(text: string, stem: string): boolean {
  const word = surfaceWord(text, stem);
  return /^\p{Lu}/u.test(word) && !text.trimStart().startsWith(word);
}

import { compareText } from '../kernel/compare-text.js';

/** The drafts of one rep or one sequence step: how many, their verdicts and their median score. */
export interface ReviewGroup {
  drafts: number;
  verdicts: { block: number; 'needs-signal': number; revise: number; pass: number };
  medianScore: number;
}

/** A review's drafts by rep and by step; empty when the input names neither. */
export interface ReviewGroups {
  byOwner: Record<string, ReviewGroup>;
  byStep: Record<string, ReviewGroup>;
}

interface GroupFact {
  /** The reps who sent it: one as a rule, several when an export splits a template's sends among them. */
  owners: string[];
  step: string | undefined;
  verdict: keyof ReviewGroup['verdicts'];
  score: number;
}

/** Groups a review's drafts by their owner and by their step (steps in number order). */
export function reviewGroups(facts: GroupFact[]): ReviewGroups {
  const by = (keys: (f: GroupFact) => string[], order: (a: string, b: string) => number) => {
    const groups = new Map<string, { verdicts: ReviewGroup['verdicts']; scores: number[] }>();
    for (const f of facts)
      for (const k of keys(f)) {
        let g = groups.get(k);
        if (!g) groups.set(k, (g = { verdicts: { block: 0, 'needs-signal': 0, revise: 0, pass: 0 }, scores: [] }));
        g.verdicts[f.verdict]++;
        g.scores.push(f.score);
      }
    const out: Record<string, ReviewGroup> = {};
    for (const k of [...groups.keys()].sort(order)) {
      const g = groups.get(k)!;
      out[k] = { drafts: g.scores.length, verdicts: g.verdicts, medianScore: median(g.scores) };
    }
    return out;
  };
  return {
    byOwner: by((f) => f.owners, compareText),
    byStep: by(
      (f) => (f.step === undefined ? [] : [f.step]),
      (a, b) => Number(a) - Number(b) || compareText(a, b),
    ),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

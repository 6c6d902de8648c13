import { compareText } from '../kernel/compare-text.js';

/** One change that moves drafts out of block and needs-signal, and what it would move. */
export interface FixFirst {
  /** The rules whose findings decide those drafts' verdicts: fixing all of them moves each draft out. */
  rules: string[];
  drafts: number;
  /** Emails the drafts were sent as, when the review has outcomes; null otherwise. */
  sent: number | null;
  verdicts: { block: number; 'needs-signal': number };
  /** The first few drafts it touches, worst first, and how many more. */
  templates: string[];
  more: number;
}

/** What fix-first needs of one draft, worst first. */
export interface FixFact {
  name: string;
  verdict: string;
  /** The rules that decide its verdict (its errors' rules for block, the needs-signal rules otherwise). */
  decidedBy: readonly string[];
  sent: number | undefined;
}

const SHOWN = 5;

/**
 * The few changes that would move the most sends (or, without outcomes, the most drafts) out
 * of block and needs-signal: drafts grouped by the rules that decide their verdict, largest
 * group first. A manager reads three lines instead of the same top finding on most rows.
 */
export function fixFirst(worstFirst: Iterable<FixFact>, withOutcomes: boolean, top = 3): FixFirst[] {
  const groups = new Map<string, FixFirst>();
  for (const f of worstFirst) {
    if ((f.verdict !== 'block' && f.verdict !== 'needs-signal') || !f.decidedBy.length) continue;
    const rules = [...f.decidedBy].sort(compareText);
    const key = rules.join(' + ');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rules, drafts: 0, sent: withOutcomes ? 0 : null, verdicts: { block: 0, 'needs-signal': 0 }, templates: [], more: 0 }));
    g.drafts++;
    if (g.sent !== null) g.sent += f.sent ?? 0;
    g.verdicts[f.verdict]++;
    if (g.templates.length < SHOWN) g.templates.push(f.name);
    else g.more++;
  }
  const weight = (g: FixFirst) => g.sent ?? g.drafts;
  return [...groups.values()]
    .sort((a, b) => weight(b) - weight(a) || b.drafts - a.drafts || compareText(a.rules.join(' + '), b.rules.join(' + ')))
    .slice(0, top);
}

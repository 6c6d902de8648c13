import { compareText } from '../kernel/compare-text.js';
import { round } from '../kernel/round.js';
import type { Verdict } from '../kernel/types.js';
import type { Outcome } from './outcome.js';
import { dispersion, UnitSums } from './dispersion.js';
import { wilsonInterval } from './wilson.js';

/** Sends each side of a comparison needs before a difference is called out, unless --min-sends says otherwise. */
export const MIN_SENDS = 200;

/**
 * How a group's reply rate compares with the rest: lower or higher only when both sides have
 * at least the minimum of sends and their 95% intervals do not overlap.
 */
export type Difference = 'lower' | 'higher' | 'no clear difference' | 'not enough sends to tell';

/** The outcomes of a group of drafts: the counts behind the rate, and its 95% Wilson interval. */
export interface OutcomeEntry {
  drafts: number;
  sent: number;
  replied: number;
  /** Replies per email sent (or delivered); null with no sends. */
  replyRate: number | null;
  /**
   * 95% Wilson interval on sent / dispersion emails: widened by how much more the group's
   * templates differ from one another than chance alone would make them.
   */
  interval: [low: number, high: number];
  /** The between-template dispersion the interval allows for (quasi-binomial φ); 1 is none beyond chance. */
  dispersion: number;
  bounced?: number;
  optedOut?: number;
  /** Against the drafts outside the group (for a rule, the drafts without its finding). */
  difference: Difference;
}

/** A rule's drafts with the finding (the entry) and without it. */
export interface RuleOutcome extends OutcomeEntry {
  without: Omit<OutcomeEntry, 'difference'>;
}

/** A difference the data shows: the group, its side and the other side. */
export interface Callout {
  family: Family;
  key: string;
  difference: 'lower' | 'higher';
  entry: Omit<OutcomeEntry, 'difference'>;
  other: Omit<OutcomeEntry, 'difference'>;
}

type Family = 'verdict' | 'scoreBand' | 'rule' | 'cluster' | 'owner' | 'step';

/** Reply rates across a review, per verdict, score band, rule, near-copy cluster, rep and step. */
export interface Outcomes {
  minSends: number;
  /** Drafts with an outcome, and those without (no row of the export named them). */
  drafts: number;
  unmatched: number;
  overall: Omit<OutcomeEntry, 'difference'>;
  byVerdict: Record<string, OutcomeEntry>;
  byScoreBand: Record<string, OutcomeEntry>;
  byRule: Record<string, RuleOutcome>;
  byCluster: Record<string, OutcomeEntry>;
  byOwner: Record<string, OutcomeEntry>;
  byStep: Record<string, OutcomeEntry>;
  /** How many comparisons had enough sends on both sides to call out a difference: each is a chance of a false one. */
  comparisons: number;
  calledOut: Callout[];
}

/** What the statistics need of one draft. */
export interface OutcomeFact {
  outcome: Outcome | undefined;
  verdict: Verdict;
  score: number;
  rules: readonly string[];
  cluster?: number;
  /**
   * The unit this draft's sends share their fate with, for the dispersion: its near-copy
   * cluster, or the draft itself when an export splits its sends among reps. None: it is a unit alone.
   */
  unit?: string;
  owner?: string;
  /** The reps an export splits the draft's sends among, each with their share (instead of `owner`). */
  sentBy?: ReadonlyMap<string, Outcome>;
  step?: string;
}

/** The score bands of docs/scoring.md, each with what it means to a rep. */
export const SCORE_BANDS: ReadonlyArray<[band: string, low: number]> = [
  ['80-100', 80],
  ['61-79', 61],
  ['46-60', 46],
  ['0-45', 0],
];

export function scoreBand(score: number): string {
  return SCORE_BANDS.find(([, low]) => score >= low)![0];
}

const VERDICT_ORDER: Verdict[] = ['block', 'needs-signal', 'revise', 'pass'];

class Tally {
  drafts = 0;
  sent = 0;
  replied = 0;
  bounced: number | undefined;
  optedOut: number | undefined;
  readonly units = new UnitSums();

  add(o: Outcome, unit: string | undefined): void {
    this.drafts++;
    this.units.add(o.sent, o.replied, unit);
    this.sent += o.sent;
    this.replied += o.replied;
    if (o.bounced !== undefined) this.bounced = (this.bounced ?? 0) + o.bounced;
    if (o.optedOut !== undefined) this.optedOut = (this.optedOut ?? 0) + o.optedOut;
  }

  minus(other: Tally): Tally {
    const t = new Tally();
    t.drafts = this.drafts - other.drafts;
    t.sent = this.sent - other.sent;
    t.replied = this.replied - other.replied;
    if (this.bounced !== undefined) t.bounced = this.bounced - (other.bounced ?? 0);
    if (this.optedOut !== undefined) t.optedOut = this.optedOut - (other.optedOut ?? 0);
    return t;
  }

  /**
   * The entry, its interval widened by the dispersion over `units` (this tally's own unless
   * given). A group of one template cannot show how templates differ: it takes `pooled`, the
   * dispersion over every template of the review, rather than none.
   */
  entry(units: { k: number; s: number } = this.units.sums(), pooled = 1): Omit<OutcomeEntry, 'difference'> {
    const phi = units.k < 2 ? pooled : dispersion(this.replied, this.sent, units);
    const [low, high] = wilsonInterval(this.replied / phi, this.sent / phi);
    const e: Omit<OutcomeEntry, 'difference'> = {
      drafts: this.drafts,
      sent: this.sent,
      replied: this.replied,
      replyRate: this.sent > 0 ? round(this.replied / this.sent, 4) : null,
      interval: [round(low, 4), round(high, 4)],
      dispersion: round(phi, 2),
    };
    if (this.bounced !== undefined) e.bounced = this.bounced;
    if (this.optedOut !== undefined) e.optedOut = this.optedOut;
    return e;
  }
}

/**
 * The reply rates of a review's drafts, or undefined when none has an outcome. Each group is
 * compared with the drafts outside it; a rule's drafts with the finding with those without.
 * A difference is called out only when both sides have `minSends` sends and the two 95%
 * Wilson intervals do not overlap, and every comparison that could have been called out is
 * counted, so a reader can weigh one call-out among many.
 */
export function summarizeOutcomes(facts: Iterable<OutcomeFact>, minSends = MIN_SENDS): Outcomes | undefined {
  const all = new Tally();
  const families = new Map<Family, Map<string, Tally>>();
  const into = (family: Family, key: string | undefined, o: Outcome, unit: string | undefined) => {
    if (key === undefined) return;
    let groups = families.get(family);
    if (!groups) families.set(family, (groups = new Map()));
    let t = groups.get(key);
    if (!t) groups.set(key, (t = new Tally()));
    t.add(o, unit);
  };
  let unmatched = 0;
  let splitDrafts = 0;
  for (const f of facts) {
    if (!f.outcome) {
      unmatched++;
      continue;
    }
    // A draft whose sends an export splits among reps is a unit of its own: each rep's group holds a part of it.
    const u = f.unit ?? (f.sentBy ? `draft ${++splitDrafts}` : undefined);
    all.add(f.outcome, u);
    into('verdict', f.verdict, f.outcome, u);
    into('scoreBand', scoreBand(f.score), f.outcome, u);
    for (const r of f.rules) into('rule', r, f.outcome, u);
    into('cluster', f.cluster === undefined ? undefined : String(f.cluster), f.outcome, u);
    if (f.sentBy) for (const [owner, share] of f.sentBy) into('owner', owner, share, u);
    else into('owner', f.owner, f.outcome, u);
    into('step', f.step, f.outcome, u);
  }
  if (all.drafts === 0) return undefined;
  const allUnits = all.units.sums();
  const pooled = dispersion(all.replied, all.sent, allUnits);
  let comparisons = 0;
  const calledOut: Callout[] = [];
  const family = (name: Family, order?: (a: string, b: string) => number): Record<string, OutcomeEntry> => {
    const groups = families.get(name) ?? new Map<string, Tally>();
    const out: Record<string, OutcomeEntry> = {};
    const keys = [...groups.keys()].sort(order ?? compareText);
    for (const [k, key] of keys.entries()) {
      const t = groups.get(key)!;
      const entry = t.entry(undefined, pooled);
      const other = all.minus(t).entry(t.units.restSums(all.units, allUnits), pooled);
      const difference = compare(entry, other, minSends);
      // Of two groups that make up the whole, the second's comparison is the first's turned round: not a comparison of its own.
      const mirror = name !== 'rule' && keys.length === 2 && k === 1 && all.minus(t).drafts === groups.get(keys[0]!)!.drafts;
      if (difference !== 'not enough sends to tell' && !mirror) comparisons++;
      if ((difference === 'lower' || difference === 'higher') && !mirror) calledOut.push({ family: name, key, difference, entry, other });
      out[key] = name === 'rule' ? ({ ...entry, difference, without: other } as RuleOutcome) : { ...entry, difference };
    }
    return out;
  };
  const byVerdict = family('verdict', (a, b) => VERDICT_ORDER.indexOf(a as Verdict) - VERDICT_ORDER.indexOf(b as Verdict));
  const byScoreBand = family('scoreBand', (a, b) => parseInt(b, 10) - parseInt(a, 10));
  const byRule = family('rule') as Record<string, RuleOutcome>;
  const byCluster = family('cluster', (a, b) => Number(a) - Number(b));
  const byOwner = family('owner');
  const byStep = family('step', (a, b) => Number(a) - Number(b) || compareText(a, b));
  return {
    minSends,
    drafts: all.drafts,
    unmatched,
    overall: all.entry(allUnits),
    byVerdict,
    byScoreBand,
    byRule,
    byCluster,
    byOwner,
    byStep,
    comparisons,
    calledOut,
  };
}

function compare(a: Omit<OutcomeEntry, 'difference'>, b: Omit<OutcomeEntry, 'difference'>, minSends: number): Difference {
  if (a.sent < minSends || b.sent < minSends) return 'not enough sends to tell';
  if (a.interval[1] < b.interval[0]) return 'lower';
  if (a.interval[0] > b.interval[1]) return 'higher';
  return 'no clear difference';
}

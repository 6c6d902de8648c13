import type { RuleMeta } from './rule.js';
import type { Finding, Severity, Verdict } from './types.js';
import { compareText } from './compare-text.js';

/**
 * The context score starts at 100. Each finding takes off its rule's `points` (by default 30
 * for an error and 12 for a warning; an error never takes less than 30), at most `maxPoints`
 * per rule (by default 60) so one noisy rule cannot hide the others; info findings take
 * nothing. The score never drops below 0. See docs/scoring.md.
 */
export const POINTS: Record<Severity, number> = { error: 30, warning: 12, info: 0 };
export const RULE_CAP = 60;

export interface ScoreBreakdown {
  score: number;
  /** Points lost per rule id, largest first. */
  lost: BreakdownEntry[];
}

/** What one rule took off the score; `group` is set for form rules (length, links...). */
export interface BreakdownEntry {
  ruleId: string;
  points: number;
  findings: number;
  group?: 'form';
}

type Weights = Pick<RuleMeta, 'points' | 'maxPoints' | 'group'>;

/** Points one finding costs under its rule's weights. */
export function findingPoints(f: Finding, weights: Weights = {}): number {
  if (f.severity === 'info') return 0;
  const base = weights.points ?? POINTS[f.severity];
  return f.severity === 'error' ? Math.max(base, POINTS.error) : base;
}

export function scoreFindings(findings: Finding[], weights: ReadonlyMap<string, Weights> = new Map()): ScoreBreakdown {
  const perRule = new Map<string, { points: number; findings: number }>();
  for (const f of findings) {
    const w = weights.get(f.ruleId) ?? {};
    const entry = perRule.get(f.ruleId) ?? { points: 0, findings: 0 };
    entry.points = Math.min(w.maxPoints ?? RULE_CAP, entry.points + findingPoints(f, w));
    entry.findings++;
    perRule.set(f.ruleId, entry);
  }
  const lost = [...perRule.entries()]
    .map(([ruleId, e]): BreakdownEntry => (weights.get(ruleId)?.group ? { ruleId, ...e, group: weights.get(ruleId)!.group! } : { ruleId, ...e }))
    .filter((e) => e.points > 0)
    .sort((a, b) => b.points - a.points || compareText(a.ruleId, b.ruleId));
  const total = lost.reduce((sum, e) => sum + e.points, 0);
  return { score: Math.max(0, 100 - total), lost };
}

/**
 * DESIGN.md: block on any error, else needs-signal when a rule whose meta says so fired,
 * else revise on any warning. A form rule's warning is left out of that last step: how long
 * an email is or how many links it has never decides the verdict alone.
 */
export function verdictOf(findings: Finding[], metas: ReadonlyMap<string, Pick<RuleMeta, 'verdict' | 'group'>> = new Map()): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'block';
  if (findings.some((f) => metas.get(f.ruleId)?.verdict === 'needs-signal')) return 'needs-signal';
  if (findings.some((f) => f.severity === 'warning' && metas.get(f.ruleId)?.group !== 'form')) return 'revise';
  return 'pass';
}

import type { Finding, Severity, Verdict } from './types.js';

/**
 * Points a finding costs, by severity. The context score starts at 100 and loses these for
 * each finding, at most 60 per rule so that one noisy rule cannot hide the others, and never
 * drops below 0. Info findings cost nothing: they are reminders, not problems.
 */
export const POINTS: Record<Severity, number> = { error: 30, warning: 12, info: 0 };
export const RULE_CAP = 60;

export interface ScoreBreakdown {
  score: number;
  /** Points lost per rule id, largest first. */
  lost: Array<{ ruleId: string; points: number; findings: number }>;
}

export function scoreFindings(findings: Finding[]): ScoreBreakdown {
  const perRule = new Map<string, { points: number; findings: number }>();
  for (const f of findings) {
    const entry = perRule.get(f.ruleId) ?? { points: 0, findings: 0 };
    entry.points = Math.min(RULE_CAP, entry.points + POINTS[f.severity]);
    entry.findings++;
    perRule.set(f.ruleId, entry);
  }
  const lost = [...perRule.entries()]
    .map(([ruleId, e]) => ({ ruleId, ...e }))
    .filter((e) => e.points > 0)
    .sort((a, b) => b.points - a.points || a.ruleId.localeCompare(b.ruleId));
  const total = lost.reduce((sum, e) => sum + e.points, 0);
  return { score: Math.max(0, 100 - total), lost };
}

/** DESIGN.md: block on any error, else needs-signal when missing-signal fired, else revise on any warning. */
export function verdictOf(findings: Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'block';
  if (findings.some((f) => f.ruleId === 'missing-signal')) return 'needs-signal';
  if (findings.some((f) => f.severity === 'warning')) return 'revise';
  return 'pass';
}

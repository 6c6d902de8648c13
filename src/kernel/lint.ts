import type { KernelServices, Rule } from './rule.js';
import { scoreFindings, verdictOf } from './score.js';
import type { Draft, Finding, LintResult, Position, Report, Severity } from './types.js';
import { compareText } from './compare-text.js';

/** A rule switched on, with its severity and options settled by the config. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
  data: unknown;
}

/**
 * The kernel: runs the active rules over one draft and scores the result. Pure: it reads
 * nothing but its arguments, so the CLI, the server and the library all get the same answer.
 */
export function lintDraft(draft: Draft, rules: ActiveRule[], services: KernelServices = {}): LintResult {
  const findings: Finding[] = [];
  const enabled = new Map(rules.map((r) => [r.rule.meta.id, r.options]));
  for (const active of rules) {
    const { meta } = active.rule;
    if (meta.modes && !meta.modes.includes(draft.mode)) continue;
    const reports = active.rule.check(draft, { options: active.options, data: active.data, severity: active.severity, services, active: enabled });
    for (const report of reports) findings.push(toFinding(draft, active, report));
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId));
  const { score, lost } = scoreFindings(findings, new Map(rules.map((r) => [r.rule.meta.id, r.rule.meta])));
  const result: LintResult = {
    filePath: draft.filePath,
    verdict: verdictOf(findings),
    score,
    findings,
    errorCount: count(findings, 'error'),
    warningCount: count(findings, 'warning'),
    infoCount: count(findings, 'info'),
    mode: draft.mode,
    scoreBreakdown: lost,
  };
  if (draft.index !== undefined) result.index = draft.index;
  return result;
}

function count(findings: Finding[], severity: Severity): number {
  return findings.reduce((n, f) => n + (f.severity === severity ? 1 : 0), 0);
}

/** Fills a message template: `{{name}}` from data, in one pass so data is never re-read. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

function toFinding(draft: Draft, active: ActiveRule, report: Report): Finding {
  const { meta } = active.rule;
  const template = meta.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} reported unknown message id "${report.messageId}"`);
  const [start, end] = positionsOf(draft, report);
  const finding: Finding = {
    ruleId: meta.id,
    severity: report.severity ?? active.severity,
    message: formatMessage(template, report.data),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    messageId: report.messageId,
  };
  if (report.extra) Object.assign(finding, report.extra);
  return finding;
}

function positionsOf(draft: Draft, report: Report): [Position, Position] {
  if (report.position) return [report.position, report.endPosition ?? report.position];
  const part = report.part === 'subject' ? draft.subject : report.part === 'body' ? draft.body : undefined;
  if (!part || report.start === undefined) return [draft.anchor, draft.anchor];
  const start = part.map.toPosition(report.start);
  const end = part.map.toPosition(report.end ?? report.start);
  return [start, end];
}

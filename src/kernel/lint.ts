import type { KernelServices, Rule } from './rule.js';
import { scoreFindings, verdictOf } from './score.js';
import type { Draft, Finding, LintResult, Position, Report, Severity } from './types.js';
import { compareText } from './compare-text.js';
import { containmentTest } from './sorted-spans.js';
import { Analysis } from '../analysis/analysis.js';

/** A rule switched on, with its severity and options settled by the config. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
  data: unknown;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The kernel: runs the active rules over one draft and scores the result. Pure: it reads
 * nothing but its arguments, so the CLI, the server and the library all get the same answer.
 */
export function lintDraft(draft: Draft, rules: ActiveRule[], services: KernelServices = {}): LintResult {
  const analysis = new Analysis(draft, services);
  const reported: Array<{ active: ActiveRule; reports: Report[] }> = [];
  for (const active of rules) {
    const { meta } = active.rule;
    if (meta.modes && !meta.modes.includes(draft.mode)) continue;
    reported.push({ active, reports: active.rule.check(draft, { options: active.options, data: active.data, severity: active.severity, services, analysis }) });
  }
  dropSuperseded(reported);
  const findings: Finding[] = [];
  let prompt: LintResult['prompt'];
  for (const { active, reports } of reported) {
    for (const report of reports) {
      findings.push(toFinding(draft, active, report));
      if (report.prompt && active.rule.meta.verdict === 'needs-signal') prompt ??= report.prompt;
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId));
  const metas = new Map(rules.map((r) => [r.rule.meta.id, r.rule.meta]));
  const { score, lost } = scoreFindings(findings, metas);
  const result: LintResult = {
    filePath: draft.filePath,
    verdict: verdictOf(findings, metas),
    score,
    findings,
    errorCount: count(findings, 'error'),
    warningCount: count(findings, 'warning'),
    infoCount: count(findings, 'info'),
    mode: draft.mode,
    scoreBreakdown: lost,
    metrics: analysis.form.metrics,
  };
  if (prompt) result.prompt = prompt;
  if (draft.index !== undefined) result.index = draft.index;
  return result;
}

/**
 * A rule's meta may say its findings make another rule's redundant (a stock sentence holds
 * the stock phrase inside it): the contained finding is dropped here, so neither rule has to
 * know whether the other is on.
 */
function dropSuperseded(reported: Array<{ active: ActiveRule; reports: Report[] }>): void {
  for (const { active, reports } of reported) {
    for (const { rule, messages } of active.rule.meta.supersedes ?? []) {
      const target = reported.find((r) => r.active.rule.meta.id === rule);
      if (!target) continue;
      const covering = reports.filter((r) => r.part && r.start !== undefined && (!messages || messages.includes(r.messageId)));
      if (covering.length === 0) continue;
      const within = new Map<string, (start: number, end: number) => boolean>();
      for (const part of new Set(covering.map((r) => r.part!))) {
        within.set(part, containmentTest(covering.filter((r) => r.part === part).map((r) => ({ start: r.start!, end: r.end ?? r.start! }))));
      }
      target.reports = target.reports.filter((r) => !(r.part && r.start !== undefined && within.get(r.part)?.(r.start, r.end ?? r.start)));
    }
  }
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
  // The configured severity is a ceiling: a rule may report a milder finding, never a harsher one.
  const severity = report.severity && RANK[report.severity] < RANK[active.severity] ? report.severity : active.severity;
  const finding: Finding = {
    ruleId: meta.id,
    severity,
    message: formatMessage(template, report.data),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    messageId: report.messageId,
  };
  if (report.details) finding.details = report.details;
  return finding;
}

function positionsOf(draft: Draft, report: Report): [Position, Position] {
  if (report.position) return [report.position, report.endPosition ?? report.position];
  const part = report.part ? draft[report.part] : undefined;
  if (!part || report.start === undefined) return [draft.anchor, draft.anchor];
  const start = part.map.toPosition(report.start);
  const end = part.map.toPosition(report.end ?? report.start);
  return [start, end];
}

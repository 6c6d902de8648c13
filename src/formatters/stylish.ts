import type { DraftMetrics, Finding } from '../kernel/types.js';
import type { DraftResult } from '../outreach-lint.js';
import type { Colors, Formatter } from './types.js';

const MAX_LINE = 110;

/**
 * The default, for people: per file its verdict and score, then each finding with its
 * position, severity, message and rule id, the offending line with a caret under the span,
 * and a summary at the end.
 */
export const stylish: Formatter = (results, { color: c }) => {
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  const verdicts = new Map<string, number>();
  for (const r of results) {
    verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
    if (r.findings.length === 0) continue;
    const name = r.index !== undefined ? `${r.filePath} [${r.index}]` : r.filePath;
    out.push('', c.underline(name));
    out.push(`  ${c.dim(r.mode)}  ${verdictLabel(r.verdict, c)}  ${c.dim(`score ${r.score}/100`)}${breakdown(r, c)}`);
    if (r.metrics) out.push(`  ${c.dim(metricsLine(r.metrics))}`);
    const width = Math.max(...r.findings.map((f) => `${f.line}:${f.column}`.length));
    for (const f of r.findings) {
      totals[f.severity]++;
      const pos = `${f.line}:${f.column}`.padEnd(width);
      out.push(`  ${c.dim(pos)}  ${severityLabel(f.severity, c)}  ${f.message}  ${c.dim(f.ruleId)}`);
      const snippet = caret(r, f, width + 4, c);
      if (snippet) out.push(...snippet);
    }
    if (r.prompt) {
      out.push(`${' '.repeat(width + 4)}${c.blue('?')} ${r.prompt.question}`);
      out.push(`${' '.repeat(width + 6)}${c.dim(r.prompt.answer)}`);
    }
  }
  const problems = totals.error + totals.warning + totals.info;
  out.push('');
  if (problems > 0) {
    const mark = totals.error ? c.red('✖') : totals.warning ? c.yellow('⚠') : c.blue('ℹ');
    const line = `${mark} ${plural(problems, 'problem')} (${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${plural(totals.info, 'info')})`;
    out.push(c.bold(line));
  } else {
    out.push(c.green(`✔ no problems in ${plural(results.length, 'draft')}`));
  }
  if (results.length > 0) {
    const order = ['block', 'needs-signal', 'revise', 'pass'];
    const parts = order.filter((v) => verdicts.has(v)).map((v) => `${verdicts.get(v)} ${v}`);
    out.push(c.dim(`  ${plural(results.length, 'draft')}: ${parts.join(', ')}`));
  }
  return `${out.join('\n').replace(/^\n/, '')}\n`;
};

function breakdown(r: DraftResult, c: Colors): string {
  if (r.scoreBreakdown.length === 0) return '';
  return c.dim(` (${r.scoreBreakdown.map((b) => `-${b.points} ${b.ruleId}`).join(', ')})`);
}

/** `142 words · grade 6.2 · 1 question · 2 links`: the draft's form at a glance. */
export function metricsLine(m: DraftMetrics): string {
  return [plural(m.words, 'word'), `grade ${m.grade}`, plural(m.questions, 'question'), plural(m.links, 'link')].join(' · ');
}

function verdictLabel(v: string, c: Colors): string {
  const text = v.toUpperCase();
  return v === 'block' ? c.red(c.bold(text)) : v === 'needs-signal' ? c.blue(c.bold(text)) : v === 'revise' ? c.yellow(c.bold(text)) : c.green(c.bold(text));
}

function severityLabel(s: Finding['severity'], c: Colors): string {
  return s === 'error' ? c.red('error  ') : s === 'warning' ? c.yellow('warning') : c.blue('info   ');
}

/** The offending line, clipped around the finding, with ^ under the span. */
function caret(r: DraftResult, f: Finding, indent: number, c: Colors): string[] | undefined {
  const line = lineOf(r.draft.source, f.line);
  if (line === undefined || line.trim() === '') return undefined;
  const text = line.replace(/\t/g, ' ');
  const start = Math.min(f.column - 1, text.length);
  const end = f.endLine === f.line ? Math.max(start + 1, Math.min(f.endColumn - 1, text.length)) : text.length;
  let from = 0;
  if (text.length > MAX_LINE) from = Math.max(0, Math.min(start - 20, text.length - MAX_LINE));
  const shown = text.slice(from, from + MAX_LINE);
  const marks = Math.max(1, Math.min(end, from + MAX_LINE) - start);
  const pad = ' '.repeat(indent);
  return [
    `${pad}${from > 0 ? '…' : ''}${shown}${from + MAX_LINE < text.length ? '…' : ''}`,
    `${pad}${from > 0 ? ' ' : ''}${' '.repeat(start - from)}${c.red('^'.repeat(marks))}`,
  ];
}

function lineOf(source: string, line: number): string | undefined {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = source.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const nl = source.indexOf('\n', start);
  return source.slice(start, nl < 0 ? source.length : nl).replace(/\r$/, '');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

import type { Colors } from '../formatters/types.js';
import { outcomeSayings, percent, rateText } from '../outcomes/outcome-words.js';
import type { OutcomeEntry } from '../outcomes/outcome-stats.js';
import type { FixFirst } from './fix-first.js';
import type { ReviewGroup } from './review-groups.js';
import type { Review, ReviewItem } from './review.js';

const WIDTH = 60;

/** The terminal view: totals, the table worst first, the files that could not be read, totals per rule, and the near-copy clusters. */
export function reviewText(review: Review, c: Colors, limit = Infinity): string {
  const n = review.count;
  const out: string[] = [];
  out.push(c.bold(`${n} ${n === 1 ? 'template' : 'templates'}, ${review.distinct} distinct ${review.distinct === 1 ? 'email' : 'emails'}`));
  out.push(
    `  ${Object.entries(review.verdicts)
      .map(([v, k]) => `${k} ${v}`)
      .join(', ')}`,
  );
  out.push('');
  const owners = Object.keys(review.groups.byOwner).length > 0;
  const steps = Object.keys(review.groups.byStep).length > 0;
  const fixes = new Map(review.fixFirst.map((f, k) => [f.rules.join(' + '), k + 1]));
  const columns: Array<[head: string, cell: (it: ReviewItem) => string, right?: boolean]> = [
    ['name', (it) => clip(it.name, 44)],
    ['verdict', (it) => it.verdict],
    ['score', (it) => String(it.score), true],
    ['cluster', (it) => (it.cluster ? `#${it.cluster}` : '')],
  ];
  if (owners) columns.push(['rep', (it) => clip(it.owner ?? '', 20)]);
  if (steps) columns.push(['step', (it) => it.step ?? '']);
  if (review.outcomes)
    columns.push([
      'reply rate',
      (it) => (it.outcome ? `${it.outcome.sent > 0 ? percent(it.outcome.replied / it.outcome.sent) : '-'} (${it.outcome.replied}/${it.outcome.sent})` : ''),
      true,
    ]);
  // A draft one of the fixes below covers names the fix, so that the same long finding is not on every row.
  columns.push([
    'top finding',
    (it) => {
      const fix = fixes.get([...it.decidedBy].sort().join(' + '));
      if (fix !== undefined && (it.verdict === 'block' || it.verdict === 'needs-signal'))
        return `fix ${fix} (${it.decidedBy.length > 1 ? `${it.decidedBy.length} rules` : it.decidedBy[0]})`;
      return it.topFinding ? clip(`${it.topFinding.ruleId}: ${it.topFinding.message}`, WIDTH) : '';
    },
  ]);
  const rows = [...review.items(0, limit)].map((it) => columns.map(([, cell]) => cell(it)));
  const head = columns.map(([h]) => h);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (columns[i]![2] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  out.push(c.dim(line(head)));
  for (const r of rows) out.push(line(r));
  if (n > limit) out.push(c.dim(`… and ${n - limit} more (use --format json or --report for all)`));
  if (review.failed.length) {
    out.push('');
    out.push(c.bold(`Could not be read: ${review.failed.length} ${review.failed.length === 1 ? 'file' : 'files'}`));
    for (const f of review.failed) out.push(`  ${f.error}`);
  }
  if (review.fixFirst.length) {
    out.push('');
    out.push(c.bold('Fix first'));
    for (const [k, f] of review.fixFirst.entries()) out.push(`  ${k + 1}. ${fixLine(f)}`);
  }
  const o = review.outcomes;
  if (o) {
    out.push('');
    out.push(c.bold('What the data says'));
    for (const s of outcomeSayings(o)) out.push(`  ${s}`);
    out.push('');
    out.push(c.bold(`Reply rate: ${rateText(o.overall)} in all`));
    const entries: Array<[string, OutcomeEntry]> = [
      ...Object.entries(o.byVerdict).map(([k, e]): [string, OutcomeEntry] => [k, e]),
      ...Object.entries(o.byScoreBand).map(([k, e]): [string, OutcomeEntry] => [`score ${k}`, e]),
    ];
    for (const [k, e] of entries)
      out.push(`  ${k.padEnd(14)}${rateText(e)}${e.difference === 'lower' || e.difference === 'higher' ? `  ${e.difference}` : ''}`);
  }
  for (const [title, groups, rates] of [
    ['By rep', review.groups.byOwner, o?.byOwner],
    ['By step', review.groups.byStep, o?.byStep],
  ] as const) {
    if (!Object.keys(groups).length) continue;
    out.push('');
    out.push(c.bold(title));
    for (const [k, g] of Object.entries(groups)) out.push(`  ${clip(k, 24).padEnd(24)}  ${groupLine(g, rates?.[k])}`);
  }
  out.push('');
  out.push(c.bold('Findings per rule'));
  for (const [rule, k] of Object.entries(review.rules).sort((a, b) => b[1] - a[1])) out.push(`  ${String(k).padStart(5)}  ${rule}`);
  if (review.clusters.length) {
    out.push('');
    out.push(c.bold(`Near-copies: ${review.clusters.length} ${review.clusters.length === 1 ? 'cluster' : 'clusters'}`));
    for (const cl of review.clusters) out.push(`  #${cl.id} (${cl.members.length}): ${cl.members.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

function fixLine(f: FixFirst): string {
  const moved = [f.verdicts.block ? `${f.verdicts.block} block` : '', f.verdicts['needs-signal'] ? `${f.verdicts['needs-signal']} needs-signal` : '']
    .filter(Boolean)
    .join(', ');
  const sends = f.sent !== null ? `, ${f.sent.toLocaleString('en-US')} sent` : '';
  return `${f.rules.join(' + ')}: ${f.drafts} ${f.drafts === 1 ? 'draft' : 'drafts'} (${moved}${sends}): ${f.templates.join(', ')}${f.more ? ` and ${f.more} more` : ''}`;
}

function groupLine(g: ReviewGroup, rate: OutcomeEntry | undefined): string {
  const stuck = g.verdicts.block + g.verdicts['needs-signal'];
  const base = `${g.drafts} ${g.drafts === 1 ? 'draft' : 'drafts'}, ${stuck} block or needs-signal, median score ${g.medianScore}`;
  return rate ? `${base}, replies ${rateText(rate)}` : base;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length <= n ? one : `${one.slice(0, n - 1)}…`;
}

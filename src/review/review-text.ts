import type { Colors } from '../formatters/types.js';
import type { Review } from './review.js';

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
  const rows = [...review.items(0, limit)].map((it) => [
    clip(it.name, 44),
    it.verdict,
    String(it.score),
    it.cluster ? `#${it.cluster}` : '',
    it.topFinding ? clip(`${it.topFinding.ruleId}: ${it.topFinding.message}`, WIDTH) : '',
  ]);
  const head = ['name', 'verdict', 'score', 'cluster', 'top finding'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
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

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length <= n ? one : `${one.slice(0, n - 1)}…`;
}

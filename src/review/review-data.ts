import type { Review } from './review.js';

/** The review as plain data: what --format json prints and what the HTML report embeds. */
export function reviewData(review: Review) {
  return {
    summary: { templates: review.items.length, distinct: review.distinct, failed: review.failed.length, verdicts: review.verdicts, rules: review.rules },
    clusters: review.clusters,
    items: review.items.map((it) => ({
      name: it.name,
      filePath: it.result.filePath,
      verdict: it.result.verdict,
      score: it.result.score,
      mode: it.result.mode,
      cluster: it.cluster ?? null,
      nearest: it.nearest ?? null,
      findings: it.result.findings,
      scoreBreakdown: it.result.scoreBreakdown,
      metrics: it.result.metrics ?? null,
    })),
    failed: review.failed,
  };
}

/**
 * CSV, one row per template, for spreadsheets. A file that could not be read comes last as a
 * row of verdict "unreadable" with its error in top_message, so the columns stay the same.
 */
export function reviewCsv(review: Review): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [['name', 'verdict', 'score', 'cluster', 'nearest_corpus_message', 'similarity', 'errors', 'warnings', 'top_rule', 'top_message']];
  for (const it of review.items) {
    rows.push([
      it.name,
      it.result.verdict,
      String(it.result.score),
      it.cluster ? String(it.cluster) : '',
      it.nearest?.id ?? '',
      it.nearest ? String(it.nearest.similarity) : '',
      String(it.result.errorCount),
      String(it.result.warningCount),
      it.topFinding?.ruleId ?? '',
      it.topFinding?.message ?? '',
    ]);
  }
  for (const f of review.failed) rows.push([f.file, 'unreadable', '', '', '', '', '', '', '', f.error]);
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

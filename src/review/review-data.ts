import { round } from '../kernel/round.js';
import type { Review, ReviewItem } from './review.js';

/** One draft as --format json prints it. */
export function reviewDataItem(it: ReviewItem) {
  return {
    name: it.name,
    filePath: it.filePath,
    verdict: it.verdict,
    score: it.score,
    mode: it.mode,
    cluster: it.cluster ?? null,
    nearest: it.nearest ?? null,
    findings: it.findings,
    scoreBreakdown: it.scoreBreakdown,
    metrics: it.metrics ?? null,
    owner: it.owner ?? null,
    step: it.step ?? null,
    outcome: it.outcome ?? null,
  };
}

/**
 * --format json, a piece at a time: the summary and clusters, then every draft worst first,
 * then the files that could not be read. One JSON document, the same bytes as one
 * JSON.stringify of it, written without ever holding all the drafts.
 */
export function* reviewJson(review: Review): Generator<string> {
  const summary = { templates: review.count, distinct: review.distinct, failed: review.failed.length, verdicts: review.verdicts, rules: review.rules };
  const outcomes = review.outcomes ? { ...review.outcomes, ...(review.outcomeSource ? { source: review.outcomeSource } : {}) } : undefined;
  yield `{"summary":${JSON.stringify(summary)},"clusters":${JSON.stringify(review.clusters)},"fixFirst":${JSON.stringify(review.fixFirst)},"groups":${JSON.stringify(review.groups)},`;
  if (outcomes) yield `"outcomes":${JSON.stringify(outcomes)},`;
  yield `"items":[`;
  let first = true;
  for (const it of review.items()) {
    yield `${first ? '' : ','}${JSON.stringify(reviewDataItem(it))}`;
    first = false;
  }
  yield `],"failed":${JSON.stringify(review.failed)}}\n`;
}

/**
 * CSV, one row per template, for spreadsheets, a row at a time. A file that could not be read
 * comes last as a row of verdict "unreadable" with its error in top_message, so the columns
 * stay the same. The rep, step and outcome columns come last, empty where the input has none.
 */
export function* reviewCsv(review: Review): Generator<string> {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const row = (r: string[]) => `${r.map(cell).join(',')}\r\n`;
  yield row([
    'name',
    'verdict',
    'score',
    'cluster',
    'nearest_corpus_message',
    'similarity',
    'errors',
    'warnings',
    'top_rule',
    'top_message',
    'owner',
    'step',
    'sent',
    'replied',
    'reply_rate',
  ]);
  for (const it of review.items()) {
    yield row([
      it.name,
      it.verdict,
      String(it.score),
      it.cluster ? String(it.cluster) : '',
      it.nearest?.id ?? '',
      it.nearest ? String(it.nearest.similarity) : '',
      String(it.errorCount),
      String(it.warningCount),
      it.topFinding?.ruleId ?? '',
      it.topFinding?.message ?? '',
      it.owner ?? '',
      it.step ?? '',
      it.outcome ? String(it.outcome.sent) : '',
      it.outcome ? String(it.outcome.replied) : '',
      it.outcome && it.outcome.sent > 0 ? String(round(it.outcome.replied / it.outcome.sent, 4)) : '',
    ]);
  }
  for (const f of review.failed) yield row([f.file, 'unreadable', '', '', '', '', '', '', '', f.error, '', '', '', '', '']);
}

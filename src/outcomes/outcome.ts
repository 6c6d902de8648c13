import { readCount, readRate } from './outcome-cell.js';
import type { OutcomeColumns, OutcomeField } from './outcome-columns.js';

/** What happened to the emails a draft stands for. `sent` counts delivered emails when the export says how many were. */
export interface Outcome {
  sent: number;
  replied: number;
  bounced?: number;
  optedOut?: number;
}

/**
 * One row's outcome, or the one problem that keeps it out. A row of an export with neither a
 * sent nor a delivered column is one email (a per-email or per-contact export): it counts as
 * one sent, and as one reply however many replies it had. Delivered beats sent as the
 * denominator, since a bounced email can get no reply.
 */
export function outcomeOfRow(row: Record<string, unknown>, { columns }: OutcomeColumns): Outcome | { problem: string } {
  const cell = (field: OutcomeField) => row[columns[field]!];
  const count = (field: OutcomeField): number | { problem: string } | undefined => {
    if (columns[field] === undefined) return undefined;
    const v = readCount(cell(field));
    return 'problem' in v ? { problem: `"${columns[field]}" is ${v.problem}` } : v.value;
  };
  const parts: Partial<Record<OutcomeField, number>> = {};
  for (const field of ['sent', 'delivered', 'replied', 'bounced', 'opted_out'] as const) {
    const v = count(field);
    if (typeof v === 'object') return v;
    if (v !== undefined) parts[field] = v;
  }
  const perEmail = parts.sent === undefined && parts.delivered === undefined;
  const sent = parts.delivered ?? parts.sent ?? 1;
  let replied = parts.replied;
  if (replied === undefined && columns.reply_rate !== undefined) {
    const rate = readRate(cell('reply_rate'));
    if ('problem' in rate) return { problem: `"${columns.reply_rate}" is ${rate.problem}` };
    replied = Math.round(rate.value * sent);
  }
  replied ??= 0;
  if (perEmail) replied = Math.min(replied, 1);
  if (replied > sent) return { problem: `it has more replies (${replied}) than emails ${parts.delivered !== undefined ? 'delivered' : 'sent'} (${sent})` };
  const outcome: Outcome = { sent, replied };
  if (parts.bounced !== undefined) outcome.bounced = perEmail ? Math.min(parts.bounced, 1) : parts.bounced;
  if (parts.opted_out !== undefined) outcome.optedOut = perEmail ? Math.min(parts.opted_out, 1) : parts.opted_out;
  return outcome;
}

/** The two outcomes together: the rows of one template in an export summed. */
export function addOutcomes(a: Outcome, b: Outcome): Outcome {
  const sum: Outcome = { sent: a.sent + b.sent, replied: a.replied + b.replied };
  if (a.bounced !== undefined || b.bounced !== undefined) sum.bounced = (a.bounced ?? 0) + (b.bounced ?? 0);
  if (a.optedOut !== undefined || b.optedOut !== undefined) sum.optedOut = (a.optedOut ?? 0) + (b.optedOut ?? 0);
  return sum;
}

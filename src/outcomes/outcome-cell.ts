/** A cell read as a number, or why it cannot be. */
export type CellValue = { value: number } | { problem: string };

const YES = new Set(['true', 'yes', 'y', 'x', '✓', '✔', 'replied', 'bounced', 'sent', 'delivered', 'unsubscribed', 'opted out']);
const NO = new Set(['false', 'no', 'n', '-', '–', 'none']);
// A date or a timestamp as exports write them: 2026-03-14, 2026-03-14T09:12:00Z, 03/14/2026 9:12 AM.
const DATE =
  /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AP]M)?(?: ?(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?)?$/i;
const COUNT = /^\d{1,3}(?:,\d{3})+$|^\d+$/;

/**
 * A count, a flag or a timestamp, as a number of emails: "1,204" is 1204, "yes" and a
 * replied-at date are 1, "no" and an empty cell are 0 (exports leave zero and "not yet" blank).
 */
export function readCount(cell: unknown): CellValue {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? { value: cell } : { problem: `${cell}, which is not a whole number of emails` };
  if (typeof cell === 'boolean') return { value: cell ? 1 : 0 };
  if (cell === undefined || cell === null) return { value: 0 };
  const s = String(cell).trim();
  const lower = s.toLowerCase();
  if (s === '' || NO.has(lower)) return { value: 0 };
  if (YES.has(lower) || DATE.test(s)) return { value: 1 };
  const count = s.replace(/\.0+$/, '');
  if (COUNT.test(count)) return { value: Number(count.replace(/,/g, '')) };
  return { problem: `"${s}", which is not a count, a yes/no flag or a date` };
}

/** A rate: "2.4%" and 0.024 are both 0.024; a number above 1 with no % sign is read as a percentage. */
export function readRate(cell: unknown): CellValue {
  if (cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '')) return { value: 0 };
  const s = String(cell).trim();
  const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(s);
  if (!m) return { problem: `"${s}", which is not a rate such as 2.4% or 0.024` };
  const n = Number(m[1]);
  const value = m[2] || n > 1 ? n / 100 : n;
  return value > 1 ? { problem: `"${s}", which is more than 100%` } : { value };
}

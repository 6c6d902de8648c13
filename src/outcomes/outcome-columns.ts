import { InputError } from '../errors.js';
import { squash } from '../parse/field-kind.js';

/** What an outcome export's columns can say, as rules/outcomes.yml names them. */
export const OUTCOME_FIELDS = ['template', 'step', 'owner', 'sent', 'delivered', 'replied', 'reply_rate', 'bounced', 'opted_out'] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];

/** rules/outcomes.yml. */
export interface OutcomeData {
  fields: Record<OutcomeField, string>;
  prefer: Partial<Record<OutcomeField, string[]>>;
  vendors: Array<{ id: string; label: string; exports: string; columns: Partial<Record<OutcomeField, string[]>> }>;
}

/** Which header holds each field, and whose export the header looks like. */
export interface OutcomeColumns {
  columns: Partial<Record<OutcomeField, string>>;
  /** The vendor whose names match the most of the columns found; null when the columns were all named by flags. */
  vendor: string | null;
  /** Its name as people write it ("HubSpot"). */
  vendorLabel: string | null;
}

/** The flag that names each field's column, for the fix in an error. */
export const OUTCOME_FLAGS: Partial<Record<OutcomeField, string>> = { template: '--outcome-template', sent: '--outcome-sent', replied: '--outcome-replied' };

/**
 * Finds each outcome field's column in a header: the column named on the command line, else
 * the first column whose name a vendor lists for the field (or, where `prefer` ranks names,
 * the best ranked). Names compare without case, spaces or punctuation.
 */
export function detectOutcomeColumns(file: string, headers: string[], data: OutcomeData, given: Partial<Record<OutcomeField, string>> = {}): OutcomeColumns {
  const columns: Partial<Record<OutcomeField, string>> = {};
  const votes = new Map<string, number>();
  for (const field of OUTCOME_FIELDS) {
    const named = given[field];
    if (named !== undefined) {
      const header = headers.find((h) => h === named) ?? headers.find((h) => squash(h) === squash(named));
      if (header === undefined)
        throw new InputError(file, `has no column "${named}" (columns: ${headers.join(', ')})`, `fix ${OUTCOME_FLAGS[field] ?? `the ${field} column's name`}`);
      columns[field] = header;
      continue;
    }
    const known = new Map<string, string[]>();
    for (const v of data.vendors) for (const name of v.columns[field] ?? []) known.set(squash(name), [...(known.get(squash(name)) ?? []), v.id]);
    const rank = (data.prefer[field] ?? []).map(squash);
    const candidates = headers.filter((h) => known.has(squash(h)));
    if (!candidates.length) continue;
    const score = (h: string) => {
      const r = rank.indexOf(squash(h));
      return r < 0 ? rank.length : r;
    };
    const header = candidates.reduce((best, h) => (score(h) < score(best) ? h : best));
    columns[field] = header;
    for (const id of known.get(squash(header))!) votes.set(id, (votes.get(id) ?? 0) + 1);
  }
  let vendor: string | null = null;
  for (const v of data.vendors) if ((votes.get(v.id) ?? 0) > (vendor === null ? 0 : votes.get(vendor)!)) vendor = v.id;
  return { columns, vendor, vendorLabel: data.vendors.find((v) => v.id === vendor)?.label ?? null };
}

/** True when the columns carry an outcome: a reply count, flag or rate. */
export function hasReplies(c: OutcomeColumns): boolean {
  return c.columns.replied !== undefined || c.columns.reply_rate !== undefined;
}

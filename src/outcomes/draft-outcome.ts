import { basename, extname } from 'node:path';
import type { Draft } from '../kernel/types.js';
import { outcomeOfRow, type Outcome } from './outcome.js';
import { detectOutcomeColumns, hasReplies, type OutcomeColumns, type OutcomeData, type OutcomeField } from './outcome-columns.js';

/** Who sent a draft, where it sits in its sequence, the name outcomes join to it by, and any outcome it carries itself. */
export interface DraftContext {
  template?: string;
  step?: string;
  owner?: string;
  outcome?: Outcome;
  /** Why the outcome the draft carries could not be read: one line for stderr, naming the row. */
  outcomeProblem?: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined);

/**
 * The context of one draft. A CSV row carries it in its columns (the export's owner, step and
 * outcome columns, found by rules/outcomes.yml's names); a JSON draft or front matter in
 * `owner:`, `step:`, `name:` and an `outcomes:` object of the same names. A file that holds one
 * draft is named by its file name when it says no name.
 */
export function draftContext(draft: Draft, drafts: number, data: OutcomeData, given: Partial<Record<OutcomeField, string>> = {}): DraftContext {
  const a = draft.attributes;
  const context: DraftContext = {};
  let columns: OutcomeColumns | undefined;
  let row: Record<string, unknown> | undefined;
  let where = draft.filePath;
  if (draft.format === 'csv') {
    columns = columnsOf(draft.filePath, Object.keys(a), data, given);
    row = a;
    where = `${draft.filePath}:${String(a.line)}`;
    const c = columns.columns;
    const template = text(a.name) ?? (c.template ? text(a[c.template]) : undefined);
    if (template) context.template = template;
    const step = text(a.step) ?? (c.step ? text(a[c.step]) : undefined);
    if (step) context.step = step;
    const owner = c.owner ? text(a[c.owner]) : undefined;
    if (owner) context.owner = owner;
  } else {
    const template = text(a.name) ?? text(a.template) ?? (drafts === 1 ? basename(draft.filePath, extname(draft.filePath)) : undefined);
    if (template) context.template = template;
    const step = text(a.step);
    if (step) context.step = step;
    const owner = text(a.owner) ?? text(a.rep);
    if (owner) context.owner = owner;
    if (a.outcomes && typeof a.outcomes === 'object' && !Array.isArray(a.outcomes)) {
      row = a.outcomes as Record<string, unknown>;
      columns = columnsOf(where, Object.keys(row), data);
      where = `${where}${draft.index !== undefined ? `[${draft.index}]` : ''} outcomes`;
    }
  }
  if (row && columns && hasReplies(columns)) {
    const outcome = outcomeOfRow(row, columns);
    if ('problem' in outcome) context.outcomeProblem = `${where}: ${outcome.problem}; fix it, or the draft stays out of the outcomes`;
    else context.outcome = outcome;
  }
  return context;
}

// Every row of a CSV file has the same keys: its columns are found once per header, not per row.
const detected = new Map<string, OutcomeColumns>();
function columnsOf(file: string, keys: string[], data: OutcomeData, given: Partial<Record<OutcomeField, string>> = {}): OutcomeColumns {
  const id = `${JSON.stringify(given)}\u0000${keys.join('\u0000')}`;
  let hit = detected.get(id);
  if (!hit) {
    if (detected.size >= 256) detected.clear();
    detected.set(id, (hit = detectOutcomeColumns(file, keys, data, given)));
  }
  return hit;
}

import { InputError } from '../errors.js';
import { readCsvRows } from '../parse/csv-rows.js';
import { addOutcomes, outcomeOfRow, type Outcome } from './outcome.js';
import { detectOutcomeColumns, hasReplies, type OutcomeColumns, type OutcomeData, type OutcomeField } from './outcome-columns.js';
import { stepKey, templateKey } from './join-key.js';

/** A row the outcomes left out, and why, as one line for stderr: "export.csv:7: …; fix". */
export type RowProblem = string;

/**
 * A sequencing tool's export of outcomes (`review --outcomes`), summed per template and step:
 * what a review joins to its drafts by name. Rows that cannot be read are left out, each
 * with a line saying why; the rest are used.
 */
export class OutcomeTable {
  private readonly byKey = new Map<string, { template: string; step: string; outcome: Outcome; owners: Map<string, Outcome>; used: boolean }>();
  private readonly stepsOf = new Map<string, string[]>();
  /** A step's own name as a draft file may carry it: "Q3 outbound step 2" or "Q3 outbound 2" for step 2 of "Q3 outbound". */
  private readonly stepNames = new Map<string, string>();
  /** How many rows were read, and the lines for those left out. */
  readonly rows: number;
  readonly problems: RowProblem[] = [];

  constructor(
    readonly file: string,
    readonly columns: OutcomeColumns,
    rows: Array<{ record: Record<string, string>; line: number }>,
  ) {
    this.rows = rows.length;
    const templateCol = columns.columns.template!;
    for (const { record, line } of rows) {
      const template = (record[templateCol] ?? '').trim();
      if (!template) {
        this.problems.push(`${file}:${line}: "${templateCol}" is empty, so the row names no template; fill it in, or the row stays out of the outcomes`);
        continue;
      }
      const outcome = outcomeOfRow(record, columns);
      if ('problem' in outcome) {
        this.problems.push(`${file}:${line}: ${outcome.problem}; fix the cell, or the row stays out of the outcomes`);
        continue;
      }
      const t = templateKey(template);
      const s = columns.columns.step ? stepKey(record[columns.columns.step]) : '';
      const key = `${t}\u0000${s}`;
      let entry = this.byKey.get(key);
      if (entry) entry.outcome = addOutcomes(entry.outcome, outcome);
      else {
        this.byKey.set(key, (entry = { template, step: s, outcome, owners: new Map(), used: false }));
        this.stepsOf.set(t, [...(this.stepsOf.get(t) ?? []), s]);
        if (s) for (const name of [`${t} step ${s}`, `${t} ${s}`]) this.stepNames.set(name, key);
      }
      const owner = columns.columns.owner ? (record[columns.columns.owner] ?? '').trim() : '';
      if (owner) entry.owners.set(owner, entry.owners.has(owner) ? addOutcomes(entry.owners.get(owner)!, outcome) : outcome);
    }
  }

  /**
   * The outcome of the draft of this template name and step, once: a second draft of the same
   * name and step gets none, so no send is counted twice. A draft with a step matches the
   * export's row for that step, or the template's row that has none; one without a step
   * matches the template's row that has none, or its only step, and a name that is the
   * template's and a step's together ("q3-outbound-step-2.md") matches that step. With it come the reps who
   * sent it, each with their share, when the export has an owner column.
   */
  take(template: string | undefined, step: unknown): { outcome: Outcome; owners: Map<string, Outcome> } | undefined {
    if (!template) return undefined;
    const t = templateKey(template);
    const s = stepKey(step);
    const steps = this.stepsOf.get(t);
    if (!steps) return this.claim(this.stepNames.get(t));
    const pick = steps.includes(s) ? s : s && steps.includes('') ? '' : !s && steps.length === 1 ? steps[0]! : undefined;
    return this.claim(pick === undefined ? undefined : `${t}\u0000${pick}`);
  }

  private claim(key: string | undefined): { outcome: Outcome; owners: Map<string, Outcome> } | undefined {
    const hit = key === undefined ? undefined : this.byKey.get(key);
    if (!hit || hit.used) return undefined;
    hit.used = true;
    return { outcome: hit.outcome, owners: hit.owners };
  }

  /** The export's templates (and steps) that no reviewed draft took. */
  unmatched(): Array<{ template: string; step: string }> {
    return [...this.byKey.values()].filter((e) => !e.used).map(({ template, step }) => ({ template, step }));
  }
}

/** Reads an outcome export; an export with no template column or no reply column is refused in one line. */
export function readOutcomeTable(file: string, source: string, data: OutcomeData, given: Partial<Record<OutcomeField, string>> = {}): OutcomeTable {
  const { headers, rows } = readCsvRows(file, source, 'template, step or email');
  const columns = detectOutcomeColumns(file, headers, data, given);
  if (!hasReplies(columns)) throw new InputError(file, `has no replies column (columns: ${headers.join(', ')})`, 'name it with --outcome-replied <column>');
  if (!columns.columns.template)
    throw new InputError(
      file,
      `has no template, sequence or campaign name column to join the outcomes to drafts by (columns: ${headers.join(', ')})`,
      'name it with --outcome-template <column>, or put the outcomes in the drafts CSV itself',
    );
  return new OutcomeTable(file, columns, rows);
}

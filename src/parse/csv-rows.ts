import { createRequire } from 'node:module';
import { InputError } from '../errors.js';

type CsvParse = (input: string, options: object) => Array<{ record: Record<string, string>; info: { lines: number } }>;

/** One CSV record under its header, and the 1-based line it starts on. */
export interface CsvRow {
  record: Record<string, string>;
  line: number;
}

/**
 * The rows of a CSV file with a header row, each with the line it starts on (a quoted cell
 * can span lines). A file that is not CSV, or has no row under its header, is refused in one
 * line; `unit` is what each row should hold (a template; a template, step or email).
 */
export function readCsvRows(filePath: string, source: string, unit: string): { headers: string[]; rows: CsvRow[] } {
  const parse = (createRequire(import.meta.url)('csv-parse/sync') as { parse: CsvParse }).parse;
  let parsed: ReturnType<CsvParse>;
  try {
    parsed = parse(source, { columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (e) {
    throw new InputError(filePath, `is not valid CSV (${(e as Error).message.split('\n')[0]})`, 'export it again as CSV with a header row');
  }
  if (parsed.length === 0) throw new InputError(filePath, 'has no rows under its header', `export it with a header row and one ${unit} per row`);
  let previousLines = 1;
  const rows = parsed.map(({ record, info }) => {
    const line = previousLines + 1;
    previousLines = info.lines;
    return { record, line };
  });
  return { headers: Object.keys(parsed[0]!.record), rows };
}

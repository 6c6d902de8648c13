import type { Draft } from '../kernel/types.js';
import { InputError } from '../errors.js';
import { readCsvRows } from './csv-rows.js';
import { buildDraft, type ParseEnv } from './build-draft.js';
import { htmlToText } from './html-text.js';
import { anchorPart, LineIndex } from './source-map.js';

/** Which CSV columns hold what; undefined means detect from the header. */
export interface CsvColumns {
  subject?: string;
  body?: string;
  name?: string;
  step?: string;
}

const DETECT = {
  subject: /^(?:email[ _]?)?subject(?:[ _]?line)?$/i,
  body: /^(?:email[ _]?|template[ _]?|message[ _]?)?(?:body|text|content|message|copy|template)(?:[ _]?(?:text|plain))?$/i,
  html: /^(?:email[ _]?|body[ _]?)?html(?:[ _]?body)?$/i,
  name: /^(?:template[ _]?|step[ _]?)?(?:name|title|id)$/i,
  step: /^(?:sequence[ _]?)?(?:step|stage|step[ _]?number)$/i,
};

/**
 * A CSV export from a sequencing tool, one email per row. The subject and body columns are
 * found by their header names unless named explicitly; an HTML body is converted to text.
 */
export function parseCsvDrafts(filePath: string, source: string, env: ParseEnv, columns: CsvColumns = {}): Draft[] {
  const { headers, rows } = readCsvRows(filePath, source, 'template');
  const pick = (given: string | undefined, re: RegExp, flag: string) => {
    if (given !== undefined) {
      if (!headers.includes(given)) throw new InputError(filePath, `has no column "${given}" (columns: ${headers.join(', ')})`, `fix ${flag}`);
      return given;
    }
    return headers.find((h) => re.test(h.trim()));
  };
  const bodyCol = pick(columns.body, DETECT.body, '--csv-body');
  const htmlCol = bodyCol ? undefined : headers.find((h) => DETECT.html.test(h.trim()));
  if (!bodyCol && !htmlCol) {
    throw new InputError(filePath, `has no body column (columns: ${headers.join(', ')})`, 'name it with --csv-body <column>');
  }
  const subjectCol = pick(columns.subject, DETECT.subject, '--csv-subject');
  const nameCol = pick(columns.name, DETECT.name, '--csv-name');
  const stepCol = pick(columns.step, DETECT.step, '--csv-step');

  const index = new LineIndex(source);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return rows.map(({ record, line }, i) => {
    const from = lineStarts[line - 1] ?? 0;
    const raw = bodyCol ? (record[bodyCol] ?? '') : htmlToText(record[htmlCol!] ?? '', `${filePath}:${line}`);
    const subject = subjectCol ? record[subjectCol] : undefined;
    const attributes: Record<string, unknown> = { ...record, row: i + 1, line };
    if (nameCol && record[nameCol]) attributes.name = record[nameCol];
    if (stepCol && record[stepCol]) attributes.step = Number(record[stepCol]) || record[stepCol];
    return buildDraft(
      {
        filePath,
        format: 'csv',
        source,
        ...(subject !== undefined ? { subject: anchorPart(index, subject.replace(/\r?\n/g, ' '), from) } : {}),
        body: anchorPart(index, raw.replace(/\r\n?/g, '\n'), from),
        attributes,
        index: i,
        fallbackAnchor: index.position(from),
      },
      env,
    );
  });
}

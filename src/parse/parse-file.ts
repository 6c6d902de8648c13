import { extname } from 'node:path';
import type { Draft } from '../kernel/types.js';
import { InputError } from '../errors.js';
import type { ParseEnv } from './build-draft.js';
import { decodeText } from './decode.js';
import { parseJsonDrafts } from './json-draft.js';
import { parseTextDraft } from './text-draft.js';
import type { CsvColumns } from './csv-draft.js';
import type { PayloadPaths } from './payload.js';

/** File extensions a folder is searched for, and which parser reads each. */
export const DRAFT_EXTENSIONS: Record<string, 'text' | 'markdown' | 'eml' | 'html' | 'json'> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.eml': 'eml',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
};

export function isDraftFile(path: string): boolean {
  return extname(path).toLowerCase() in DRAFT_EXTENSIONS;
}

/** Options some formats take: which CSV columns to read. */
export interface ParseOptions {
  csv?: CsvColumns;
  /** Where a JSON payload of an unknown layout keeps the subject, body and prospect. */
  json?: PayloadPaths;
}

/**
 * Parses the bytes of one file into its drafts. `name` decides the format by its extension
 * (for stdin, the --stdin-filename). The .eml and HTML parsers load only when needed.
 */
export async function parseDrafts(name: string, bytes: Uint8Array, env: ParseEnv, options: ParseOptions = {}): Promise<Draft[]> {
  const ext = extname(name).toLowerCase();
  const format = ext === '.csv' ? 'csv' : DRAFT_EXTENSIONS[ext];
  if (!format) {
    throw new InputError(
      name,
      `has an unknown file type "${ext || '(none)'}"`,
      'lint .txt, .md, .eml, .html, .json or .csv files (for stdin, set --stdin-filename)',
    );
  }
  if (bytes.length === 0) throw new InputError(name, 'is empty', 'write the email in it, or leave the file out');
  if (format === 'eml') {
    const { parseEmlDraft } = await import('./eml-draft.js');
    return [await parseEmlDraft(name, bytes, env)];
  }
  const source = decodeText(name, bytes).replace(/^\uFEFF/, '');
  if (source.trim() === '') throw new InputError(name, source === '' ? 'is empty' : 'holds only whitespace', 'write the email in it, or leave the file out');
  switch (format) {
    case 'html': {
      const { parseHtmlDraft } = await import('./html-draft.js');
      return [parseHtmlDraft(name, source, env)];
    }
    case 'json':
      return parseJsonDrafts(name, source, env, options.json);
    case 'csv': {
      const { parseCsvDrafts } = await import('./csv-draft.js');
      return parseCsvDrafts(name, source, env, options.csv);
    }
    default:
      return [parseTextDraft(name, source, format, env)];
  }
}

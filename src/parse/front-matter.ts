import type { Position, ProspectField, Signal } from '../kernel/types.js';
import { InputError } from '../errors.js';
import { snakeCase } from './field-kind.js';
import type { LineIndex } from './source-map.js';
import { MAX_ALIAS_COUNT, yaml, yamlData } from './yaml.js';

/** Where front matter sits in the file and what the linter reads from it. */
export interface FrontMatter {
  /** Offset of the first character after the closing delimiter line. */
  contentStart: number;
  prospect: Record<string, ProspectField>;
  signal?: Signal;
  mode?: 'draft' | 'template';
  data: Record<string, unknown>;
}

const OPEN = /^(?:\uFEFF)?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Reads YAML front matter between `---` lines at the top of a .md or .txt file. */
export function readFrontMatter(file: string, index: LineIndex): FrontMatter | undefined {
  const src = index.source;
  const open = OPEN.exec(src);
  if (!open) return undefined;
  const yamlStart = open[0].length;
  CLOSE.lastIndex = 0;
  const close = CLOSE.exec(src.slice(yamlStart));
  if (!close) {
    throw new InputError(file, 'front matter opened with --- on line 1 is never closed', 'add a line with --- after the YAML, or remove the opening ---');
  }
  const yamlEnd = yamlStart + close.index;
  const doc = yaml().parseDocument(src.slice(yamlStart, yamlEnd), { prettyErrors: false });
  const invalid = (offset: number, reason: string) => {
    const at = index.position(yamlStart + offset);
    return new InputError(`${file}:${at.line}:${at.column}`, `invalid front matter: ${reason}`, 'fix the YAML between the --- lines');
  };
  const firstError = doc.errors[0];
  if (firstError) throw invalid(firstError.pos?.[0] ?? 0, firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''));
  let data: unknown;
  try {
    data = yamlData(doc);
  } catch (e) {
    // The library reports alias problems only when it builds the data, without a position.
    if (!(e instanceof ReferenceError)) throw e;
    const reason = /excessive alias count/i.test(e.message) ? `aliases expand too far (at most ${MAX_ALIAS_COUNT} alias expansions are allowed)` : e.message;
    throw invalid(firstAliasOffset(doc), reason);
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new InputError(file, 'front matter is not a mapping of keys to values', 'write it as "key: value" lines, e.g. "prospect:" with fields under it');
  }
  const map = (data ?? {}) as Record<string, unknown>;
  const at = (path: string[]): Position | undefined => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? index.position(yamlStart + node.range[0]) : undefined;
  };
  const result: FrontMatter = {
    contentStart: yamlStart + close.index + close[0].length,
    prospect: readProspect(file, map.prospect, (key) => at(['prospect', key])),
    data: map,
  };
  const signal = readSignal(file, map.signal, at(['signal']));
  if (signal) result.signal = signal;
  if (map.mode === 'draft' || map.mode === 'template') result.mode = map.mode;
  else if (map.mode !== undefined) {
    throw new InputError(file, `front matter "mode" is ${JSON.stringify(map.mode)}`, 'use "draft" or "template", or remove it');
  }
  return result;
}

/** Where the first `*alias` starts in the YAML text: the place to look when aliases are refused. */
function firstAliasOffset(doc: import('yaml').Document): number {
  let offset = 0;
  yaml().visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return yaml().visit.BREAK;
    },
  });
  return offset;
}

/** Prospect fields from front matter or JSON; camelCase keys become snake_case. */
export function readProspect(file: string, value: unknown, positionOf?: (key: string) => Position | undefined): Record<string, ProspectField> {
  const out: Record<string, ProspectField> = {};
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(file, '"prospect" is not a mapping', 'give it fields, e.g. "prospect: { first_name: Ana, company: Tidewater }"');
  }
  for (const [rawKey, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object') continue;
    const key = snakeCase(rawKey);
    const field: ProspectField = { key, value: v === null || v === undefined ? '' : String(v).trim() };
    const position = positionOf?.(rawKey);
    if (position) field.position = position;
    out[key] = field;
  }
  return out;
}

/** `signal:` as `{ type, text, captured_at }`, or a bare string meaning the text. */
export function readSignal(file: string, value: unknown, position?: Position): Signal | undefined {
  if (value === undefined || value === null) return undefined;
  let signal: Signal;
  if (typeof value === 'string') signal = { text: value };
  else if (typeof value === 'object' && !Array.isArray(value) && typeof (value as Signal).text === 'string') {
    const v = value as Record<string, unknown>;
    signal = { text: String(v.text) };
    if (typeof v.type === 'string') signal.type = v.type;
    if (v.captured_at !== undefined) signal.captured_at = v.captured_at instanceof Date ? v.captured_at.toISOString() : String(v.captured_at);
  } else {
    throw new InputError(file, '"signal" has no "text"', 'write it as "signal: { type: funding, text: ... }" or remove it');
  }
  if (position) signal.position = position;
  return signal;
}

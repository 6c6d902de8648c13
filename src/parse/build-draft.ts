import type { Draft, DraftFormat, DraftMode, Position, ProspectField, Signal, TextPart } from '../kernel/types.js';
import type { PlaceholderScanner } from './placeholders.js';
import type { RegionFinder } from './regions.js';
import type { PayloadEnv } from './payload.js';

/** What every parser needs besides the file: the placeholder and region data, and the mode. */
export interface ParseEnv {
  scanner: PlaceholderScanner;
  regions: RegionFinder;
  /** From --mode or config; 'auto' decides per file. */
  mode: DraftMode | 'auto';
  /** Prospect fields from --prospect key=value, laid over each file's own. */
  prospect?: Record<string, ProspectField>;
  /** How JSON payloads are read: the tools' envelopes and the field aliases. */
  payloads: PayloadEnv;
}

export interface DraftParts {
  filePath: string;
  format: DraftFormat;
  source: string;
  subject?: TextPart;
  body: TextPart;
  html?: TextPart;
  headers?: Record<string, string>;
  prospect?: Record<string, ProspectField>;
  signal?: Signal;
  /** A mode written in the file itself (front matter or JSON). */
  mode?: DraftMode;
  attributes?: Record<string, unknown>;
  index?: number;
  /** Where the message starts when the body is empty. */
  fallbackAnchor: Position;
}

/** Turns what a format parser extracted into the one Draft model every rule reads. */
export function buildDraft(parts: DraftParts, env: ParseEnv): Draft {
  const subjectPlaceholders = parts.subject ? env.scanner.scan(parts.subject.text, 'subject') : [];
  const placeholders = [...subjectPlaceholders, ...env.scanner.scan(parts.body.text, 'body')];
  const prospect = { ...(parts.prospect ?? {}), ...(env.prospect ?? {}) };
  // Only placeholders for the prospect or their research make a template: a draft written for
  // one prospect that still says "[Your Name]" is a draft with an unfilled sender field.
  const templating = placeholders.some((p) => p.kind !== 'sender');
  const draft: Draft = {
    filePath: parts.filePath,
    format: parts.format,
    source: parts.source,
    body: parts.body,
    prospect,
    placeholders,
    regions: env.regions.find(parts.body.text),
    mode: resolveMode(env.mode, parts.mode, templating, Object.keys(prospect).length > 0),
    attributes: parts.attributes ?? {},
    anchor: anchorOf(parts),
  };
  if (parts.subject) draft.subject = parts.subject;
  if (parts.html) draft.html = parts.html;
  if (parts.headers) draft.headers = parts.headers;
  if (parts.signal) draft.signal = parts.signal;
  if (parts.index !== undefined) draft.index = parts.index;
  return draft;
}

/**
 * --mode and config win; then the file's own say; otherwise a file is a template when it
 * holds placeholders and no prospect data, and a draft in every other case.
 */
export function resolveMode(option: DraftMode | 'auto', own: DraftMode | undefined, hasPlaceholders: boolean, hasProspect: boolean): DraftMode {
  if (option !== 'auto') return option;
  if (own) return own;
  return hasPlaceholders && !hasProspect ? 'template' : 'draft';
}

function anchorOf(parts: DraftParts): Position {
  if (parts.subject) return parts.subject.map.toPosition(0);
  const first = parts.body.text.search(/\S/);
  return first >= 0 ? parts.body.map.toPosition(first) : parts.fallbackAnchor;
}

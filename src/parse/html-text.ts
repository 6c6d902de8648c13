import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { nestsDeeperThan } from './html-depth.js';

type Convert = typeof import('html-to-text').convert;
let convert: Convert | undefined;

/**
 * How deep elements may nest. html-to-text walks the tree recursively and runs out of stack
 * near 2,000 levels (less when called from deeper code); real emails, even nested-table
 * newsletters, stay under a hundred.
 */
export const MAX_HTML_DEPTH = 500;

/**
 * Visible text of an HTML email, one paragraph per block, links and images as their words.
 * `where` names the input (a file, a CSV row) in the error for HTML nested deeper than
 * MAX_HTML_DEPTH; without it the error names `<html>`.
 * The converter loads on first use: a plain-text lint never pays for it.
 */
export function htmlToText(html: string, where = '<html>'): string {
  if (nestsDeeperThan(html, MAX_HTML_DEPTH)) throw tooDeep(where);
  convert ??= (createRequire(import.meta.url)('html-to-text') as { convert: Convert }).convert;
  let text: string;
  try {
    text = convert(html, {
      wordwrap: false,
      selectors: [
        { selector: 'a', options: { ignoreHref: true } },
        { selector: 'img', format: 'skip' },
        { selector: 'h1', options: { uppercase: false } },
        { selector: 'h2', options: { uppercase: false } },
        { selector: 'h3', options: { uppercase: false } },
        { selector: 'table', format: 'dataTable' },
        { selector: 'title', format: 'skip' },
      ],
    });
  } catch (e) {
    // The depth check counts low where it is unsure (e.g. `<div/>`, which HTML opens), so
    // the converter's own stack overflow is still turned into the same line.
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw tooDeep(where);
    throw e;
  }
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function tooDeep(where: string): InputError {
  return new InputError(where, `HTML is nested more than ${MAX_HTML_DEPTH} elements deep`, 'close the tags that are left open, or remove wrapper elements');
}

/**
 * Where the first `<name ...>` open tag starts and ends (just after its `>`). Linear: a
 * regex like /<title[^>]*>/ rescans to the end of the input from every "<title" without a ">".
 */
export function findOpenTag(html: string, name: string): { start: number; end: number } | undefined {
  const start = html.search(new RegExp(`<${name}(?=[\\s/>])`, 'i'));
  if (start < 0) return undefined;
  const gt = html.indexOf('>', start);
  return gt < 0 ? undefined : { start, end: gt + 1 };
}

/** The text of the first <title>, the subject of a saved HTML draft. */
export function htmlTitle(html: string): { text: string; offset: number } | undefined {
  const open = findOpenTag(html, 'title');
  if (!open) return undefined;
  const close = html.indexOf('<', open.end);
  if (close < 0 || html.slice(close, close + 8).toLowerCase() !== '</title>') return undefined;
  const raw = html.slice(open.end, close);
  const text = raw.trim();
  if (!text) return undefined;
  return { text: decodeEntities(text), offset: open.end + raw.indexOf(text) };
}

function decodeEntities(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39|apos|nbsp);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' })[e] ?? _m,
  );
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Ignore } from 'ignore';
import { InputError } from '../errors.js';
import { fileError } from './file-error.js';
import { DRAFT_EXTENSIONS, isDraftFile } from '../parse/parse-file.js';
import { isReviewReport } from '../review/report-marker.js';

export const IGNORE_FILE = '.outreachlintignore';

/** Files in a folder that are never drafts, even though their extension says they might be. */
const NOT_DRAFTS = [
  '**/node_modules/**',
  '**/.git/**',
  '**/package.json',
  '**/package-lock.json',
  '**/tsconfig*.json',
  '**/.outreachlintrc*',
  '**/outreach-lint.config.*',
  '**/*.signal.yml',
];

export interface ExpandOptions {
  cwd: string;
  /** Patterns from the config's `ignores`, gitignore syntax. */
  ignores: string[];
  /** --ignore-path; defaults to .outreachlintignore in cwd. */
  ignorePath?: string;
  /** --no-ignore */
  useIgnore: boolean;
  /** Take CSV exports from folders too (review does; lint takes them only when named). */
  withCsv?: boolean;
}

export interface Expanded {
  files: string[];
  errors: InputError[];
  /** Files named on the command line that an ignore pattern skips. */
  ignored: string[];
}

const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * Turns the command line's paths and globs into the files to lint. Plain files are taken as
 * they are without loading the glob library; folders and globs go through fast-glob.
 */
export async function expandPaths(args: string[], opts: ExpandOptions): Promise<Expanded> {
  const ig = opts.useIgnore ? await loadIgnore(opts) : undefined;
  const isIgnored = (file: string) => {
    if (!ig) return false;
    const rel = relative(opts.cwd, resolve(opts.cwd, file));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && ig.ignores(rel.split('\\').join('/'));
  };
  const out: Expanded = { files: [], errors: [], ignored: [] };
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(opts.cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    out.files.push(displayPath(opts.cwd, key));
  };

  for (const arg of args) {
    const abs = resolve(opts.cwd, arg);
    let kind: 'file' | 'dir' | undefined;
    try {
      kind = statSync(abs).isDirectory() ? 'dir' : 'file';
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        out.errors.push(fileError(arg, e) as InputError);
        continue;
      }
    }
    if (kind === 'file') {
      if (isIgnored(abs)) out.ignored.push(arg);
      else add(abs);
      continue;
    }
    if (kind === undefined && !GLOB_CHARS.test(arg)) {
      out.errors.push(new InputError(arg, 'no such file or folder', 'check the path (quote globs so the shell does not expand them)'));
      continue;
    }
    const fg = (await import('fast-glob')).default;
    const extensions = [...Object.keys(DRAFT_EXTENSIONS), ...(opts.withCsv ? ['.csv'] : [])];
    const pattern = kind === 'dir' ? `${fg.escapePath(toPosix(abs))}/**/*{${extensions.join(',')}}` : toPosix(isAbsolute(arg) ? arg : join(opts.cwd, arg));
    const matches = (
      await fg(pattern, { dot: false, onlyFiles: true, ignore: NOT_DRAFTS, caseSensitiveMatch: true, followSymbolicLinks: true, suppressErrors: true })
    )
      .filter((f) => (kind === 'dir' ? isDraftFile(f) || (!!opts.withCsv && f.toLowerCase().endsWith('.csv')) : true))
      // A review report saved among the templates is an output of outreach-lint, never a draft.
      .filter((f) => !(DRAFT_EXTENSIONS[extname(f).toLowerCase()] === 'html' && isReviewReport(f)))
      .sort();
    const kept = matches.filter((f) => !isIgnored(f));
    if (kept.length === 0) {
      out.errors.push(
        kind === 'dir'
          ? new InputError(
              arg,
              matches.length ? 'every draft in this folder is ignored' : 'folder holds no .txt, .md, .eml, .html or .json drafts',
              matches.length ? `check ${IGNORE_FILE} and the config's ignores` : 'point outreach-lint at the folder with the drafts',
            )
          : new InputError(arg, 'no files match this glob', 'check the pattern, and quote it so the shell does not expand it'),
      );
      continue;
    }
    kept.forEach(add);
  }
  return out;
}

async function loadIgnore(opts: ExpandOptions): Promise<Ignore | undefined> {
  const path = opts.ignorePath ? resolve(opts.cwd, opts.ignorePath) : join(opts.cwd, IGNORE_FILE);
  const patterns = [...opts.ignores];
  if (existsSync(path)) patterns.push(...readFileSync(path, 'utf8').split(/\r?\n/));
  else if (opts.ignorePath) throw new InputError(opts.ignorePath, 'ignore file not found', 'check the --ignore-path');
  if (patterns.every((p) => p.trim() === '' || p.trim().startsWith('#'))) return undefined;
  const ignore = (await import('ignore')).default;
  return ignore().add(patterns);
}

/** Paths inside the working folder are shown relative to it; others stay absolute. */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

function toPosix(p: string): string {
  return p.split('\\').join('/');
}

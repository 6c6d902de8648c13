import { isInputError } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_FATAL = 2;

/**
 * Prints one line for a problem the user can fix, and for anything else a line that says it
 * is a bug; the stack trace only with --debug.
 */
export function reportError(e: unknown, debug: boolean, stderr: NodeJS.WritableStream = process.stderr): void {
  stderr.write(`outreach-lint: ${errorLine(e)}\n`);
  if (debug && e instanceof Error && e.stack) stderr.write(`${e.stack}\n`);
}

/** The one line reportError prints for `e`, without the "outreach-lint: " in front. */
export function errorLine(e: unknown): string {
  if (isInputError(e)) {
    // A problem with the command itself names the command; "outreach-lint: outreach-lint: …" says it twice.
    if (e.file === 'outreach-lint') return `${e.problem}; ${e.fix}`;
    return e.file.startsWith('outreach-lint ') ? `${e.file.slice('outreach-lint '.length)}: ${e.problem}; ${e.fix}` : e.message;
  }
  const msg = e instanceof Error ? e.message : String(e);
  return `internal error: ${msg.split('\n')[0]} (this is a bug; run with --debug for the stack trace and report it)`;
}

/**
 * A problem with the user's input or setup, shown as one line: the file, what is wrong, and
 * how to fix it. Anything else that escapes is a bug in outreach-lint.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}: ${problem}; ${fix}`);
    this.name = 'InputError';
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

/**
 * A problem with the user's input or setup, shown as one line: the file, what is wrong, and
 * how to fix it. Anything else that escapes is a bug in outreach-lint.
 */
export class InputError extends Error {
  readonly problem: string;

  constructor(
    readonly file: string,
    problem: string,
    readonly fix: string,
  ) {
    // One line, whatever a parser put in its message (JSON.parse quotes the input).
    const oneLine = problem.replace(/\s*[\r\n]+\s*/g, ' ');
    super(`${file}: ${oneLine}; ${fix}`);
    this.problem = oneLine;
    this.name = 'InputError';
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

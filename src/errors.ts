/**
 * A problem with the user's input or setup, shown as one line: the file, what is wrong, and
 * how to fix it. Anything else that escapes is a bug in outreach-lint.
 */
// A registered symbol, not instanceof: the CLI bundle and the modules it loads lazily from
// dist/ each hold a copy of this class, and an error from either must be recognised.
const BRAND = Symbol.for('outreach-lint.InputError');

export class InputError extends Error {
  readonly problem: string;
  readonly [BRAND] = true;

  constructor(
    readonly file: string,
    problem: string,
    readonly fix: string,
    /** The JSON path of the field at fault inside the file or request, when there is one. */
    readonly field?: string,
  ) {
    // One line, whatever a parser put in its message (JSON.parse quotes the input).
    const oneLine = problem.replace(/\s*[\r\n]+\s*/g, ' ');
    super(`${file}: ${oneLine}; ${fix}`);
    this.problem = oneLine;
    this.name = 'InputError';
  }
}

export function isInputError(e: unknown): e is InputError {
  return typeof e === 'object' && e !== null && (e as { [BRAND]?: unknown })[BRAND] === true;
}

import { InputError, isInputError } from '../errors.js';

/** One line for an fs error: what happened, and what to do about it. */
export function fileError(path: string, e: unknown): Error {
  if (isInputError(e)) return e;
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new InputError(path, 'no such file or folder', 'check the path (quote globs so the shell does not expand them)');
    case 'EACCES':
    case 'EPERM':
      return new InputError(path, 'permission denied', 'make the file readable (chmod +r) or leave it out');
    case 'ELOOP':
      return new InputError(path, 'is a symbolic link loop', 'fix or remove the link');
    case 'EISDIR':
      return new InputError(path, 'is a folder', 'pass the folder to outreach-lint directly');
    default:
      return new InputError(path, `cannot be read (${code ?? (e as Error).message})`, 'check that it exists and is readable');
  }
}

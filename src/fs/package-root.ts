import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: src/fs and dist/fs both sit two levels below it. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

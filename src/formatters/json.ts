import type { Formatter } from './types.js';

/** The JSON contract of DESIGN.md: an array with one result per draft. */
export const json: Formatter = (results) => `${JSON.stringify(results)}\n`;

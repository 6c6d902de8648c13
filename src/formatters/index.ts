import type { Formatter } from './types.js';

/** Output formats by name; each loads only when chosen. */
export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);

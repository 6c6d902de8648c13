import type { DraftMode } from '../kernel/types.js';
import type { ParseEnv } from './build-draft.js';
import type { PayloadData } from './payload.js';
import { PlaceholderScanner, type PlaceholderData } from './placeholders.js';
import { RegionFinder, type RegionData } from './regions.js';

/**
 * The parse environment from the placeholder, region and payload data that `load` gives by
 * name: the Node shells read dist/data, the browser extension its bundled copy.
 */
export function parseEnvOf(load: (name: string) => unknown, mode: DraftMode | 'auto' = 'auto'): ParseEnv {
  const scanner = new PlaceholderScanner(load('placeholders') as PlaceholderData);
  return {
    scanner,
    regions: new RegionFinder(load('regions') as RegionData),
    mode,
    // Read on first use: a lint of .md and .txt drafts never opens the payload envelopes.
    payloads: {
      get data() {
        return load('payloads') as PayloadData;
      },
      fields: scanner.fields,
    },
  };
}

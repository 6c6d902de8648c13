import type { DraftMode } from '../kernel/types.js';
import { loadRuleData } from '../fs/rule-data.js';
import type { ParseEnv } from './build-draft.js';
import type { PayloadData } from './payload.js';
import { PlaceholderScanner, type PlaceholderData } from './placeholders.js';
import { RegionFinder, type RegionData } from './regions.js';

/** The parse environment from the shipped placeholder and region data. */
export function createParseEnv(mode: DraftMode | 'auto' = 'auto'): ParseEnv {
  const scanner = new PlaceholderScanner(loadRuleData<PlaceholderData>('placeholders'));
  return {
    scanner,
    regions: new RegionFinder(loadRuleData<RegionData>('regions')),
    mode,
    // Read on first use: a lint of .md and .txt drafts never opens the payload envelopes.
    payloads: {
      get data() {
        return loadRuleData<PayloadData>('payloads');
      },
      fields: scanner.fields,
    },
  };
}

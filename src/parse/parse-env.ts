import type { DraftMode } from '../kernel/types.js';
import { loadRuleData } from '../fs/rule-data.js';
import type { ParseEnv } from './build-draft.js';
import { parseEnvOf } from './parse-env-of.js';

/** The parse environment from the shipped placeholder and region data. */
export function createParseEnv(mode: DraftMode | 'auto' = 'auto'): ParseEnv {
  return parseEnvOf(loadRuleData, mode);
}

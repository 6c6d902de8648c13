import type { Rule } from '../kernel/rule.js';
import { unresolvedPlaceholder } from './unresolved-placeholder.js';

/** Every rule outreach-lint ships, in the order their findings are documented. */
export const allRules: readonly Rule[] = [unresolvedPlaceholder];

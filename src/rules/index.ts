import type { Rule } from '../kernel/rule.js';
import { corpusSimilarity } from './corpus-similarity.js';
import { stockPhrase } from './stock-phrase.js';
import { stockSentence } from './stock-sentence.js';
import { unresolvedPlaceholder } from './unresolved-placeholder.js';

/** Every rule outreach-lint ships, in the order their findings are documented. */
export const allRules: readonly Rule[] = [unresolvedPlaceholder, corpusSimilarity, stockSentence, stockPhrase];

/** Rules that read the corpus index; the corpus is loaded only when one of them is on. */
export const CORPUS_RULES = new Set(['corpus-similarity', 'stock-sentence']);

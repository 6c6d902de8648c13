import type { Rule } from '../kernel/rule.js';
import { corpusSimilarity } from './corpus-similarity.js';
import { language } from './language.js';
import { length } from './length.js';
import { links } from './links.js';
import { mergeOnlyPersonalization } from './merge-only-personalization.js';
import { missingSignal } from './missing-signal.js';
import { optOut } from './opt-out.js';
import { questionCount } from './question-count.js';
import { readingLevel } from './reading-level.js';
import { signalUnused } from './signal-unused.js';
import { spamTrigger } from './spam-trigger.js';
import { stockPhrase } from './stock-phrase.js';
import { stockSentence } from './stock-sentence.js';
import { subjectLine } from './subject-line.js';
import { trackingAndImages } from './tracking-and-images.js';
import { unresolvedPlaceholder } from './unresolved-placeholder.js';
import { vaguePersonalization } from './vague-personalization.js';

/** Every rule outreach-lint ships, in the order of DESIGN.md. */
export const allRules: readonly Rule[] = [
  unresolvedPlaceholder,
  corpusSimilarity,
  stockSentence,
  stockPhrase,
  mergeOnlyPersonalization,
  vaguePersonalization,
  missingSignal,
  signalUnused,
  length,
  readingLevel,
  questionCount,
  subjectLine,
  links,
  trackingAndImages,
  spamTrigger,
  optOut,
  language,
];

/** Rules that read the corpus index (the signal rules to tell common words from names); it is loaded only when one is on. */
export const CORPUS_RULES = new Set(['corpus-similarity', 'stock-sentence', 'merge-only-personalization', 'vague-personalization', 'missing-signal']);

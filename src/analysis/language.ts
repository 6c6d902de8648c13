import type { Skeleton } from '../corpus/skeleton.js';
import { Provided } from '../kernel/provided.js';
import type { Draft } from '../kernel/types.js';
import { isEnglishWord } from './english-words.js';
import { phraseWords } from './phrase-list.js';

/** Says which language a text is in: an ISO 639-3 code, or `und` when it cannot tell. */
export type LanguageDetector = (text: string) => string;

const detector = new Provided<LanguageDetector>();

/**
 * How to get the detector: set by the shell (Node shells load `franc-min` on first use), so the
 * kernel imports no detector itself and a lint of an English draft never loads one.
 */
export function provideLanguageDetector(load: () => LanguageDetector | undefined): void {
  detector.provide(load);
}

/** Share of a text's words (of letters, two or more) that are English words, and how many letters it has. */
export function englishShare(text: string): { share: number; letters: number } {
  let words = 0;
  let english = 0;
  let letters = 0;
  for (const w of phraseWords(text)) {
    const l = w.text.replace(/[^\p{L}']/gu, '');
    if (l.length < 2) continue;
    words++;
    letters += l.length;
    if (isEnglishWord(l.replace(/'/g, ''))) english++;
  }
  return { share: words === 0 ? 1 : english / words, letters };
}

/**
 * The language of a text when it is plainly not English: most of its words are not English
 * words (a cheap test on the build's word filter, so the detector is loaded only for such
 * drafts) and the detector names another language. Undefined for English, for text too short
 * to tell, and where no detector was provided (a browser bundle without one).
 */
export function foreignLanguage(text: string, opts: { minLetters: number; maxEnglishShare: number }): string | undefined {
  const { share, letters } = englishShare(text);
  if (letters < opts.minLetters || share >= opts.maxEnglishShare) return undefined;
  const code = detector.get()?.(text);
  return code && code !== 'und' && code !== 'eng' && code !== 'sco' ? code : undefined;
}

/** The language rule's defaults, for a check that must not judge a draft in another language by English measures. */
export const LANGUAGE_DEFAULTS = { minLetters: 60, maxEnglishShare: 0.7 };

/** The message proper as one text: the skeleton's sentences, greeting, signature and quotes left out. */
export function messageText(draft: Draft, skeleton: Skeleton): string {
  return skeleton.units.map((u) => draft.body.text.slice(u.start, u.end)).join('\n');
}

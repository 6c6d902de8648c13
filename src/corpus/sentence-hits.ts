import type { CorpusIndex, SentenceHit } from './corpus-index.js';
import { dice } from './dice.js';
import { wordTokens } from './tokens.js';
import type { MaskedUnit, Skeleton } from './skeleton.js';

/** Character-bigram similarity from which two sentences are the same words (stock-sentence's default). */
export const NEAR_VERBATIM = 0.85;

/** Words (slots not counted) from which stock-sentence compares a sentence, by default. */
export const STOCK_MIN_WORDS = 6;

export interface SentenceHitOptions {
  /** Only sentences with at least this many words (slots not counted) are compared. */
  minWords: number;
  /** Character-bigram similarity from which a corpus sentence counts as the same words. */
  similarity: number;
  /** Cosine of meanings from which a corpus sentence counts as saying the same; 1 or more turns matching by meaning off. */
  meaning: number;
  /** A sentence with more figures and unknown names than this is not matched by meaning. */
  maxSpecific: number;
  /** Only sentences with at least this many words are matched by meaning: a short one's few words make its meaning vector noise. */
  meaningWords: number;
}

export interface UnitHit {
  unit: MaskedUnit;
  hit: SentenceHit;
}

/** Words of a masked unit, slots not counted. */
export function wordCount(masked: string): number {
  return wordTokens(masked).filter((t) => !t.text.startsWith('slot')).length;
}

/** A skeleton's comparable units: sentences and bullets with enough words once slots are left out. */
export function comparableUnits(skeleton: Skeleton, minWords: number): MaskedUnit[] {
  return skeleton.units.filter((unit) => wordCount(unit.masked) >= minWords);
}

/**
 * The draft's sentences that stand in corpus messages, verbatim or nearly, or failing that say
 * what a corpus sentence says in other words. Rules read them through their lint's Analysis,
 * once per draft and options: stock-sentence reports them and corpus-similarity counts them.
 */
export function stockSentenceHits(skeleton: Skeleton, index: CorpusIndex, opts: SentenceHitOptions): UnitHit[] {
  const out: UnitHit[] = [];
  for (const unit of skeleton.units) {
    const words = wordCount(unit.masked);
    if (words < opts.minWords) continue;
    const byMeaning = opts.meaning < 1 && words >= opts.meaningWords;
    const h =
      index.matchSentence(unit.masked, opts.similarity, dice) ?? (byMeaning ? index.matchMeaning(unit.masked, opts.meaning, opts.maxSpecific) : undefined);
    if (h) out.push({ unit, hit: h });
  }
  return out;
}

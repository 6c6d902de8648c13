import { keySimilarity, sentenceKey, sharesHalfTheShingles, shingles } from './features.js';
import { comparableUnits } from './sentence-hits.js';
import type { MaskedUnit, Skeleton } from './skeleton.js';

/** A sentence of a draft and the sentence of one corpus message it copies. */
export interface SharedSentence {
  draft: MaskedUnit;
  message: MaskedUnit;
  /** Character-bigram similarity of the two (1 when the words are the same). */
  similarity: number;
}

/**
 * The draft's sentences that one corpus message also holds, verbatim or nearly, each with
 * the message's closest sentence. The test is the sentence index's own (half the word
 * 3-grams shared, then `similarity` by character bigrams), so the report highlights exactly
 * what stock-sentence would count, between two messages instead of across the corpus.
 */
export function sharedSentences(
  draft: Skeleton,
  message: Skeleton,
  opts: { minWords: number; similarity: number },
  dice: (a: string, b: string) => number,
): SharedSentence[] {
  const theirs = comparableUnits(message, opts.minWords)
    .map((unit) => ({ unit, key: sentenceKey(unit.masked) }))
    .filter((m) => m.key)
    .map((m) => ({ ...m, shingles: shingles(m.key) }));
  const out: SharedSentence[] = [];
  for (const unit of comparableUnits(draft, opts.minWords)) {
    const key = sentenceKey(unit.masked);
    if (!key) continue;
    const own = shingles(key);
    let best: SharedSentence | undefined;
    for (const m of theirs) {
      if (!sharesHalfTheShingles(own, m.shingles)) continue;
      const similarity = keySimilarity(key, m.key, dice);
      if (similarity >= opts.similarity && (!best || similarity > best.similarity)) best = { draft: unit, message: m.unit, similarity };
    }
    if (best) out.push(best);
  }
  return out;
}

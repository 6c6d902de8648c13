import type { Draft } from '../kernel/types.js';
import type { CorpusIndex, SentenceHit } from './corpus-index.js';
import { dice } from './dice.js';
import { wordTokens } from './tokens.js';
import { skeletonOf, type MaskedUnit } from './skeleton.js';

export interface SentenceHitOptions {
  minWords: number;
  similarity: number;
}

export interface UnitHit {
  unit: MaskedUnit;
  hit: SentenceHit;
}

const memo = new WeakMap<Draft, Map<string, UnitHit[]>>();

/**
 * The draft's sentences that stand, verbatim or nearly, in corpus messages. Computed once per
 * draft and options, because stock-sentence reports them and stock-phrase must not report
 * a cliché inside a sentence that is already reported whole.
 */
export function stockSentenceHits(draft: Draft, index: CorpusIndex, opts: SentenceHitOptions): UnitHit[] {
  const key = `${opts.minWords}:${opts.similarity}`;
  let perDraft = memo.get(draft);
  const hit = perDraft?.get(key);
  if (hit) return hit;
  const out: UnitHit[] = [];
  for (const unit of skeletonOf(draft).units) {
    const words = wordTokens(unit.masked).filter((t) => !t.text.startsWith('slot'));
    if (words.length < opts.minWords) continue;
    const h = index.matchSentence(unit.masked, opts.similarity, dice);
    if (h) out.push({ unit, hit: h });
  }
  if (!perDraft) memo.set(draft, (perDraft = new Map()));
  perDraft.set(key, out);
  return out;
}

import { compareText } from '../kernel/compare-text.js';
import type { CorpusIndex } from './corpus-index.js';
import type { MeaningQuery } from './meaning-index.js';
import { comparableUnits, NEAR_VERBATIM, wordCount, type SentenceHitOptions, type UnitHit } from './sentence-hits.js';
import type { Skeleton } from './skeleton.js';

/** Sentences shorter than this (slots not counted) are neither counted nor compared: "Thanks!" says nothing. */
export const SENTENCE_WORDS = 5;

/** What generic sentences do, each named and shown by example sentences (rules/corpus-similarity.yml). */
export interface MoveData {
  /** Below this cosine to every move's examples a sentence is named by its corpus archetype. */
  floor: number;
  list: Array<{ id: string; name: string; examples: string[] }>;
}

export interface CollapseOptions {
  /** Cosine of meanings from which a sentence says what a corpus sentence says. */
  sentenceAt: number;
  /** A sentence with more figures and unknown names than this is not matched by meaning. */
  maxSpecific: number;
}

/** Context collapse in one message: how much of its body says what generic corpus sentences say. */
export interface Collapse {
  /** The sentences matched, with the corpus sentence each matched. */
  hits: UnitHit[];
  /** Sentences compared (five words or more). */
  total: number;
  /** Share of the compared sentences matched, 0-1. */
  share: number;
  /** Share of their words in matched sentences, 0-1. */
  wordShare: number;
  /** The archetypes of the corpus messages the matched sentences come from, commonest first. */
  archetypes: Array<{ archetype: string; sentences: number }>;
  /** The corpus messages that hold the most matched sentences, up to three. */
  messages: Array<{ id: string; archetype: string; sentences: number }>;
}

/** The move a matched sentence makes; `id` is absent for one near no move, named by its archetype. */
export interface NamedMove {
  id?: string;
  name: string;
}

/** The sentence matching the share is judged by: every sentence of five words or more, by its words or its meaning. */
export function collapseHitOptions(options: CollapseOptions): SentenceHitOptions {
  return { minWords: SENTENCE_WORDS, similarity: NEAR_VERBATIM, meaning: options.sentenceAt, maxSpecific: options.maxSpecific, meaningWords: SENTENCE_WORDS };
}

/** How much of the body says what generic corpus sentences say, and where those sentences come from (the hits of collapseHitOptions). */
export function collapseOf(skeleton: Skeleton, hits: UnitHit[], index: CorpusIndex): Collapse {
  const units = comparableUnits(skeleton, SENTENCE_WORDS);
  const total = units.reduce((s, u) => s + wordCount(u.masked), 0);
  const matched = hits.reduce((s, h) => s + wordCount(h.unit.masked), 0);
  const archetypes = new Map<string, number>();
  const messages = new Map<number, number>();
  for (const h of hits) {
    const archetype = index.message(h.hit.closestDoc).archetype;
    archetypes.set(archetype, (archetypes.get(archetype) ?? 0) + 1);
    messages.set(h.hit.closestDoc, (messages.get(h.hit.closestDoc) ?? 0) + 1);
  }
  return {
    hits,
    total: units.length,
    share: units.length ? hits.length / units.length : 0,
    wordShare: total ? matched / total : 0,
    archetypes: ranked(archetypes).map(([archetype, sentences]) => ({ archetype, sentences })),
    messages: ranked(messages)
      .slice(0, 3)
      .map(([doc, sentences]) => ({ id: index.message(doc).id, archetype: index.message(doc).archetype, sentences })),
  };
}

/**
 * The move each matched sentence makes: the move whose examples it is nearest in meaning, if
 * that is at least `floor`, else its corpus archetype. Compares every sentence with every
 * example, so it is done only for a report.
 */
export function namedMoves(hits: readonly UnitHit[], index: CorpusIndex, data: MoveData): NamedMove[] {
  const moves = data.list.map((m) => ({ id: m.id, name: m.name, queries: m.examples.map((e) => index.meaning.queryOf(e)) }));
  return hits.map(
    (h) =>
      nearestMove(index.meaning.queryOf(h.unit.masked), moves, data.floor) ?? { name: `a line from a "${index.message(h.hit.closestDoc).archetype}" email` },
  );
}

/** The moves of an email, in the order it makes them, the commonest first, with how many sentences make each. */
export function moveCounts(moves: readonly NamedMove[]): Array<NamedMove & { sentences: number }> {
  const counts = new Map<string, NamedMove & { sentences: number }>();
  for (const m of moves) {
    const seen = counts.get(m.name);
    if (seen) seen.sentences++;
    else counts.set(m.name, { ...m, sentences: 1 });
  }
  // Sort is stable: among equal counts the first made stays first.
  return [...counts.values()].sort((a, b) => b.sentences - a.sentences);
}

function ranked<K>(m: Map<K, number>): Array<[K, number]> {
  return [...m].sort((a, b) => b[1] - a[1] || compareText(String(a[0]), String(b[0])));
}

function nearestMove(q: MeaningQuery, moves: Array<{ id: string; name: string; queries: MeaningQuery[] }>, floor: number): NamedMove | undefined {
  let best: NamedMove | undefined;
  let top = floor;
  for (const m of moves) {
    for (const e of m.queries) {
      let score = 0;
      for (let i = 0; i < q.vector.length; i++) score += q.vector[i]! * e.vector[i]!;
      if (score >= top) {
        top = score;
        best = { id: m.id, name: m.name };
      }
    }
  }
  return best;
}

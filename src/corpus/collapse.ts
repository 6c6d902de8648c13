import type { Draft } from '../kernel/types.js';
import type { CorpusIndex } from './corpus-index.js';
import type { MeaningQuery } from './meaning-index.js';
import { comparableUnits, NEAR_VERBATIM, stockSentenceHits, wordCount, type UnitHit } from './sentence-hits.js';

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
  /** The sentences matched, with the corpus sentence each matched and the move it makes. */
  hits: Array<UnitHit & { move: { id?: string; name: string } }>;
  /** Sentences compared (five words or more). */
  total: number;
  /** Share of the compared sentences matched, 0-1. */
  share: number;
  /** Share of their words in matched sentences, 0-1. */
  wordShare: number;
  /** The moves the matched sentences make, commonest first; `id` is absent for a sentence near no move, named by its archetype. */
  moves: Array<{ id?: string; name: string; sentences: number }>;
  /** The archetypes of the corpus messages the matched sentences come from, commonest first. */
  archetypes: Array<{ archetype: string; sentences: number }>;
  /** The corpus messages that hold the most matched sentences, up to three. */
  messages: Array<{ id: string; archetype: string; sentences: number }>;
}

/** How much of the body says what generic corpus sentences say, and where those sentences come from. */
export function collapseOf(draft: Draft, index: CorpusIndex, options: CollapseOptions, moveData?: MoveData): Collapse {
  const units = comparableUnits(draft, SENTENCE_WORDS);
  const matched0: UnitHit[] = stockSentenceHits(draft, index, { minWords: SENTENCE_WORDS, similarity: NEAR_VERBATIM, meaning: options.sentenceAt, maxSpecific: options.maxSpecific, meaningWords: SENTENCE_WORDS });
  const words = wordCount;
  const total = units.reduce((s, u) => s + words(u.masked), 0);
  const matched = matched0.reduce((s, h) => s + words(h.unit.masked), 0);
  const archetypes = new Map<string, number>();
  const moves = new Map<string, number>();
  const moveIds = new Map<string, string>();
  const messages = new Map<number, number>();
  const named = moveData ? moveExamples(index, moveData) : undefined;
  const hits = matched0.map((h) => {
    const archetype = index.message(h.hit.closestDoc).archetype;
    archetypes.set(archetype, (archetypes.get(archetype) ?? 0) + 1);
    const move = named ? nearestMove(index, named, moveData!.floor, h.unit.masked) : undefined;
    const name = move?.name ?? `a line from a "${archetype}" email`;
    if (move) moveIds.set(name, move.id);
    moves.set(name, (moves.get(name) ?? 0) + 1);
    messages.set(h.hit.closestDoc, (messages.get(h.hit.closestDoc) ?? 0) + 1);
    return { ...h, move: move ?? { name } };
  });
  const ranked = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  return {
    hits,
    total: units.length,
    share: units.length ? hits.length / units.length : 0,
    wordShare: total ? matched / total : 0,
    // Moves in the order the email makes them, the commonest first (sort is stable).
    moves: [...moves].sort((a, b) => b[1] - a[1]).map(([name, sentences]: [string, number]) => ({ ...(moveIds.has(name) ? { id: moveIds.get(name) } : {}), name, sentences })),
    archetypes: ranked(archetypes).map(([archetype, sentences]) => ({ archetype, sentences })),
    messages: ranked(messages).slice(0, 3).map(([doc, sentences]) => ({ id: index.message(doc).id, archetype: index.message(doc).archetype, sentences })),
  };
}


type MoveQueries = Array<{ id: string; name: string; queries: MeaningQuery[] }>;

/**
 * Each move's example sentences as queries of this index (its common direction taken out).
 * They come from the index's cache of recent queries, by text, so a server that rebuilds the
 * rule data per request does not redo them.
 */
function moveExamples(index: CorpusIndex, data: MoveData): MoveQueries {
  return data.list.map((m) => ({ id: m.id, name: m.name, queries: m.examples.map((e) => index.meaning.queryOf(e)) }));
}

/** The move whose examples a sentence is nearest in meaning, if any is at least `floor`. */
function nearestMove(index: CorpusIndex, moves: MoveQueries, floor: number, masked: string): { id: string; name: string } | undefined {
  const q = index.meaning.queryOf(masked);
  let best: { id: string; name: string } | undefined;
  let top = floor;
  for (const m of moves) {
    for (const e of m.queries) {
      const score = cosine(q.vector, e.vector);
      if (score >= top) {
        top = score;
        best = m;
      }
    }
  }
  return best && { id: best.id, name: best.name };
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { wordTokens } from '../corpus/tokens.js';
import type { Skeleton } from '../corpus/skeleton.js';
import type { DraftMetrics } from '../kernel/types.js';
import type { Link } from './links.js';

/** One sentence (or bullet) of the message proper, counted. */
export interface CountedSentence {
  start: number;
  end: number;
  words: number;
  syllables: number;
  question: boolean;
}

/** The form of a draft: its counts, and the sentences they come from. */
export interface FormAnalysis {
  metrics: DraftMetrics;
  sentences: CountedSentence[];
  links: Link[];
  /** The sentence whose removal lowers the grade most, when the body has two or more. */
  hardest?: CountedSentence & { grade: number };
}

/** Words counted so far: the count is a function of the word, and the same words recur in every draft. */
const SYLLABLES = new Map<string, number>();
/** Enough for the words of a team's mail; a larger map is cleared and filled again. */
const SYLLABLE_CACHE_WORDS = 50_000;

function syllablesOf(word: string): number {
  let n = SYLLABLES.get(word);
  if (n === undefined) {
    if (SYLLABLES.size >= SYLLABLE_CACHE_WORDS) SYLLABLES.clear();
    n = syllable(word);
    SYLLABLES.set(word, n);
  }
  return n;
}

// A question mark at the end, before any closing quotes or brackets.
const QUESTION = /\?["'”’)\]]*\s*$/;

/**
 * Counts the message proper (the skeleton's sentences and bullets: greeting, sign-off,
 * signature, quoted reply and footer are already out) the way Flesch and Kincaid did: words,
 * sentences and syllables. Syllables come from the `syllable` package (English rules and a
 * list of exceptions), not from counting vowel groups here.
 */
export function formOf(body: string, skeleton: Skeleton, links: Link[]): FormAnalysis {
  const sentences: CountedSentence[] = skeleton.units.map((u) => {
    const text = body.slice(u.start, u.end);
    const tokens = wordTokens(text).filter((t) => /\p{L}/u.test(t.text) || /^\p{N}/u.test(t.text));
    let syllables = 0;
    for (const t of tokens) syllables += /\p{L}/u.test(t.text) ? Math.max(1, syllablesOf(t.text)) : 1;
    return { start: u.start, end: u.end, words: tokens.length, syllables, question: QUESTION.test(text) };
  });
  const counted = sentences.filter((s) => s.words > 0);
  const total = sum(counted);
  const metrics: DraftMetrics = {
    words: total.word,
    sentences: counted.length,
    grade: gradeOf(total),
    questions: counted.filter((s) => s.question).length,
    links: links.length,
  };
  const form: FormAnalysis = { metrics, sentences: counted, links };
  const hardest = hardestSentence(counted, total);
  if (hardest) form.hardest = hardest;
  return form;
}

interface Counts {
  sentence: number;
  word: number;
  syllable: number;
}

function sum(sentences: CountedSentence[]): Counts {
  const c = { sentence: sentences.length, word: 0, syllable: 0 };
  for (const s of sentences) {
    c.word += s.words;
    c.syllable += s.syllables;
  }
  return c;
}

/** Flesch-Kincaid grade to one decimal, never below 0 (a body of one-syllable words scores negative). */
export function gradeOf(c: Counts): number {
  if (c.word === 0) return 0;
  return Math.max(0, Math.round(fleschKincaid({ ...c }) * 10) / 10);
}

/** The sentence that takes the grade down most when left out: the one to rewrite first. */
function hardestSentence(sentences: CountedSentence[], total: Counts): FormAnalysis['hardest'] {
  if (sentences.length < 2) return sentences[0] ? { ...sentences[0], grade: gradeOf(total) } : undefined;
  const all = gradeOf(total);
  let best: CountedSentence | undefined;
  let drop = 0;
  for (const s of sentences) {
    const without = gradeOf({ sentence: total.sentence - 1, word: total.word - s.words, syllable: total.syllable - s.syllables });
    if (all - without > drop) {
      drop = all - without;
      best = s;
    }
  }
  return best ? { ...best, grade: gradeOf({ sentence: 1, word: best.words, syllable: best.syllables }) } : undefined;
}

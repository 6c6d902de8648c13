import { firstToken, stem, wordTokens, type Token } from '../corpus/tokens.js';

/** A word with its stem and its text as written. */
export interface StemToken extends Token {
  stem: string;
  raw: string;
}

export function stemTokens(text: string, offset = 0): StemToken[] {
  const out: StemToken[] = [];
  for (const t of wordTokens(text)) {
    out.push({ text: t.text, start: t.start + offset, end: t.end + offset, stem: stemOf(t.text), raw: text.slice(t.start, t.end) });
  }
  return out;
}

/** A possessive stems as its owner: "team's" is "team". */
function stemOf(word: string): string {
  return stem(word.endsWith("'s") ? word.slice(0, -2) : word);
}

export interface PhraseHit<T> {
  value: T;
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
}

interface Entry<T> {
  phrase: string;
  value: T;
  /** The phrase's words, worked out when a draft first has its first word. */
  words?: string[];
}

/**
 * Finds phrases in a token list, longest at each token. Phrases are indexed by their first
 * word only, and a phrase is split into words the first time a draft contains that word: a
 * cold lint then never tokenises the hundreds of phrases whose first word it does not use
 * (a full trie of them cost ~10 ms and ~2 MB before the first match). Matching stays linear
 * in the text times the few phrases that share a first word; no regular expressions are
 * built from the data, so no entry can make matching slow.
 */
export class StemPhraseMatcher<T> {
  private readonly pending: Entry<T>[] = [];
  private byFirst: Map<string, Entry<T>[]> | undefined;

  /**
   * `stem` matches inflections ("growing" is "grow"); `word` matches the words as written,
   * for lists that spell out their forms and where stems would merge meanings ("open" and
   * "opening" share a stem, an open shift and a store opening do not).
   */
  constructor(private readonly by: 'stem' | 'word' = 'stem') {}

  add(phrase: string, value: T): this {
    this.pending.push({ phrase, value });
    this.byFirst = undefined;
    return this;
  }

  find(tokens: StemToken[]): PhraseHit<T>[] {
    const index = this.index();
    const out: PhraseHit<T>[] = [];
    const byStem = this.by === 'stem';
    const key = (t: StemToken) => (byStem ? t.stem : t.text);
    for (let i = 0; i < tokens.length; i++) {
      const candidates = index.get(key(tokens[i]!));
      if (!candidates) continue;
      let bestLength = 0;
      let best: T[] = [];
      for (const c of candidates) {
        const words = (c.words ??= this.words(c.phrase));
        if (words.length < bestLength || i + words.length > tokens.length) continue;
        let k = 1;
        while (k < words.length && words[k] === key(tokens[i + k]!)) k++;
        if (k < words.length) continue;
        if (words.length > bestLength) {
          bestLength = words.length;
          best = [];
        }
        best.push(c.value);
      }
      for (const value of best) out.push({ value, from: i, to: i + bestLength });
    }
    return out;
  }

  private index(): Map<string, Entry<T>[]> {
    if (this.byFirst) return this.byFirst;
    const index = new Map<string, Entry<T>[]>();
    for (const e of this.pending) {
      const first = this.firstWord(e.phrase);
      if (first === undefined) continue;
      const list = index.get(first);
      if (list) list.push(e);
      else index.set(first, [e]);
    }
    return (this.byFirst = index);
  }

  private words(phrase: string): string[] {
    // A word list never needs the stemmer, which keeps the cold start of a lint short.
    return this.by === 'stem' ? stemTokens(phrase).map((t) => t.stem) : wordTokens(phrase).map((t) => t.text);
  }

  private firstWord(phrase: string): string | undefined {
    const t = firstToken(phrase);
    if (t === undefined) return undefined;
    return this.by === 'stem' ? stemOf(t) : t;
  }
}

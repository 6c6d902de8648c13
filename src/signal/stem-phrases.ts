import { stem, wordTokens, type Token } from '../corpus/tokens.js';

/** A word with its stem and its text as written. */
export interface StemToken extends Token {
  stem: string;
  raw: string;
}

export function stemTokens(text: string, offset = 0): StemToken[] {
  const out: StemToken[] = [];
  for (const t of wordTokens(text)) {
    out.push({ text: t.text, start: t.start + offset, end: t.end + offset, stem: stem(t.text.endsWith("'s") ? t.text.slice(0, -2) : t.text), raw: text.slice(t.start, t.end) });
  }
  return out;
}

export interface PhraseHit<T> {
  value: T;
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  values?: T[];
}

/**
 * Finds phrases in a token list, longest at each token, by walking a trie of their words:
 * linear in the text whatever the phrase list holds, and no strings are built per match.
 */
export class StemPhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map() };

  /**
   * `stem` matches inflections ("growing" is "grow"); `word` matches the words as written,
   * for lists that spell out their forms and where stems would merge meanings ("open" and
   * "opening" share a stem, an open shift and a store opening do not).
   */
  constructor(private readonly by: 'stem' | 'word' = 'stem') {}

  add(phrase: string, value: T): this {
    // A word list never needs the stemmer, which keeps the cold start of a lint short.
    const words = this.by === 'stem' ? stemTokens(phrase).map((t) => t.stem) : wordTokens(phrase).map((t) => t.text);
    if (words.length === 0) return this;
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map() }));
      node = child;
    }
    (node.values ??= []).push(value);
    return this;
  }

  find(tokens: StemToken[]): PhraseHit<T>[] {
    const out: PhraseHit<T>[] = [];
    const byStem = this.by === 'stem';
    for (let i = 0; i < tokens.length; i++) {
      let node: Node<T> | undefined = this.root;
      let best: { values: T[]; to: number } | undefined;
      for (let j = i; j < tokens.length; j++) {
        node = node.next.get(byStem ? tokens[j]!.stem : tokens[j]!.text);
        if (!node) break;
        if (node.values) best = { values: node.values, to: j + 1 };
      }
      if (best) for (const value of best.values) out.push({ value, from: i, to: best.to });
    }
    return out;
  }
}

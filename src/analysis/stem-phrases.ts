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

/**
 * The text between token i - 1 and token i of `text` (whose first character is at `offset`):
 * the spaces and marks that tell whether a phrase or clause goes on.
 */
export function gapBefore(text: string, offset: number, tokens: readonly StemToken[], i: number): string {
  return text.slice(tokens[i - 1]!.end - offset, tokens[i]!.start - offset);
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
}

interface Node<T> {
  next: Map<string, Node<T>>;
  values?: T[];
}

/**
 * Finds phrases in a token list, longest at each token, by walking a trie of their words.
 * The trie is grown lazily: phrases are first grouped by their first word only, and a group
 * becomes a sub-trie the first time a draft contains that word. A cold lint then never
 * tokenises the hundreds of phrases whose first word it does not use (a full trie of them
 * cost ~10 ms and ~2 MB before the first match), and a warm one walks a trie as before.
 * Matching is linear in the text whatever the phrase list holds, and no regular expressions
 * are built from the data, so no entry can make matching slow.
 */
export class StemPhraseMatcher<T> {
  private readonly pending: Entry<T>[] = [];
  private byFirst: Map<string, Entry<T>[] | Node<T>> | undefined;

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
    const out: PhraseHit<T>[] = [];
    const byStem = this.by === 'stem';
    for (let i = 0; i < tokens.length; i++) {
      let node: Node<T> | undefined = this.subTrie(byStem ? tokens[i]!.stem : tokens[i]!.text);
      let best: { values: T[]; to: number } | undefined;
      for (let j = i + 1; node; j++) {
        if (node.values) best = { values: node.values, to: j };
        if (j >= tokens.length) break;
        node = node.next.get(byStem ? tokens[j]!.stem : tokens[j]!.text);
      }
      if (best) for (const value of best.values) out.push({ value, from: i, to: best.to });
    }
    return out;
  }

  /** The trie below a first word, built from its phrases when first asked for. */
  private subTrie(first: string): Node<T> | undefined {
    const index = this.index();
    const group = index.get(first);
    if (!group || !Array.isArray(group)) return group;
    const root: Node<T> = { next: new Map() };
    for (const e of group) {
      let node = root;
      for (const w of this.words(e.phrase).slice(1)) {
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = { next: new Map() }));
        node = child;
      }
      (node.values ??= []).push(e.value);
    }
    index.set(first, root);
    return root;
  }

  private index(): Map<string, Entry<T>[] | Node<T>> {
    if (this.byFirst) return this.byFirst;
    const index = new Map<string, Entry<T>[] | Node<T>>();
    for (const e of this.pending) {
      const first = this.firstWord(e.phrase);
      if (first === undefined) continue;
      const list = index.get(first) as Entry<T>[] | undefined;
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

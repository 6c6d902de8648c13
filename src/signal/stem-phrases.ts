import { stem, wordTokens, type Token } from '../corpus/tokens.js';

/** A word with its stem and its text as written. */
export interface StemToken extends Token {
  stem: string;
  raw: string;
}

export function stemTokens(text: string, offset = 0): StemToken[] {
  return wordTokens(text).map((t) => ({ ...t, start: t.start + offset, end: t.end + offset, stem: stem(t.text.replace(/'s$/, '')), raw: text.slice(t.start, t.end) }));
}

export interface PhraseHit<T> {
  value: T;
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
}

/**
 * Finds phrases in a token list by their stems or words, longest at each token. Matching is a table
 * look-up per token and length, so it is linear in the text whatever the phrase list holds.
 */
export class StemPhraseMatcher<T> {
  private readonly table = new Map<string, T[]>();
  private longest = 1;

  /**
   * `stem` matches inflections ("growing" is "grow"); `word` matches the words as written,
   * for lists that spell out their forms and where stems would merge meanings ("open" and
   * "opening" share a stem, an open shift and a store opening do not).
   */
  constructor(private readonly by: 'stem' | 'word' = 'stem') {}

  private keyOf(t: StemToken): string {
    return this.by === 'stem' ? t.stem : t.text;
  }

  add(phrase: string, value: T): this {
    const key = stemTokens(phrase).map((t) => this.keyOf(t));
    if (key.length === 0) return this;
    const k = key.join(' ');
    const list = this.table.get(k) ?? [];
    list.push(value);
    this.table.set(k, list);
    this.longest = Math.max(this.longest, key.length);
    return this;
  }

  find(tokens: StemToken[]): PhraseHit<T>[] {
    const out: PhraseHit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      let key = '';
      const keys: string[] = [];
      for (let len = 1; len <= this.longest && i + len <= tokens.length; len++) {
        key = len === 1 ? this.keyOf(tokens[i]!) : `${key} ${this.keyOf(tokens[i + len - 1]!)}`;
        keys.push(key);
      }
      for (let len = keys.length; len >= 1; len--) {
        const values = this.table.get(keys[len - 1]!);
        if (values) {
          for (const value of values) out.push({ value, from: i, to: i + len });
          break;
        }
      }
    }
    return out;
  }
}

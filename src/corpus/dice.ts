import { compareTwoStrings } from 'string-similarity';

/**
 * Character-bigram Dice similarity, 0-1. string-similarity is unmaintained and CommonJS, so it
 * stays behind this one function. Dice scores unrelated 120-word emails around 0.65: it is
 * used only to rescore single sentences, never whole messages.
 */
export function dice(a: string, b: string): number {
  return compareTwoStrings(a, b);
}

/** The names most like a misspelt one (at most three, at least half alike), for "did you mean". */
export function closest(names: readonly string[], typed: string): string[] {
  return names
    .map((name) => [name, dice(name, typed)] as const)
    .filter(([, d]) => d >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name]) => name);
}

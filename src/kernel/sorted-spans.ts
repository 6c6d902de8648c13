/**
 * Lookups in lists sorted by offset, so that checking every token against every placeholder,
 * quotation or anchor costs a logarithm instead of a scan: a draft of 200 KB has tens of
 * thousands of each, and the scans made a lint grow with the square of its length.
 */

/** The index of the first number at or above `v` in an ascending list. */
export function lowerBound(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first item whose `start` is at or after `pos` (items sorted by start). */
export function firstStartingAt<T extends { start: number }>(items: readonly T[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans that do not overlap one another, kept sorted, with an overlap test for a new one. */
export class SpanSet<T extends { start: number; end: number }> {
  private readonly spans: T[] = [];

  /** Whether [start, end) shares a character with a span in the set. */
  overlaps(start: number, end: number): boolean {
    const i = firstStartingAt(this.spans, end);
    // Spans are disjoint and sorted, so only the one starting last before `end` can reach in.
    const before = this.spans[i - 1];
    return before !== undefined && before.end > start;
  }

  /** Adds a span that overlaps none in the set (callers check with overlaps first). */
  add(span: T): void {
    this.spans.splice(firstStartingAt(this.spans, span.start), 0, span);
  }

  get items(): readonly T[] {
    return this.spans;
  }
}

/**
 * A test for whether [start, end) overlaps any of some spans, which may overlap one another
 * (placeholders inside placeholders): sorted by start, with the running furthest end.
 */
export function overlapTest(spans: ReadonlyArray<{ start: number; end: number }>): (start: number, end: number) => boolean {
  const { sorted, reach } = withReach(spans);
  return (start, end) => {
    const i = firstStartingAt(sorted, end);
    return i > 0 && reach[i - 1]! > start;
  };
}

/**
 * A test for whether [start, end) lies inside any of some spans (which may overlap one
 * another): among the spans starting at or before `start`, the furthest end must reach `end`.
 */
export function containmentTest(spans: ReadonlyArray<{ start: number; end: number }>): (start: number, end: number) => boolean {
  const { sorted, reach } = withReach(spans);
  return (start, end) => {
    const i = firstStartingAt(sorted, start + 1);
    return i > 0 && reach[i - 1]! >= end;
  };
}

/** Spans sorted by start, and for each the furthest end among it and the spans before it. */
function withReach<T extends { start: number; end: number }>(spans: readonly T[]): { sorted: T[]; reach: number[] } {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  let far = -Infinity;
  for (const s of sorted) reach.push((far = Math.max(far, s.end)));
  return { sorted, reach };
}

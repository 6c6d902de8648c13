/**
 * What a group's between-template spread is estimated from: the emails of one template are
 * not independent trials (a template, a list or a step lifts or sinks all of them together),
 * so the reply rates of many sends from a few templates vary more than a binomial allows. The
 * unit is the template: a draft on its own, or the drafts that share one fate (a near-copy
 * cluster, or one draft whose sends an export splits among reps), counted as one.
 */
export class UnitSums {
  /** Single-draft units: how many, and the sum of replied² / sent over them. */
  private singles = 0;
  private singleSquares = 0;
  /** Units of several drafts (or parts of one), by unit key: their sends and replies so far. */
  private readonly parts = new Map<string, { n: number; r: number }>();

  add(sent: number, replied: number, unit: string | undefined): void {
    if (sent <= 0) return;
    if (unit === undefined) {
      this.singles++;
      this.singleSquares += (replied * replied) / sent;
      return;
    }
    const p = this.parts.get(unit);
    if (p) {
      p.n += sent;
      p.r += replied;
    } else this.parts.set(unit, { n: sent, r: replied });
  }

  /** How many units, and the sum of replied² / sent over them. */
  sums(): { k: number; s: number } {
    let s = this.singleSquares;
    for (const { n, r } of this.parts.values()) s += (r * r) / n;
    return { k: this.singles + this.parts.size, s };
  }

  /**
   * The sums of `whole`'s units outside this group (this being part of it): a unit partly in
   * the group keeps its part outside. `wholeSums` is whole.sums(), worked out once.
   */
  restSums(whole: UnitSums, wholeSums: { k: number; s: number }): { k: number; s: number } {
    let k = wholeSums.k - this.singles;
    let s = wholeSums.s - this.singleSquares;
    for (const [unit, inside] of this.parts) {
      const all = whole.parts.get(unit)!;
      s -= (all.r * all.r) / all.n;
      k--;
      const n = all.n - inside.n;
      if (n > 0) {
        const r = all.r - inside.r;
        s += (r * r) / n;
        k++;
      }
    }
    return { k, s };
  }
}

/**
 * The quasi-binomial dispersion of `replied` of `sent` over `k` units whose replied² / sent
 * sum to `s`: Pearson's χ² over the units divided by k - 1, and never below 1 (no spread
 * beyond the binomial's is assumed away). A reply-rate interval computed on sent / φ emails
 * then holds for templates, not only for emails. With fewer than two units it cannot be
 * estimated and is 1.
 */
export function dispersion(replied: number, sent: number, { k, s }: { k: number; s: number }): number {
  if (k < 2 || sent <= 0 || replied <= 0 || replied >= sent) return 1;
  const p = replied / sent;
  // Σ (r - n p)² / (n p (1 - p)), expanded so that only Σ r² / n need be kept per group.
  const chi2 = (s - 2 * p * replied + p * p * sent) / (p * (1 - p));
  return Math.max(1, chi2 / (k - 1));
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval of a proportion, `replied` of `sent`: unlike the normal
 * approximation it stays inside [0, 1] and holds at the low reply rates (1-10%) and small
 * counts that outreach produces. No sends: the whole range, nothing is known.
 */
export function wilsonInterval(replied: number, sent: number, z = Z95): [low: number, high: number] {
  if (sent <= 0) return [0, 1];
  const p = replied / sent;
  const z2 = z * z;
  const denominator = 1 + z2 / sent;
  const centre = (p + z2 / (2 * sent)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / sent + z2 / (4 * sent * sent))) / denominator;
  // At no replies or all of them the bound is exactly 0 or 1; the formula gets there only to within rounding.
  return [replied <= 0 ? 0 : Math.max(0, centre - half), replied >= sent ? 1 : Math.min(1, centre + half)];
}

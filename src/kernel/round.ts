/** `x` to `digits` decimal places, for figures shown in JSON and reports (0.123456 -> 0.123). */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

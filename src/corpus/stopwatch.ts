/**
 * Milliseconds since the call, read from process.hrtime: the global `performance` loads the
 * perf_hooks module on first touch, a few milliseconds of every cold lint.
 */
export function stopwatch(): () => number {
  const start = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - start) / 1e6;
}

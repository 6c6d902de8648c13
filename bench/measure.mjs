import { readFileSync } from 'node:fs';

// Timing helpers for the benchmarks: medians of repeated runs, printed as a table.
export async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

export function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => `| ${r.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/**
 * A process's peak resident memory in MB (VmHWM), undefined where there is no /proc. Not
 * getrusage: Linux carries ru_maxrss across exec, so a process spawned by a benchmark that
 * holds a large index would report the benchmark's size.
 */
export function peakRssMb(pid = 'self') {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

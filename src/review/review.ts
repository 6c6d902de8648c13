import { skeletonOf, skeletonText } from '../corpus/skeleton.js';
import type { Finding } from '../kernel/types.js';
import type { DraftResult, OutreachLint } from '../outreach-lint.js';
import { clusterNearCopies } from './cluster.js';
import { round } from '../kernel/round.js';

/** One template or draft in a review. */
export interface ReviewItem {
  name: string;
  result: DraftResult;
  /** Cluster number (1-based) when the item has near-copies, else undefined. */
  cluster?: number;
  /** The nearest generic corpus message and its similarity. */
  nearest?: { id: string; archetype: string; similarity: number };
  topFinding?: Finding;
}

/** A file the review could not read or parse, with the one line the run printed for it. */
export interface FailedFile {
  file: string;
  /** The one-line message, as on stderr without the "outreach-lint: " prefix. */
  error: string;
}

export interface Review {
  items: ReviewItem[];
  clusters: Array<{ id: number; members: string[] }>;
  verdicts: Record<string, number>;
  rules: Record<string, number>;
  /** How many distinct emails the set holds once near-copies are counted once. */
  distinct: number;
  /** Files left out because they could not be read; every output lists them so none goes missing silently. */
  failed: FailedFile[];
}

const VERDICT_RANK: Record<string, number> = { block: 0, 'needs-signal': 1, revise: 2, pass: 3 };
const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/**
 * Builds the review of linted results: near-copy clusters, the nearest corpus message, worst
 * first. `failed` are the files that could not be read, in the order they were met.
 */
export function buildReview(linter: OutreachLint, results: DraftResult[], failed: FailedFile[] = []): Review {
  const index = linter.services.corpus;
  const skeletons = results.map((r) => skeletonText(skeletonOf(r.draft)));
  const clusterOf = clusterNearCopies(skeletons);
  const sizes = new Map<number, number>();
  for (const c of clusterOf) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const numbering = new Map<number, number>();
  const items: ReviewItem[] = results.map((result, i) => {
    const item: ReviewItem = { name: itemName(result), result };
    const root = clusterOf[i]!;
    if (sizes.get(root)! > 1) {
      if (!numbering.has(root)) numbering.set(root, numbering.size + 1);
      item.cluster = numbering.get(root)!;
    }
    const best = index?.nearest(skeletons[i]!, 1)[0];
    if (best && index) {
      const m = index.message(best.doc);
      item.nearest = { id: m.id, archetype: m.archetype, similarity: round(best.score) };
    }
    const top = [...result.findings].sort((a, b) => SEVERITY_RANK[a.severity]! - SEVERITY_RANK[b.severity]! || a.line - b.line)[0];
    if (top) item.topFinding = top;
    return item;
  });
  items.sort((a, b) => VERDICT_RANK[a.result.verdict]! - VERDICT_RANK[b.result.verdict]! || a.result.score - b.result.score || a.name.localeCompare(b.name));
  const clusters = [...numbering.values()].map((id) => ({ id, members: items.filter((x) => x.cluster === id).map((x) => x.name) }));
  const verdicts: Record<string, number> = { block: 0, 'needs-signal': 0, revise: 0, pass: 0 };
  const rules: Record<string, number> = {};
  for (const it of items) {
    verdicts[it.result.verdict]!++;
    for (const f of it.result.findings) rules[f.ruleId] = (rules[f.ruleId] ?? 0) + 1;
  }
  return { items, clusters, verdicts, rules, distinct: new Set(clusterOf).size, failed };
}

function itemName(r: DraftResult): string {
  const a = r.draft.attributes;
  if (r.draft.format === 'csv') return typeof a.name === 'string' && a.name ? `${r.filePath}: ${a.name}` : `${r.filePath}:${String(a.line)}`;
  return r.index !== undefined ? `${r.filePath}[${r.index}]` : r.filePath;
}

import type { Callout, OutcomeEntry, Outcomes } from './outcome-stats.js';

type Counts = Pick<OutcomeEntry, 'sent' | 'replied' | 'replyRate' | 'interval'>;

/** A reply rate with its interval and the sends behind it: "1.2% (0.8-1.9%, 2,400 sent)". */
export function rateText(e: Counts): string {
  if (e.replyRate === null) return 'no sends';
  return `${percent(e.replyRate)} (${percent(e.interval[0], false)}-${percent(e.interval[1])}, ${e.sent.toLocaleString('en-US')} sent)`;
}

export function percent(x: number, sign = true): string {
  const p = x * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(0) : p.toFixed(1)}${sign ? '%' : ''}`;
}

const GROUP: Record<Callout['family'], (key: string) => [self: string, rest: string]> = {
  rule: (k) => [`Drafts with ${k}`, 'the drafts without it'],
  verdict: (k) => [`${k[0]!.toUpperCase()}${k.slice(1)} drafts`, 'the other verdicts'],
  scoreBand: (k) => [`Drafts scoring ${k}`, 'the other scores'],
  cluster: (k) => [`Near-copy cluster #${k}`, 'the other drafts'],
  owner: (k) => [`${k}'s drafts`, 'the other reps'],
  step: (k) => [`Step ${k}`, 'the other steps'],
};

/**
 * What the data says, a sentence each: every difference called out, or why none is, and how
 * many comparisons were made, so that one call-out among many is read as such.
 */
export function outcomeSayings(o: Outcomes): string[] {
  const out: string[] = [];
  // Rules whose findings fall on the same drafts split the sends the same way: one line says it for all of them.
  const said = new Map<string, Callout[]>();
  for (const c of o.calledOut) {
    const split = c.family === 'rule' ? `${c.difference} ${c.entry.sent} ${c.entry.replied} ${c.other.sent} ${c.other.replied}` : `${c.family} ${c.key}`;
    said.set(split, [...(said.get(split) ?? []), c]);
  }
  for (const [first, ...more] of said.values()) {
    const [self, rest] = GROUP[first!.family](first!.key);
    const who = more.length ? `Drafts with ${[first!, ...more].map((c) => c.key).join(', ')} (the same drafts)` : self;
    out.push(
      `${who} got ${first!.difference === 'lower' ? 'fewer' : 'more'} replies: ${rateText(first!.entry)} against ${rateText(first!.other)} for ${more.length ? 'the drafts without them' : rest}.`,
    );
  }
  if (!o.calledOut.length) {
    out.push(
      o.comparisons === 0
        ? `Not enough sends to tell: no comparison has ${o.minSends.toLocaleString('en-US')} sends on each side (${o.overall.sent.toLocaleString('en-US')} sent in all).`
        : `No difference stands out: in all ${o.comparisons} comparisons with ${o.minSends.toLocaleString('en-US')} sends on each side, the 95% intervals overlap.`,
    );
  }
  if (o.comparisons > 0)
    out.push(
      `${o.comparisons} ${o.comparisons === 1 ? 'comparison' : 'comparisons'} had enough sends to call out a difference. Each needs two 95% intervals apart, stricter than one test at p < 0.05, but over many comparisons one can still stand out by chance: look for a pattern, not a single line.`,
    );
  if (o.unmatched) out.push(`${o.unmatched} of ${o.drafts + o.unmatched} drafts have no outcomes and are not counted here.`);
  return out;
}

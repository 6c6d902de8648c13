import type { Draft } from '../kernel/types.js';
import { findPhrases, phraseListMatcher } from './phrase-list.js';
import type { StemPhraseMatcher } from './stem-phrases.js';
import type { Skeleton } from '../corpus/skeleton.js';

/** One entry of rules/follow-ups.yml. */
export interface FollowUpPhrase {
  id: string;
  kind: 'follow-up' | 'breakup';
  match: string[];
}

/** rules/follow-ups.yml as the rules that use it get it. */
export interface FollowUpData {
  phrases: FollowUpPhrase[];
}

/**
 * What shows the draft is not the first email to this person, best evidence first: an
 * .eml's `In-Reply-To` or `References` header (a reply in a thread), a sequence step after
 * the first (`step:` in front matter, a CSV column), a quoted earlier message, or follow-up
 * or breakup wording in the message itself.
 */
export type EarlierTouch = { by: 'thread' | 'step' | 'quote' } | { by: 'wording'; phrase: FollowUpPhrase; start: number; end: number };

const matchers = new WeakMap<FollowUpData, StemPhraseMatcher<FollowUpPhrase>>();

/** The phrase matcher of the shared data, built once however many rules read it. */
function matcherOf(data: FollowUpData): StemPhraseMatcher<FollowUpPhrase> {
  let m = matchers.get(data);
  if (!m) matchers.set(data, (m = phraseListMatcher(data.phrases.flatMap((p) => p.match.map((text) => [text, p] as const)))));
  return m;
}

/** The sequence step a draft says it is, when it says one: `step: 2`, `step: "3"`. */
export function stepOf(draft: Draft): number | undefined {
  const step = Number(draft.attributes.step);
  return Number.isInteger(step) && step > 0 ? step : undefined;
}

export function earlierTouch(draft: Draft, skeleton: Skeleton, data: FollowUpData): EarlierTouch | undefined {
  if (draft.headers?.['in-reply-to']?.trim() || draft.headers?.references?.trim()) return { by: 'thread' };
  const step = stepOf(draft);
  if (step !== undefined) return step > 1 ? { by: 'step' } : undefined;
  if (draft.regions.some((r) => r.kind === 'quote')) return { by: 'quote' };
  const text = draft.body.text;
  for (const u of skeleton.units) {
    const hit = findPhrases(text.slice(u.start, u.end), matcherOf(data))[0];
    if (hit) return { by: 'wording', phrase: hit.value, start: u.start + hit.start, end: u.start + hit.end };
  }
  return undefined;
}

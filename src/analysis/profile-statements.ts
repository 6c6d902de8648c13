/** Sentences that tell the prospect their own profile (role, tenure, place, school): every list has it, so none is research. */
import { firstStartingAt } from '../kernel/sorted-spans.js';
import type { Anchor } from './anchors.js';
import type { Prepared } from './signal-data.js';
import type { StemToken } from './stem-phrases.js';

/** What a profile statement is read from: one sentence's words and anchors. */
export interface StatedUnit {
  tokens: StemToken[];
  anchors: Anchor[];
}

/**
 * The anchors of a role the sentence tells them they hold: "you're the Head of Sales at
 * Tessaro", "as VP of Marketing at Tessaro". That is their profile, which every list has; the
 * title and the organisation after "at" or "of" are no fact about them.
 */
export function statedRole(u: StatedUnit, p: Prepared): Set<Anchor> {
  const out = new Set<Anchor>();
  const entities = u.anchors.filter((a) => a.kind === 'entity');
  for (const [k, a] of entities.entries()) {
    const at = firstStartingAt(u.tokens, a.start);
    if (!p.roleTitles.has(u.tokens[at]?.text ?? '')) continue;
    const article = ARTICLES.has(u.tokens[at - 1]?.text ?? '') ? 1 : 0;
    const head = u.tokens[at - 1 - article]?.text ?? '';
    if (head !== "you're" && head !== 'as' && !(head === 'are' && u.tokens[at - 2 - article]?.text === 'you')) continue;
    out.add(a);
    const next = entities[k + 1];
    const between = next ? u.tokens.slice(firstStartingAt(u.tokens, a.end), firstStartingAt(u.tokens, next.start)) : [];
    if (next && between.length === 1 && (between[0]!.text === 'at' || between[0]!.text === 'of')) out.add(next);
  }
  return out;
}

const ARTICLES = new Set(['the', 'a', 'an']);

/** The most words after a profile phrase whose anchors it describes: "based in Denver", "went to Stanford". */
const PROFILE_REACH = 4;

/**
 * The anchors a profile phrase introduces: where they are ("you're based in Denver"), where they
 * studied ("went to Stanford"), when the company was founded ("been around since 2012"). Every
 * prospect list has these; none is research.
 */
export function statedProfile(u: StatedUnit, p: Prepared): Set<Anchor> {
  const out = new Set<Anchor>();
  const hits = p.profileFacts.find(u.tokens);
  if (hits.length === 0) return out;
  for (const a of u.anchors) {
    const at = firstStartingAt(u.tokens, a.start);
    if (hits.some((h) => at >= h.to && at < h.to + PROFILE_REACH)) out.add(a);
  }
  return out;
}

/** Units of a tenure: "you've been in your role for 3 years". */
const TENURE_UNITS = new Set(['year', 'years', 'month', 'months']);

/**
 * How long they have been where they are ("you've been at Tessaro for 3 years", "you have
 * been in the role for 18 months"): their profile, which every list has, not a fact of theirs
 * anyone went looking for.
 */
export function statedTenure(u: StatedUnit): Set<Anchor> {
  const out = new Set<Anchor>();
  const been = u.tokens.findIndex(
    (t, i) => t.text === 'been' && (u.tokens[i - 1]?.text === "you've" || (u.tokens[i - 1]?.text === 'have' && u.tokens[i - 2]?.text === 'you')),
  );
  if (been < 0) return out;
  for (const a of u.anchors) {
    if (a.kind !== 'number' || a.start < u.tokens[been]!.end) continue;
    const next = u.tokens[firstStartingAt(u.tokens, a.end)];
    if (next && TENURE_UNITS.has(next.text)) out.add(a);
  }
  return out;
}

/** Who the prospect and the sender are when no profile says so: the greeting, the subject line, the opening sentences, the signature. */
import { isStopword } from '../corpus/tokens.js';
import type { Draft, Placeholder } from '../kernel/types.js';
import { firstStartingAt } from '../kernel/sorted-spans.js';
import { hasWholeWord } from '../parse/whole-words.js';
import type { Anchor } from './anchors.js';
import type { Prepared } from './signal-data.js';
import type { StemToken } from './stem-phrases.js';

/** A profile merge field for the prospect's name or company among the placeholders in [start, end). */
export function namesProspect(masked: readonly Placeholder[], start: number, end: number): boolean {
  for (let i = firstStartingAt(masked, start); i < masked.length && masked[i]!.start < end; i++) {
    const x = masked[i]!;
    if (x.end <= end && x.kind === 'profile' && /name|company/.test(x.name)) return true;
  }
  return false;
}

/** Whether an anchor is only the prospect's own name (or part of it), which is no observation of theirs. */
export function names(identity: string[], text: string): boolean {
  const t = text.toLowerCase().replace(/['’]s$/, '');
  // Whole words: "Rotten Tomatoes" does not name Tom.
  return identity.some((v) => t === v || (t.length >= 3 && (hasWholeWord(v, t) || hasWholeWord(t, v))));
}

/**
 * Who the email is to when no profile says so: the greeting's name, and the first organisation
 * the subject line names. The name's words are not anchors, and a sentence that names either
 * speaks of the prospect ("Saw Acme moved to monthly releases" never says "you").
 */
export function inferredIdentity(
  draft: Draft,
  profile: Set<string>,
  p: Prepared,
): { words: string[]; values: string[]; organisation?: string; senderSide: string[] } {
  const words: string[] = [];
  const senderSide: string[] = [];
  const values: string[] = [];
  let organisation: string | undefined;
  const has = (k: string) => !!draft.prospect[k]?.value;
  if (!has('first_name') && !has('full_name')) {
    // The greeting region holds a salutation on its own line or one that opens the first sentence's line.
    const greeting = draft.regions.find((r) => r.kind === 'greeting');
    // With none found, the body's first line: "Hi Andrew Found you on a search…" runs the salutation into the sentence.
    const opening = (greeting ? draft.body.text.slice(greeting.start, greeting.end) : draft.body.text.split('\n', 1)[0]!).trim();
    const name = /^(?:hi|hello|hey|dear|greetings|morning|afternoon|evening)[ \t]+(\p{Lu}[\p{L}'’-]+)/iu.exec(opening)?.[1];
    if (name) {
      words.push(name.toLowerCase());
      values.push(name.toLowerCase());
    }
  }
  if (!has('company') && !has('company_name') && draft.subject) {
    // A run of capitalised words in the subject, past its first word: "Quick note about Living Waters' website".
    const subject = draft.subject.text;
    for (const m of subject.matchAll(/(?<=\s)(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’.-]*)*)/gu)) {
      const v = m[1]!.replace(/['’]s$/, '').toLowerCase();
      // "Quick question, Michelle": the greeting's name is the person, not their organisation.
      if (v.length < 3 || profile.has(v) || words.includes(v)) continue;
      // "Appear on Django Chat podcast?", "Enroll with Tidelift", "last note from Bridgeworks":
      // the place the sender points to or writes from. "I'm", "AI": no organisation.
      const before = /(\p{L}+)\s+$/u.exec(subject.slice(0, m.index!))?.[1]?.toLowerCase() ?? '';
      // "…announcement tomorrow from Solo Cup Co.": who the mail comes from is the sender's side.
      if (before === 'from')
        senderSide.push(
          ...v
            .split(/\s+/)
            .map((w) => w.replace(/[.,]+$/, ''))
            .filter((w) => w && !isStopword(w)),
        );
      if (SUBJECT_ELSEWHERE.has(before) || v.split(/\s+/).every((w) => p.sender.has(w) || p.common.has(w) || isStopword(w))) continue;
      values.push(v);
      organisation = v;
      break;
    }
  }
  return { words, values, organisation, senderSide };
}

/** Words before a name in a subject line that make it somewhere other than the prospect: "on Tidelift", "from Bridgeworks". */
const SUBJECT_ELSEWHERE = new Set(['on', 'with', 'from', 'via', 'to', 'by', 'of']);

/** Words after which a name is in a phrase of place or relation, not the subject of its sentence. */
const PREPOSITIONS = new Set(['at', 'in', 'on', 'from', 'with', 'of', 'for', 'by', 'to', 'into', 'about', 'via']);

/** Words after a name that make it the subject of a report: "OpenAI just leased…", "Acme is hiring". */
const SUBJECT_VERBS = new Set([
  'is',
  'was',
  'has',
  'had',
  'just',
  'recently',
  'now',
  'are',
  'have',
  'announced',
  'launched',
  'raised',
  'opened',
  'moved',
  'posted',
  'released',
  'shipped',
  'hired',
  'acquired',
  'won',
  'runs',
  'rolled',
  'spun',
  'closed',
  'joined',
  'expanded',
  'made',
]);

/**
 * The organisation an opening sentence reports on, lowercased: an entity that opens the
 * sentence or follows its observation ("Came across adhdev", "Noticed Full Blast runs…"), or
 * that a verb of report follows ("OpenAI just leased"). An entity elsewhere ("led by Fjord
 * Ventures") is a fact, not who they are.
 */
export function openingOrganisation(read: ReadonlyArray<{ tokens: StemToken[]; found: Anchor[] }>, p: Prepared): string | undefined {
  for (const { tokens, found } of read) {
    const observations = p.observations.find(tokens);
    // "Our clients in Dallas have seen…" is the sender's story; "We noticed Acme…" and "I was
    // looking up plumbers and came across Moran Plumbing" report.
    if (tokens[0] && p.sender.has(tokens[0].text) && !observations.some((o) => o.from <= 2 || tokens[o.from - 1]!.text === 'and')) continue;
    // "Noticed some folks at Epic Games…", "I see a huge opportunity for Tessaro…": a sentence
    // that opens on what the sender saw and never says "you" is about the first name in it.
    const headed = observations.some((o) => o.from === 0 || (o.from <= 2 && p.sender.has(tokens[o.from - 1]!.text)));
    // "I read in the Lagos Business Daily that Tessaro opened…": what is reported follows "that".
    const that = tokens.find((t) => t.text === 'that');
    const first = found.find((a) => a.kind === 'entity' && (!that || a.start > that.start)) ?? found.find((a) => a.kind === 'entity');
    if (headed && first && !tokens.some((t) => p.prospect.has(t.text))) return first.text.toLowerCase().replace(/['’]s$/, '');
    // Who an opening sentence reports on is named early in it.
    for (const a of found.slice(0, 8)) {
      // "Saw the Series B news": the round is the fact, not who they are.
      if (a.kind !== 'entity' || p.specificCues.has(a.text.toLowerCase())) continue;
      const at = firstStartingAt(tokens, a.start);
      const next = tokens[firstStartingAt(tokens, a.end)];
      const afterObservation = observations.some((o) => o.to === at || (o.to === at - 1 && (tokens[o.to]!.text === 'that' || tokens[o.to]!.text === 'the')));
      // "your continued success at Tessaro", "you're the founder of Tessaro": where they are.
      // "Your talk at SaaStr" is where they spoke.
      const before = tokens[at - 1]?.text;
      const theirPlace =
        (before === 'at' || (before === 'of' && p.roleTitles.has(tokens[at - 2]?.text ?? ''))) &&
        !p.contentNouns.has(tokens[at - 2]?.stem ?? '') &&
        tokens.slice(Math.max(0, at - 5), at - 1).some((t) => p.prospect.has(t.text));
      // "Your keynote at DevOpsDays Oslo made a point": after a preposition a name is no subject.
      const subject = next && SUBJECT_VERBS.has(next.text) && !PREPOSITIONS.has(tokens[at - 1]?.text ?? '');
      if (at === 0 || afterObservation || theirPlace || /['’]s$/.test(a.text) || subject) return a.text.toLowerCase().replace(/['’]s$/, '');
    }
  }
  return undefined;
}

/**
 * Capitalised words of the sign-off and signature, and the words of the addresses in it
 * ("github.com/automq/automq"): the sender's name, company and product are not anchors.
 */
export function senderWords(draft: Draft, p: Prepared): Set<string> {
  const out = new Set<string>();
  for (const r of draft.regions) {
    if (r.kind !== 'signoff' && r.kind !== 'signature') continue;
    const text = draft.body.text.slice(r.start, r.end);
    for (const m of text.matchAll(/\p{Lu}[\p{L}\p{N}'’-]*/gu)) out.add(m[0].toLowerCase().replace(/['’]s$/, ''));
    for (const m of text.matchAll(SIGNATURE_ADDRESS)) {
      for (const w of m[0].toLowerCase().split(/[^a-z0-9]+/)) if (w.length >= 3 && !p.common.has(w) && !ADDRESS_PARTS.has(w)) out.add(w);
    }
  }
  return out;
}

/** An address in a signature: a link, a domain or an e-mail address. Bounded. */
const SIGNATURE_ADDRESS = /(?:https?:\/\/)?[\w.-]{1,64}(?:@[\w-]{1,63})?\.[a-z]{2,6}(?:\/[\w/.-]{0,120})?/gi;
/** The parts of an address that name no one: schemes, "www", top-level domains. */
const ADDRESS_PARTS = new Set(['http', 'https', 'www', 'com', 'org', 'net', 'io', 'co', 'ai', 'dev', 'app', 'mailto', 'in', 'profile']);

/** Lowercased words of the prospect's profile values: these are never anchors. */
export function profileWords(draft: Draft): Set<string> {
  const out = new Set<string>();
  for (const f of Object.values(draft.prospect)) for (const w of f.value.toLowerCase().split(/[^\p{L}\p{N}']+/u)) if (w) out.add(w);
  return out;
}

/** Words of a company name that say nothing on their own ("Calder Precision Castings" is "Calder"). */
const GENERIC_COMPANY_WORDS = new Set([
  'the',
  'and',
  'of',
  'group',
  'inc',
  'llc',
  'ltd',
  'co',
  'company',
  'corp',
  'corporation',
  'holdings',
  'partners',
  'systems',
  'solutions',
  'services',
  'technologies',
  'technology',
  'labs',
  'health',
  'foods',
  'media',
  'hotel',
  'motors',
  'games',
  'global',
  'international',
  'industries',
  'enterprises',
  'consulting',
  'capital',
  'ventures',
  'studio',
  'studios',
]);

/**
 * The prospect's name and company as they are written in running text, lowercased: the full
 * values, and the company's distinctive first word ("Sierra Vista Orchards" is "sierra").
 */
export function identityValues(draft: Draft): string[] {
  const out: string[] = [];
  // Their site's name counts as them too: "I tried vireofarmacia.it" is about Farmacia Vireo.
  const site = /^(?:https?:\/\/)?(?:www\.)?([\p{L}\p{N}-]{3,})\./u.exec(draft.prospect.website?.value.toLowerCase().trim() ?? '')?.[1];
  if (site) out.push(site);
  for (const k of ['first_name', 'last_name', 'full_name', 'company', 'company_name']) {
    const v = draft.prospect[k]?.value.toLowerCase().trim() ?? '';
    if (v.length >= 2) out.push(v);
    if (k.startsWith('company')) {
      const distinctive = v.split(/[^\p{L}\p{N}&'-]+/u).find((w) => w.length >= 3 && !GENERIC_COMPANY_WORDS.has(w));
      if (distinctive) out.push(distinctive);
    }
  }
  return out;
}

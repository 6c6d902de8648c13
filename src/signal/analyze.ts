import type { CorpusIndex } from '../corpus/corpus-index.js';
import { isStopword, stem } from '../corpus/tokens.js';
import { skeletonOf, type MaskedUnit } from '../corpus/skeleton.js';
import type { Draft, Placeholder } from '../kernel/types.js';
import { containmentTest, firstStartingAt, lowerBound, overlapTest, SpanSet } from '../kernel/sorted-spans.js';
import { hasWholeWord } from '../parse/whole-words.js';
import { stemTokens, StemPhraseMatcher, type StemToken } from './stem-phrases.js';
import { memoizeByObject } from '../kernel/memoize.js';
import { isEnglishLike, isEnglishWord } from './english-words.js';
import { senderNames, type SenderNameData } from './sender-names.js';

/** rules/signals.yml */
export interface SignalData extends SenderNameData {
  /** `sender_voice`: the type's cues are said by the sender of their own doing ("I filed issue #412"), so "we" at the head is no claim. */
  types: Array<{ id: string; label: string; cues: string[]; example: string; sender_voice?: boolean }>;
  sender_markers: string[];
  prospect_markers: string[];
  congratulations?: string[];
  courtesies?: string[];
  pitch_markers?: string[];
  observations?: string[];
  corporate_sender?: string[];
  hedges: string[];
  durations: string[];
  number_words: string[];
  content_nouns: string[];
  topic_links: string[];
  common_names: string[];
  platforms?: string[];
  own_things?: string[];
  activities?: string[];
  booking_hosts?: string[];
  populations?: string[];
  recency?: string[];
  stale?: string[];
  role_titles?: string[];
  profile_roles?: string[];
  whole_sites?: string[];
  site_defects?: string[];
  site_parts?: string[];
  current_markers?: string[];
  profile_figures?: string[];
  profile_facts?: string[];
  gratitude?: string[];
  their_this_one?: string[];
  site_part_nouns?: string[];
  series_nouns?: string[];
  future_words?: string[];
  specific_cues?: string[];
  site_states?: string[];
}

/** A cue found in a sentence: its type, the phrase as listed, and the tokens it covers. */
export interface Cue {
  type: string;
  text: string;
  from: number;
  to: number;
  /** Where "your" stands when the cue is a piece it owns across other words ("your Rust async book"). */
  owner?: number;
}

export type AnchorKind = 'number' | 'date' | 'entity' | 'quote' | 'topic' | 'link' | 'site-part';

/** Something concrete in a sentence: offsets into the body. */
export interface Anchor {
  kind: AnchorKind;
  text: string;
  start: number;
  end: number;
}

export interface UnitAnalysis {
  unit: MaskedUnit;
  tokens: StemToken[];
  anchors: Anchor[];
  /** Cues found before any hedge, with the signal type each belongs to. */
  cues: Cue[];
  /** The sentence speaks to or about the prospect, or states a named fact next to one that does. */
  aboutProspect: boolean;
  /** The sentence itself says "you", names the prospect or congratulates them. */
  direct: boolean;
  /** The sentence is the sender talking about their product or customers. */
  senderClaim: boolean;
  /** The sender reports seeing something ("noticed", "came across"), outside a hedge. */
  observed: boolean;
  /** Some clause of the sentence is hedged or asked: "will play a part", "could you…?". */
  hedged: boolean;
  /** Whether a hedge stands in the clause of one of the sentence's anchors ("…at Dental 2026 will play…"), not only in a later one ("…8 months ago, so I wondered if…"). */
  hedgedNearAnchor: boolean;
}

/** A concrete, prospect-specific research signal found in the email. */
export interface DetectedSignal {
  type: string;
  label: string;
  cue: string;
  anchors: Anchor[];
  start: number;
  end: number;
}

export interface DraftAnalysis {
  units: UnitAnalysis[];
  signals: DetectedSignal[];
  /** Why the signal saved with the draft is not concrete; undefined when it is, or none is saved. */
  savedSignalWeakness?: string;
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'apr', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
// Matched against lowercased text rather than with the `i` flag: case-insensitive Unicode
// matching made this one expression cost ~3 ms more to compile on every cold start.
const NUMBER = /(?<![\p{L}\p{N}])[$£€]?\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?(?:\s?(?:%|percent|k|m|mm|bn|b|x|million|billion|thousand))?(?![\p{L}\p{N}])/gu;
const QUOTE = /[“"]([^”"\n]{8,240})[”"]/g;

interface Prepared {
  data: SignalData;
  cues: StemPhraseMatcher<{ type: string; phrase: string }>;
  sender: Set<string>;
  prospect: Set<string>;
  hedges: StemPhraseMatcher<string>;
  pitch: StemPhraseMatcher<string>;
  observations: StemPhraseMatcher<string>;
  corporate: Set<string>;
  durations: Set<string>;
  numberWords: Set<string>;
  contentNouns: Set<string>;
  topicLinks: Set<string>;
  common: Set<string>;
  ownThings: Set<string>;
  activities: StemPhraseMatcher<string>;
  bookingHosts: Set<string>;
  populations: Set<string>;
  recency: StemPhraseMatcher<string>;
  observationWords: Set<string>;
  congratulations: Set<string>;
  courtesies: StemPhraseMatcher<string>;
  stale: StemPhraseMatcher<string>;
  siteParts: StemPhraseMatcher<string>;
  currentMarkers: Set<string>;
  profileFigures: Set<string>;
  profileFacts: StemPhraseMatcher<string>;
  gratitude: StemPhraseMatcher<string>;
  theirThisOne: StemPhraseMatcher<string>;
  sitePartNouns: Set<string>;
  seriesNouns: Set<string>;
  futureWords: Set<string>;
  specificCues: Set<string>;
  siteStates: StemPhraseMatcher<string>;
  senderVoiced: Set<string>;
  roleTitles: Set<string>;
  profileRoles: Set<string>;
  wholeSites: StemPhraseMatcher<string>;
  siteDefects: StemPhraseMatcher<string>;
}

/** A matcher for one list of phrases from signals.yml, each its own value; `word` matches as written, `stem` on word stems. */
function phraseMatcher(list: string[] | undefined, by: 'stem' | 'word' = 'stem'): StemPhraseMatcher<string> {
  const m = new StemPhraseMatcher<string>(by);
  for (const phrase of list ?? []) m.add(phrase, phrase);
  return m;
}

const prepare = memoizeByObject((data: SignalData): Prepared => {
  const cues = new StemPhraseMatcher<{ type: string; phrase: string }>('word');
  for (const t of data.types) for (const c of t.cues) cues.add(c, { type: t.id, phrase: c });
  const courtesies = phraseMatcher(data.courtesies);
  const hedges = phraseMatcher(data.hedges);
  const pitch = phraseMatcher(data.pitch_markers);
  const stale = phraseMatcher(data.stale, 'word');
  const recency = phraseMatcher(data.recency, 'word');
  const activities = phraseMatcher(data.activities, 'word');
  const observations = phraseMatcher(data.observations, 'word');
  const siteParts = phraseMatcher(data.site_parts, 'word');
  const siteStates = phraseMatcher(data.site_states, 'word');
  const wholeSites = phraseMatcher(data.whole_sites, 'word');
  const profileFacts = phraseMatcher(data.profile_facts, 'word');
  const gratitude = phraseMatcher(data.gratitude, 'word');
  const theirThisOne = phraseMatcher(data.their_this_one, 'word');
  const siteDefects = phraseMatcher(data.site_defects, 'word');
  return {
    data,
    cues,
    sender: new Set(data.sender_markers),
    // Congratulating them speaks to them as much as "you" does.
    prospect: new Set([...data.prospect_markers, ...(data.congratulations ?? [])]),
    congratulations: new Set(data.congratulations ?? []),
    courtesies,
    hedges,
    pitch,
    observations,
    corporate: new Set(data.corporate_sender ?? []),
    durations: new Set(data.durations),
    numberWords: new Set(data.number_words),
    contentNouns: new Set(data.content_nouns.map((w) => stem(w))),
    topicLinks: new Set(data.topic_links),
    common: new Set([...data.common_names, ...(data.platforms ?? [])]),
    ownThings: new Set(data.own_things ?? []),
    activities,
    bookingHosts: new Set(data.booking_hosts ?? []),
    populations: new Set(data.populations ?? []),
    recency,
    stale,
    siteParts,
    currentMarkers: new Set(data.current_markers ?? []),
    profileFigures: new Set(data.profile_figures ?? []),
    profileFacts,
    gratitude,
    theirThisOne,
    sitePartNouns: new Set(data.site_part_nouns ?? []),
    seriesNouns: new Set(data.series_nouns ?? []),
    futureWords: new Set(data.future_words ?? []),
    specificCues: new Set(data.specific_cues ?? []),
    siteStates,
    roleTitles: new Set(data.role_titles ?? []),
    profileRoles: new Set(data.profile_roles ?? []),
    wholeSites,
    siteDefects,
    senderVoiced: new Set(data.types.filter((t) => t.sender_voice).map((t) => t.id)),
    observationWords: new Set((data.observations ?? []).filter((o) => !o.includes(' '))),
  };
});

const memo = new WeakMap<Draft, Map<SignalData, DraftAnalysis>>();

/**
 * Reads each sentence of the message for cues of a research signal, concrete anchors, and
 * whom it is about, and returns the signals it finds. A signal needs all three: a cue, an
 * anchor, and the prospect as its subject rather than the sender.
 */
export function analyzeDraft(draft: Draft, data: SignalData, index?: CorpusIndex): DraftAnalysis {
  const cached = memo.get(draft)?.get(data);
  if (cached) return cached;
  const p = prepare(data);
  const body = draft.body.text;
  const masked = draft.placeholders.filter((x) => x.part === 'body').sort((a, b) => a.start - b.start);
  const inPlaceholder = overlapTest(masked);
  const profile = profileWords(draft);
  const identity = identityValues(draft);
  const skeleton = skeletonOf(draft);
  const sender = senderWords(draft, p);
  const products = senderNames(draft, data, skeleton.units);
  for (const w of products) sender.add(w);
  // The sender's own name in the subject ("TokenBrake for your AI bill") is not the prospect.
  const inferred = inferredIdentity(draft, new Set([...profile, ...sender]), p);
  for (const w of inferred.words) profile.add(w);
  identity.push(...inferred.values);
  for (const w of sender) profile.add(w);
  const units: UnitAnalysis[] = [];
  const directness: boolean[] = [];

  const nameChecks = { left: NAME_CHECKS_PER_DRAFT };
  const read = skeleton.units.map((unit) => {
    const text = body.slice(unit.start, unit.end);
    const tokens = stemTokens(text, unit.start).filter((t) => !inPlaceholder(t.start, t.end));
    return { unit, text, tokens, found: findAnchors(text, unit.start, tokens, p, profile, index, inPlaceholder, nameChecks) };
  });
  // "your Word to the Wise blog", "Living Waters Church of God's website": the prospect's own
  // name, which says who they are and is no fact about them.
  const selfNames: string[] = [];
  for (const { tokens, found } of read) {
    for (const a of found) {
      const next = tokens[firstStartingAt(tokens, a.end)];
      // Theirs when said to be: "your … blog" or "Living Waters' website"; "the Atlantis
      // repository" they starred is not. A few names say who they are; a draft naming hundreds
      // is no email, and each one costs a scan of every sentence.
      const at = firstStartingAt(tokens, a.start);
      const theirs = /['’]s?$/.test(a.text) || tokens.slice(Math.max(0, at - 5), at).some((t) => t.text === 'your');
      // "your blog ctblueblog.com", "your link www.melvania.org": the address of their own place.
      const ownAddress = DOMAIN_TEXT.test(a.text) && at > 0 && (p.ownThings.has(tokens[at - 1]!.text) || tokens[at - 1]!.text === 'link');
      if (a.kind === 'entity' && theirs && ((next && p.ownThings.has(next.text)) || ownAddress) && selfNames.length < 8) {
        const name = a.text.toLowerCase().replace(/['’]s$/, '');
        if (!selfNames.includes(name)) selfNames.push(name);
      }
    }
  }
  // With no company known, the organisation the opening sentences report on is the prospect:
  // "Saw OpenAI just leased the Bellevue space", "I noticed Kirkland & Ellis is hiring…".
  if (!draft.prospect.company?.value && !draft.prospect.company_name?.value && !inferred.organisation) {
    const opening = openingOrganisation(read.slice(0, OPENING_SENTENCES), p);
    if (opening) selfNames.push(opening);
  }
  if (inferred.organisation) selfNames.push(inferred.organisation);
  identity.push(...selfNames);

  for (const [ordinal, { unit, text, tokens, found }] of read.entries()) {
    const inQuote = containmentTest([...text.matchAll(QUOTE)].map((m) => ({ start: unit.start + m.index!, end: unit.start + m.index! + m[0].length })));
    // "US sites" is the country, not the sender.
    const country = (t: StemToken) => t.raw === 'US';
    const lower = new Set(tokens.filter((t) => !inQuote(t.start, t.end) && !country(t)).map((t) => t.text));
    const mentionsIdentity = identity.some((v) => hasWholeWord(text, v)) || namesProspect(masked, unit.start, unit.end);
    // A P.S. is written to the reader; unless it talks about the sender it is about them.
    const postscript = /^p\.?\s?s\b/i.test(text);
    // "Thanks for the answer on Stack Overflow…" thanks them for what they did.
    // "this project", "this repo": where the message is posted, an issue or a pull request, is theirs.
    const direct = [...lower].some((w) => p.prospect.has(w)) || mentionsIdentity || thanksAtHead(tokens, p) || p.theirThisOne.find(tokens).length > 0 || (postscript && ![...lower].some((w) => p.sender.has(w)));
    const hedged = hedgedTokens(text, unit.start, tokens, p);
    const observations = p.observations.find(tokens).filter((o) => !hedged.has(o.from));
    const observed = observations.length > 0;
    // "I noticed…", "we saw…", "Came across…", "I was looking at…": the sender reporting, at the
    // head of the sentence, not telling their own story ("I was a growth lead… until I found…").
    const reports = observations.some((o) => o.from === 0 || (o.from <= 2 && (p.sender.has(tokens[o.from - 1]!.text) || REPORT_ADVERBS.has(tokens[o.from - 1]!.text) || tokens[o.from - 1]!.text === 'was')));
    // Reported, not asked for: "starring or forking it would mean a lot" is a request.
    const activity = hedged.size === 0 && p.activities.find(tokens).length > 0;
    // "We have a database of 72,000…" is the sender's, whatever "you" comes later; "we noticed" is not.
    const corporateHead = tokens.find((t) => !inQuote(t.start, t.end) && !country(t) && (p.sender.has(t.text) || p.prospect.has(t.text)));
    // "TokenBrake fixes exactly that", with TokenBrake the sender's product.
    // "…to inform you that AutoMQ has simplified…": the sender's product as the subject of what is told.
    const senderName = (t: StemToken | undefined) => !!t && /^\p{Lu}/u.test(t.raw) && sender.has(t.text.replace(/['’]s$/, ''));
    const opensWithSender = senderName(tokens[0]) || (!reports && tokens.some((t, k) => t.text === 'that' && senderName(tokens[k + 1])));
    const cues = p.cues
      .find(tokens)
      // "You've been in your role for 3 years": their own job, not an opening.
      .filter((c) => !hedged.has(c.from) && !inCompound(body, tokens, c.from, c.to) && !(c.to === c.from + 1 && p.profileRoles.has(tokens[c.from]!.text) && tokens[c.from - 1]?.text === 'your'))
      // "something we just open-sourced": what the sender did, unless the type is said in their
      // voice or the cue names the prospect ("I read your…").
      .filter((c) => p.senderVoiced.has(c.value.type) || tokens.slice(c.from, c.to + 1).some((t) => p.prospect.has(t.text)) || !tokens.slice(Math.max(0, c.from - 2), c.from).some((t) => p.sender.has(t.text)))
      // "the Acquired podcast": the word is the show's name, not the cue it spells.
      .filter((c) => !titleOfPiece(tokens, c.from, c.to, p))
      .map((c): Cue => ({ type: c.value.type, text: c.value.phrase, from: c.from, to: c.to }));
    cues.push(...ownPieces(text, unit.start, tokens, p, cues).filter((c) => !hedged.has(c.from)));
    // "We've been using your API for two years": the sender's own use of their product is the fact.
    const firstHand = cues.some((c) => p.senderVoiced.has(c.type));
    const senderClaim =
      opensWithSender ||
      // "Your site isn't mobile-friendly — 60% of patients search on their phone": the statistic
      // backs a fault of theirs, which stays the fact.
      (quotesStatistic(tokens, found, p) && !found.some((a) => a.kind === 'site-part')) ||
      // "I noticed the announcements page still says …" is the sender reporting on the prospect, not about themselves.
      (!direct && !reports && !activity && [...lower].some((w) => p.sender.has(w))) || p.pitch.find(tokens).length > 0 || comparesToClass(tokens) || (!!corporateHead && p.corporate.has(corporateHead.text) && !observed && !firstHand && !thanksAtHead(tokens, p) && !prospectClause(text, unit.start, tokens, p));
    // A cue is not its own anchor: "RFP" in "a full RFP response" is the cue, nothing concrete.
    // One that says which event it was is: "your Series A".
    const inCue = containmentTest(cues.filter((c) => !p.specificCues.has(c.text)).map((c) => ({ start: tokens[c.from]!.start, end: tokens[c.to - 1]!.end })));
    // What follows "would", "if" or "could" in its clause is hypothetical, not a fact.
    // A name between "your" and their piece says what field it is in ("your HA tutorials"), not
    // which piece it is; a date or number there does ("your March letter").
    const inOwnedField = containmentTest(cues.filter((c) => c.owner !== undefined).map((c) => ({ start: tokens[c.owner! + 1]!.start, end: tokens[c.from]!.start })));
    // A part of their site in a stated state is the fact even where a cue names it ("your README says…").
    // A bare domain is most often the sender's own ("Reserve your seat: numeriq.com/panel"); it is
    // a fact of theirs only where the sender reports what they saw ("you have a link to Snpp.com").
    const anchors = found.filter(
      (a) =>
        (a.kind === 'site-part' || !inCue(a.start, a.end)) &&
        !(a.kind === 'entity' && inOwnedField(a.start, a.end)) &&
        !(a.kind === 'entity' && !observed && DOMAIN_TEXT.test(a.text)) &&
        !hedged.has(firstStartingAt(tokens, a.start)),
    );
    // Their interest in the sender's own product is the fact: "your team browsing Testsigma".
    if (activity) {
      const inAnchor = containmentTest(anchors);
      // A few mentions make the fact; a sentence repeating the name thousands of times adds nothing.
      const mentions = tokens.filter((t) => products.has(t.text) && /^\p{Lu}/u.test(t.raw) && !inAnchor(t.start, t.end)).slice(0, 8);
      for (const t of mentions) anchors.push({ kind: 'entity', text: t.raw, start: t.start, end: t.end });
      // When they did it is checkable too: "someone on your team starred our repo last week".
      for (const r of p.recency.find(tokens)) {
        const start = tokens[r.from]!.start;
        const end = tokens[r.to - 1]!.end;
        if (!inAnchor(start, end)) anchors.push({ kind: 'date', text: body.slice(start, end), start, end });
      }
      anchors.sort((a, b) => a.start - b.start);
    }
    // An opening sentence that reports what the sender saw is about the one they write to,
    // named or not: "I noticed issue #88 has been open since March".
    const openingReport = reports && ordinal < OPENING_SENTENCES;
    units.push({ unit, tokens, anchors, cues, aboutProspect: direct || ((activity || openingReport) && !senderClaim), direct, senderClaim, observed, hedged: hedged.size > 0, hedgedNearAnchor: hedgeShares(text, unit.start, tokens, hedged, anchors) });
    directness.push(direct && !senderClaim);
  }
  // A fact stated next to a sentence that speaks to the prospect ("The EAA applies from 28
  // June 2025. I ran your checkout through...") is about them too, when it names a thing, a
  // date or a quotation: a bare number beside "you" is usually the sender's own claim.
  units.forEach((u, i) => {
    // A link beside a "you" sentence is the sender's offer ("Listen to the show here…"), not theirs.
    if (!u.aboutProspect && !u.senderClaim && (directness[i - 1] || directness[i + 1]) && u.anchors.some((a) => a.kind !== 'number' && a.kind !== 'link')) u.aboutProspect = true;
  });

  const signals: DetectedSignal[] = [];
  for (const [i, u] of units.entries()) {
    // Research is current: what a sentence puts "way back" or "years ago" is history.
    if (u.senderClaim || !u.aboutProspect || u.anchors.length === 0 || p.stale.find(u.tokens).length > 0) continue;
    const profileData = new Set([...statedRole(u, p), ...statedTenure(u), ...statedProfile(u, p)]);
    const facts = u.anchors.filter((a) => !names(identity, a.text) && !profileData.has(a));
    if (facts.length === 0) continue;
    const add = (type: string, cue: string, anchors: Anchor[]) => {
      const known = data.types.find((t) => t.id === type);
      signals.push({ type, label: known?.label ?? 'Other', cue, anchors, start: u.unit.start, end: u.unit.end });
    };
    // "a leader in logistics with over 500 employees": a headcount is their profile, which every
    // list has; it is a fact when something else in the sentence says what changed ("grew to").
    if (u.cues.length > 0 && u.cues.every((c) => p.profileFigures.has(c.text))) continue;
    if (u.cues.length > 0) {
      const cue = nearestCue(u);
      add(cue.type, cue.text, facts);
      continue;
    }
    // Cue lists say which type a signal is; they are not a gate. A first-hand observation (in
    // this sentence or the one before) of something of theirs that is named, numbered, dated
    // or quoted is research of type "other", as long as the named thing is not just them.
    // The thing observed is them ("came across Back In Strength", "your extension The Great
    // Suspender"); what is observed about it (a number, a date, a quotation, another name) is the fact.
    const observedFacts = facts.filter((a) => !(a.kind === 'entity' && justAfterObservation(u, a, p)));
    // The named topic of their post or talk is their own content, whatever cue it lacks.
    if (u.direct && facts.some((a) => a.kind === 'topic')) add('own-content', 'topic', facts);
    else if ((u.observed || units[i - 1]?.observed) && observedFacts.length > 0) add('other', 'observation', observedFacts);
    // "Your checkout page still loads over plain HTTP": what the sender looked at and found.
    else if (!u.hedged && facts.some((a) => a.kind === 'site-part')) add('other', 'site observation', facts);
    // "Congrats on Orvale making the Inc. 5000": what they are congratulated on, if it is named.
    else if ((u.tokens.some((t) => p.congratulations.has(t.text)) || thanksAtHead(u.tokens, p)) && facts.some((a) => a.kind !== 'date')) add('other', 'congratulations', facts);
    // A report with the prospect as its subject, dated or quoting them, with nothing in it
    // supposed or predicted: "Your Q3 call on 28 October put SMB churn at 4.1%", "Orvale spun
    // out of Brightline Labs last month", "Your pricing page still says "contact us for a quote"".
    // "11 of your 12 images have no description": a count of theirs someone made.
    else if (!u.hedgedNearAnchor && facts.some((a) => SHARE_OF_THEIRS_TEXT.test(a.text))) add('other', 'count of theirs', facts);
    else if (!u.hedgedNearAnchor && opensWithProspect(u.tokens, identity, p) && (facts.some((a) => a.kind === 'date' || a.kind === 'quote') || p.recency.find(u.tokens).length > 0 || u.tokens.some((t) => p.currentMarkers.has(t.text)))) add('other', 'reported fact', facts);
  }
  const result: DraftAnalysis = { units, signals };
  if (draft.signal) {
    const weakness = signalWeakness(draft.signal.text, draft, data, index);
    if (weakness) result.savedSignalWeakness = weakness;
  }
  if (!memo.has(draft)) memo.set(draft, new Map());
  memo.get(draft)!.set(data, result);
  return result;
}

/**
 * Token indexes that a hedge covers: from the hedge to the end of its clause. A question asks,
 * it does not state: the clause a question mark closes is covered too ("Quick question: how do
 * you track what Render and Fly.io are shipping?").
 */
/** The marks that end a clause between two words. */
const CLAUSE_BREAK = /[,;:—–]/;

function hedgedTokens(text: string, offset: number, tokens: StemToken[], p: Prepared): Set<number> {
  const out = new Set<number>();
  // Whether a clause ends between token i - 1 and token i.
  const clauseBreak = (i: number) => CLAUSE_BREAK.test(text.slice(tokens[i - 1]!.end - offset, tokens[i]!.start - offset));
  if (/\?\s*["'”’)]*\s*$/.test(text)) {
    for (let i = tokens.length - 1; i >= 0; i--) {
      out.add(i);
      if (i > 0 && clauseBreak(i)) break;
    }
  }
  const courtesy = new Set(p.courtesies.find(tokens).map((c) => c.from));
  for (const h of p.hedges.find(tokens)) {
    if (courtesy.has(h.to)) continue;
    for (let i = h.from; i < tokens.length && i < h.from + 25; i++) {
      // "…will learn a lot from you, since you talk about X": a reason is stated, not supposed.
      if (i > h.from && (CLAUSE_WORDS.has(tokens[i]!.text) || clauseBreak(i))) break;
      out.add(i);
    }
  }
  return out;
}

/** Whether a hedged token shares a clause (up to a comma, semicolon, colon or dash) with an anchor. */
function hedgeShares(text: string, offset: number, tokens: StemToken[], hedged: Set<number>, anchors: Anchor[]): boolean {
  if (hedged.size === 0 || anchors.length === 0) return false;
  const clauses: number[] = [];
  let clause = 0;
  tokens.forEach((t, i) => {
    if (i > 0 && CLAUSE_BREAK.test(text.slice(tokens[i - 1]!.end - offset, t.start - offset))) clause++;
    clauses.push(clause);
  });
  const hedgedClauses = new Set([...hedged].map((i) => clauses[i]));
  return anchors.some((a) => hedgedClauses.has(clauses[firstStartingAt(tokens, a.start)] ?? -1));
}

/**
 * Whether tokens [from, to) are part of a hyphenated word: "hosted" in "self-hosted" and
 * "launch" in "launch-ready" describe, they do not report an event.
 */
function inCompound(text: string, tokens: StemToken[], from: number, to: number): boolean {
  const first = tokens[from]!;
  const last = tokens[to - 1]!;
  return (from > 0 && tokens[from - 1]!.end === first.start - 1 && text[first.start - 1] === '-') || (to < tokens.length && tokens[to]!.start === last.end + 1 && text[last.end] === '-');
}

/** A number, then "of" and a population within a few words: "2/3 of Americans", "73% of B2B buyers". */
function quotesStatistic(tokens: StemToken[], anchors: Anchor[], p: Prepared): boolean {
  for (const a of anchors) {
    if (a.kind !== 'number') continue;
    const at = firstStartingAt(tokens, a.end);
    const of = tokens.slice(at, at + 3).findIndex((t) => t.text === 'of');
    if (of < 0) continue;
    const after = tokens.slice(at + of + 1, at + of + 4);
    for (const t of after) {
      if (t.text === 'your' || t.text === 'you') break;
      if (p.populations.has(t.text)) return true;
    }
  }
  return false;
}

/**
 * The anchors of a role the sentence tells them they hold: "you're the Head of Sales at
 * Tessaro", "as VP of Marketing at Tessaro". That is their profile, which every list has; the
 * title and the organisation after "at" or "of" are no fact about them.
 */
function statedRole(u: UnitAnalysis, p: Prepared): Set<Anchor> {
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
function statedProfile(u: UnitAnalysis, p: Prepared): Set<Anchor> {
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
function statedTenure(u: UnitAnalysis): Set<Anchor> {
  const out = new Set<Anchor>();
  const been = u.tokens.findIndex((t, i) => t.text === 'been' && (u.tokens[i - 1]?.text === "you've" || (u.tokens[i - 1]?.text === 'have' && u.tokens[i - 2]?.text === 'you')));
  if (been < 0) return out;
  for (const a of u.anchors) {
    if (a.kind !== 'number' || a.start < u.tokens[been]!.end) continue;
    const next = u.tokens[firstStartingAt(u.tokens, a.end)];
    if (next && TENURE_UNITS.has(next.text)) out.add(a);
  }
  return out;
}

/** The type the prospect's own content has in signals.yml. */
const OWN_CONTENT = 'own-content';
/** The most words between "your" and the piece it owns: "your Rust async book". */
const OWNED_PIECE_GAP = 3;

/**
 * "Your <piece>" with words between, which no cue phrase spells out: "your March letter",
 * "your Rust async book". The piece is theirs as much as "your book" is. One still to come
 * ("your upcoming blog posts") is not theirs yet.
 */
function ownPieces(text: string, offset: number, tokens: StemToken[], p: Prepared, known: ReadonlyArray<{ from: number; to: number }>): Cue[] {
  const out: Cue[] = [];
  const covered = new Set<number>();
  for (const c of known) for (let k = c.from; k < c.to; k++) covered.add(k);
  for (let i = 1; i < tokens.length; i++) {
    if (!p.contentNouns.has(tokens[i]!.stem) || covered.has(i)) continue;
    for (let k = i - 1; k >= Math.max(0, i - 1 - OWNED_PIECE_GAP); k--) {
      // Within one phrase: "your site, blog" is two things.
      if (/[,;:.!?]/.test(text.slice(tokens[k]!.end - offset, tokens[k + 1]!.start - offset))) break;
      if (tokens[k]!.text !== 'your') continue;
      if (tokens.slice(k + 1, i).some((t) => p.futureWords.has(t.text))) break;
      // The cue is the piece; a date or number between is its anchor ("your March letter").
      out.push({ type: OWN_CONTENT, text: `your ${tokens[i]!.text}`, from: i, to: i + 1, owner: k });
      break;
    }
  }
  return out;
}

/**
 * "developers and professionals like you", "brands like yours": the prospect as one of a class,
 * which is the sender's pitch to all of it. Any plural before "like you" makes the class, so the
 * list in `pitch_markers` need not name every kind of prospect.
 */
function comparesToClass(tokens: StemToken[]): boolean {
  return tokens.some((t, k) => t.text === 'like' && (tokens[k + 1]?.text === 'you' || tokens[k + 1]?.text === 'yours') && /^\p{L}{3,}s$/u.test(tokens[k - 1]?.text ?? ''));
}

/**
 * Whether tokens [from, to) are capitalised words between "the" and a piece they name: "the
 * Acquired podcast", "the Launch newsletter". A common word written so is a title.
 */
function titleOfPiece(tokens: StemToken[], from: number, to: number, p: Prepared): boolean {
  if (from === 0 || tokens[from - 1]!.text !== 'the' || !tokens.slice(from, to).every((t) => /^\p{Lu}/u.test(t.raw))) return false;
  const next = tokens[to];
  return !!next && (p.contentNouns.has(next.stem) || p.seriesNouns.has(next.text));
}

/** A sentence that opens by thanking them for something: "Thanks for the detailed answer on…". */
function thanksAtHead(tokens: StemToken[], p: Prepared): boolean {
  return p.gratitude.find(tokens.slice(0, 3)).some((g) => g.from === 0);
}

/** How many sentences open a message: who they report on is the prospect. */
const OPENING_SENTENCES = 3;

/** Words that join a second clause to a sentence: "We love what you do, and your post…". */
const CONJUNCTIONS = new Set(['and', 'but', 'so', 'yet']);

/**
 * Whether a later clause of the sentence speaks of the prospect: "We love what you're building,
 * and your post on usage-based billing…", "We read the report, and I know that your team…".
 * The "we" at the sentence's head then opens a courtesy, not the sender's claim.
 */
function prospectClause(text: string, offset: number, tokens: StemToken[], p: Prepared): boolean {
  for (let k = 1; k + 1 < tokens.length; k++) {
    if (!CONJUNCTIONS.has(tokens[k]!.text)) continue;
    const gap = text.slice(tokens[k - 1]!.end - offset, tokens[k]!.start - offset);
    if (!/[,;]/.test(gap)) continue;
    if (tokens.slice(k + 1, k + 5).some((t) => p.prospect.has(t.text))) return true;
  }
  return false;
}

const REPORT_ADVERBS = new Set(['just', 'recently', 'also', 'actually', 'first', 'today', 'then']);

/** The sentence's subject is the prospect: "Your Q3 call…", "You moved…", or their name first. */
function opensWithProspect(tokens: StemToken[], identity: string[], p: Prepared): boolean {
  const first = tokens[0];
  if (!first) return false;
  if (first.text === 'your' || first.text === 'you' || first.text === "you've" || first.text === "you're") return true;
  // Their name, as the first words: "Orvale spun out…", "Living Waters Church moved…".
  const head = tokens.slice(0, 5).map((t) => t.text.replace(/'s$/, '')).join(' ');
  return identity.some((v) => v.length >= 3 && (head === v || head.startsWith(`${v} `))) && !p.sender.has(first.text);
}

const DETERMINERS = new Set(['your', 'the', 'a', 'an', 'their', 'his', 'her', 'its', 'recent', 'latest', 'last', 'new', 'this', 'that']);

const CLAUSE_WORDS = new Set(['but', 'since', 'because']);

/** The most characters a saved signal may hold: it is one fact, not a paragraph. */
export const MAX_SIGNAL_LENGTH = 300;

/**
 * Why a research signal the rep gave is not a concrete fact, or undefined when it is one. A
 * signal is concrete when it has four words or more and at least one anchor (a number, a
 * date, a name that is not a profile value, a quotation, the topic of a post) in at most
 * MAX_SIGNAL_LENGTH characters. "They're growing", "saw your website" and "ok" are not.
 * Every path a signal comes in by (the prompt, --signal, front matter, a sidecar, JSON, HTTP,
 * the library) is held to this one check.
 */
export function signalWeakness(text: string, draft: Draft, data: SignalData, index?: CorpusIndex): string | undefined {
  const t = text.trim();
  if (!t) return 'it is empty';
  if (t.length > MAX_SIGNAL_LENGTH) return `it is ${t.length} characters long; one fact fits in ${MAX_SIGNAL_LENGTH}`;
  const tokens = stemTokens(t);
  if (tokens.length < 4) return `it has ${tokens.length === 1 ? 'one word' : `${tokens.length} words`}; one concrete fact takes at least four`;
  const profile = profileWords(draft);
  if (findAnchors(t, 0, tokens, prepare(data), profile, index, () => false, { left: NAME_CHECKS_PER_DRAFT }).length === 0) {
    return 'it names no number, date, name, quotation, page or topic of their post';
  }
  return undefined;
}

/** A profile merge field for the prospect's name or company among the placeholders in [start, end). */
function namesProspect(masked: readonly Placeholder[], start: number, end: number): boolean {
  for (let i = firstStartingAt(masked, start); i < masked.length && masked[i]!.start < end; i++) {
    const x = masked[i]!;
    if (x.end <= end && x.kind === 'profile' && /name|company/.test(x.name)) return true;
  }
  return false;
}

/** The cue closest, in tokens, to one of the sentence's anchors; the first such cue on a tie. */
function nearestCue(u: UnitAnalysis) {
  // Token index of each anchor, in order (anchors are sorted); one past the end has no token.
  const at = u.anchors.map((a) => firstStartingAt(u.tokens, a.start)).filter((i) => i < u.tokens.length);
  let best = u.cues[0]!;
  let bestDist = Infinity;
  for (const c of u.cues) {
    // Only the anchors either side of the cue can be nearest to it.
    const k = lowerBound(at, c.from);
    const before = k > 0 ? c.from - at[k - 1]! : Infinity;
    const after = k < at.length ? Math.max(0, at[k]! - c.to) : Infinity;
    const d = Math.min(before, after);
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best;
}

function findAnchors(
  text: string,
  offset: number,
  tokens: StemToken[],
  p: Prepared,
  profile: Set<string>,
  index: CorpusIndex | undefined,
  inPlaceholder: (s: number, e: number) => boolean,
  budget: { left: number },
): Anchor[] {
  const anchors = new SpanSet<Anchor>();
  const add = (kind: AnchorKind, start: number, end: number) => {
    if (inPlaceholder(start, end) || anchors.overlaps(start, end)) return;
    anchors.add({ kind, text: text.slice(start - offset, end - offset), start, end });
  };

  // A link to a page, not a home page or a booking page, points at something checkable: "you
  // talk about things like https://rachsmith.com/2016/career-fomo". Links go first, so the
  // numbers and words of their path are not read again as anchors of their own. Links in the
  // sender's own sentences never count, since those sentences carry no signal.
  for (const m of text.matchAll(PAGE_LINK)) {
    if (!/[a-z]{4}/i.test(m[2]!)) continue;
    const host = m[1]!.toLowerCase().replace(/^www\./, '');
    // A link whose host or path names the sender ("github.com/Peon-sh/Peon") is theirs.
    const words = m[0].toLowerCase().split(/[^\p{L}\p{N}]+/u);
    if (!p.bookingHosts.has(host) && !words.some((w) => profile.has(w))) add('link', offset + m.index!, offset + m.index! + m[0].length);
  }
  // A site named by its domain is a named thing: "you have a site link to Snpp.com". Not the
  // sender's or the prospect's own (their names), nor a platform's, nor one inside an address.
  for (const m of text.matchAll(DOMAIN)) {
    const words = m[1]!.toLowerCase().split(/[.-]/);
    if (!p.bookingHosts.has(m[1]!.toLowerCase()) && !words.some((w) => profile.has(w) || p.common.has(w))) add('entity', offset + m.index!, offset + m.index! + m[0].length);
  }
  for (const m of text.matchAll(QUOTE)) {
    // "keywords like "best accounting software"": an example the sender gives, not their words.
    if (m[1]!.trim().split(/\s+/).length >= 3 && !EXAMPLE_LEAD.test(text.slice(Math.max(0, m.index! - 16), m.index!))) add('quote', offset + m.index!, offset + m.index! + m[0].length);
  }
  // "11 of your 12 images": a count of their own things that someone made.
  for (const m of text.matchAll(SHARE_OF_THEIRS)) add('number', offset + m.index!, offset + m.index! + m[0].length);
  // "8 months ago" dates what it says; "years ago" is history (`stale`).
  for (const m of text.matchAll(AGO)) add('date', offset + m.index!, offset + m.index! + m[0].length);
  const lower = text.toLowerCase();
  for (const m of (lower.length === text.length ? lower : text).matchAll(NUMBER)) {
    const start = offset + m.index!;
    const end = start + m[0].length;
    const next = tokens[firstStartingAt(tokens, end)];
    if (next && p.durations.has(next.text)) continue;
    if (profile.has(m[0].toLowerCase())) continue;
    add(/^(19[89]\d|20[0-4]\d)$/.test(m[0]) ? 'date' : 'number', start, end);
  }
  tokens.forEach((t, i) => {
    if (p.numberWords.has(t.text)) {
      const next = tokens[i + 1];
      if (!(next && p.durations.has(next.text))) add('number', t.start, t.end);
    } else if (/^q[1-4]$/.test(t.text) || (MONTHS.has(t.text) && /^\p{Lu}/u.test(t.raw) && !(t.text === 'may' && i === 0))) {
      add('date', t.start, t.end);
    } else if (WEEKDAYS.has(t.text) && (tokens[i - 1]?.text === 'last' || tokens[i - 1]?.text === 'since')) {
      // "last Tuesday" and "since Monday" are days that have been; "on Tuesday" is as often the
      // call being asked for.
      add('date', tokens[i - 1]!.start, t.end);
      add('date', t.start, t.end);
    }
  });
  // Before the names, so "Your README says…" makes README the part of theirs, not a name.
  // A part of their site or product in a stated state is a thing anyone can go and look at:
  // "your checkout page still loads over plain HTTP", "your pricing page dropped the free tier".
  // Their site as a whole is not ("your website could rank higher"): every pitch says that.
  const theirs = (from: number) => tokens.slice(Math.max(0, from - 2), from).some((t) => t.text === 'your' || /['’]s$/.test(t.raw));
  // The last state said: a part is reported on when a state comes after it.
  const lastState = p.siteStates.find(tokens).reduce((last, st) => Math.max(last, st.from), -1);
  if (lastState >= 0) {
    for (const part of p.siteParts.find(tokens)) {
      if (theirs(part.from) && lastState >= part.to) add('site-part', tokens[part.from]!.start, tokens[part.to - 1]!.end);
    }
  }
  // A page of theirs named by what it holds: "your Services page (/our-services) still has…".
  if (lastState >= 0) {
    for (let j = 1; j < tokens.length; j++) {
      if (!p.sitePartNouns.has(tokens[j]!.text) || lastState <= j) continue;
      const owner = [j - 2, j - 3].find((k) => k >= 0 && (tokens[k]!.text === 'your' || /['’]s$/.test(tokens[k]!.raw)));
      if (owner !== undefined) add('site-part', tokens[owner + 1]!.start, tokens[j]!.end);
    }
  }
  // Their whole site only with a fault anyone can check: "your site is still on http".
  const defects = p.siteDefects.find(tokens);
  if (defects.length > 0) {
    const defectStarts = defects.map((d) => d.from);
    for (const site of p.wholeSites.find(tokens)) {
      const defect = defects[lowerBound(defectStarts, site.to)];
      if (theirs(site.from) && defect) add('site-part', tokens[site.from]!.start, tokens[defect.to - 1]!.end);
    }
  }
  // Named things: runs of capitalised words that are not profile values or common names,
  // kept when at least one word of the run is rare in the generic corpus ("Meridian One"
  // and "European Accessibility Act" are names even if "Meridian" or "Act" recur there).
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalised(tokens, i, p, profile)) continue;
    // "plain-English", "AI-Powered": a capital inside a hyphenated word describes, it names nothing.
    if (i > 0 && tokens[i - 1]!.end === tokens[i]!.start - 1 && text[tokens[i]!.start - offset - 1] === '-') continue;
    // "Saw Orvale is hiring": the sentence's first word is the observation, not part of the name.
    if (i === 0 && (p.observationWords.has(tokens[0]!.text) || p.congratulations.has(tokens[0]!.text)) && isCapitalised(tokens, 1, p, profile)) continue;
    let j = i + 1;
    // "Fast & Clean": an ampersand between two capitalised words joins one name; a capital
    // letter ends one ("Series A", "Plan B").
    while (j < tokens.length && (isCapitalised(tokens, j, p, profile) || /^\p{Lu}$/u.test(tokens[j]!.raw) || (isConnector(tokens[j]!) && isCapitalised(tokens, j + 1, p, profile))) && /^(?:[ \t]{1,2}|[ \t]?&[ \t]?)$/.test(text.slice(tokens[j - 1]!.end - offset, tokens[j]!.start - offset))) j++;
    const run = tokens.slice(i, j);
    // "as a Speaker", "an Enterprise plan": a word after "a" or "an" is a kind of thing, whatever its capital.
    const kind = run.length === 1 && (tokens[i - 1]?.text === 'a' || tokens[i - 1]?.text === 'an');
    // Two capitalised words or more inside a sentence are written as a name ("Data Platform
    // roles"), whatever the words; at its start, a capital proves nothing.
    const named = (i > 0 && run.length >= 2) || titleOfPiece(tokens, i, j, p);
    if (!kind && (named || run.some((t, k) => isRare(t, i + k === 0, run.length, index)))) add('entity', tokens[i]!.start, tokens[j - 1]!.end);
    i = j - 1;
  }
  // Code spans name things: "I looked up the `ua-parser-js` module", and so do paths: "the
  // /v2/orders endpoint".
  for (const m of text.matchAll(CODE_SPAN)) add('entity', offset + m.index!, offset + m.index! + m[0].length);
  for (const m of text.matchAll(PATH)) add('entity', offset + m.index! + m[1]!.length, offset + m.index! + m[0].length);
  // Names nobody capitalised: a word that is neither English nor in the generic corpus ("saw
  // you starred shadcn", "your doltgresql repo"). Words of links and addresses are not names.
  for (const t of tokens) {
    if (isUncapitalisedName(t, text, offset, profile, p, index, budget)) add('entity', t.start, t.end);
  }
  // The named topic of the prospect's own content: "your post on freight audits".
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!p.contentNouns.has(tokens[i]!.stem)) continue;
    // "your episode with Morgan Housel on wealth", "your talk at SaaStr about hiring": who
    // was with them or where it was may come between the piece and its topic.
    const link = topicLinkAfter(tokens, i, p);
    if (link < 0) continue;
    // A noun, not the verb: "your talk on X" and "your TEDx talk on X" name a talk, "you talk
    // about hiring" does not.
    if (![1, 2, 3].some((k) => DETERMINERS.has(tokens[i - k]?.text ?? ''))) continue;
    // The topic is the phrase after the link word, up to its verb: "your post about leadership
    // was inspiring" names one word, which any pitch can say; "on usage-based billing" names a
    // subject. Who was with them counts towards it ("your episode with morgan housel on wealth").
    const words = [...tokens.slice(i + 1, link), ...topicPhrase(text, offset, tokens, link + 1)].filter((t) => !isStopword(t.text) && !profile.has(t.text));
    if (words.length >= 2) add('topic', tokens[i]!.start, words[1]!.end);
  }
  return [...anchors.items];
}

/** Words that put who, where or when between a piece and its topic: "your episode with …", "your newsletter last Tuesday argued …", "the thread you started on r/devops about …". */
const TOPIC_GAPS = new Set(['with', 'at', 'for', 'from', 'last', 'this', 'yesterday', 'today', 'you']);
/** The most words such a gap holds before the topic's link word. */
const TOPIC_GAP_WORDS = 4;

/**
 * Words that end a topic phrase: the verb or the clause after it ("your post about leadership
 * was inspiring"). Other small words carry on ("patience being a virtue for growth").
 */
const TOPIC_ENDS = new Set(['is', 'was', 'were', 'are', 'am', "'s", 'has', 'have', 'had', 'that', 'which', 'who', 'it', 'this', 'i', 'we', 'you', 'really',
  'so', 'but', 'because', 'since', 'will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'made', 'makes', 'make', 'did', 'does', 'do']);
/** The most words a topic phrase is read to. */
const TOPIC_WORDS = 6;

/** The tokens of the phrase that starts at `from`, up to its first verb or stop (or a mark between words). */
function topicPhrase(text: string, offset: number, tokens: StemToken[], from: number): StemToken[] {
  const out: StemToken[] = [];
  for (let k = from; k < Math.min(tokens.length, from + TOPIC_WORDS); k++) {
    const t = tokens[k]!;
    if (k > from && /[,;:.!?()]/.test(text.slice(tokens[k - 1]!.end - offset, t.start - offset))) break;
    if (TOPIC_ENDS.has(t.text)) break;
    out.push(t);
  }
  return out;
}

/** The index of the word that links the piece at `i` to its topic ("on", "about"), or -1. */
function topicLinkAfter(tokens: StemToken[], i: number, p: Prepared): number {
  if (p.topicLinks.has(tokens[i + 1]?.text ?? '')) return i + 1;
  if (!TOPIC_GAPS.has(tokens[i + 1]?.text ?? '')) return -1;
  for (let k = i + 2; k < Math.min(tokens.length - 1, i + 2 + TOPIC_GAP_WORDS); k++) {
    if (p.topicLinks.has(tokens[k]!.text) && tokens[k]!.text !== 'that') return k;
  }
  return -1;
}

const SHARE_OF_THEIRS = /\b\d{1,6}[ \t]+(?:out[ \t]+)?of[ \t]+your[ \t]+\d{1,6}\b/gi;
const SHARE_OF_THEIRS_TEXT = /^\d{1,6}[ \t]+(?:out[ \t]+)?of[ \t]+your[ \t]+\d{1,6}$/i;
const AGO = /\b(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of)[ \t]+(?:days?|weeks?|months?)[ \t]+ago\b/gi;

// A bare domain ("Snpp.com", "www.tessaro.io"), not part of a link or an e-mail address. Bounded.
const DOMAIN = /(?<![@\w./:-])(?:www\.)?((?:[a-z0-9][a-z0-9-]{0,62}\.){1,4}(?:com|org|net|io|co|ai|dev|app|edu|gov|info|biz|me|us|uk|de|fr|nl|ca|au|in|es|it|fm|tv|ly|so|xyz|site|blog))(?![\w@-]|\.[a-z0-9])/gi;

/** The whole of an anchor's text is a domain. */
const DOMAIN_TEXT = /^(?:www\.)?(?:[a-z0-9][a-z0-9-]{0,62}\.){1,4}[a-z]{2,6}$/i;

/** Words that introduce an example: what follows is the sender's, not a quotation of the prospect. */
const EXAMPLE_LEAD = /\b(?:like|such as|e\.g\.|for example|for instance|including)[ \t]*$/i;

// A path on its own, not inside a link: " /v2/orders", "(/our-services)". Bounded like PAGE_LINK.
const PATH = /(^|[\s(])(\/[a-z0-9_.-]{2,40}(?:\/[a-z0-9_.{}:-]{1,40}){0,6})(?=[\s).,;:!?]|$)/gi;
const CODE_SPAN = /`[^`\n]{2,60}`/g;
// A host, then a path with at least one word of four letters or more: a page, not a site.
// Bounded, so a long run of links with no space between them is read in linear time.
const PAGE_LINK = /\bhttps?:\/\/([\w-]{1,63}(?:\.[\w-]{1,63}){1,8})\/([^\s)\]>]{1,300})/gi;

/**
 * How many words of one draft may be checked against English as possible names. The check
 * costs a few hundred lookups a word; an email has a handful of unknown words, and a draft
 * with hundreds of them (a log, random text) is no email, so the rest are taken for words.
 */
const NAME_CHECKS_PER_DRAFT = 100;
/** The longest word taken for an uncapitalised name; longer ones are never tool names. */
const MAX_NAME_LENGTH = 24;

function isUncapitalisedName(t: StemToken, text: string, offset: number, profile: Set<string>, p: Prepared, index: CorpusIndex | undefined, budget: { left: number }): boolean {
  // "noticed tessaro's status page": the possessive is no part of the name.
  const word = t.text.replace(/['’]s$/, '');
  if (t.raw !== t.text || word.length > MAX_NAME_LENGTH || !/^[a-z][a-z0-9]{3,}$/.test(word) || isStopword(word) || profile.has(word) || p.common.has(word)) return false;
  if ((index?.documentFrequency(t.stem) ?? 0) > 0) return false;
  if (budget.left <= 0) return false;
  budget.left--;
  if (isEnglishLike(word) || (word.endsWith('s') && isEnglishLike(word.slice(0, -1)))) return false;
  // The whitespace-delimited chunk the word sits in: "tokenbrake.com/guides" is a link.
  const from = text.lastIndexOf(' ', t.start - offset) + 1;
  const to = text.indexOf(' ', t.end - offset);
  return !/[/@]|\.\w/.test(text.slice(from, to < 0 ? text.length : to));
}

function isConnector(t: StemToken): boolean {
  return t.text === 'of' || t.text === 'and' || t.text === '&' || t.text === 'de';
}

/** A capitalised word that could be part of a name: not a stopword, profile value or common name. */
function isCapitalised(tokens: StemToken[], i: number, p: Prepared, profile: Set<string>): boolean {
  const t = tokens[i];
  if (!t || !/^\p{Lu}/u.test(t.raw)) return false;
  if (p.common.has(t.text) || profile.has(t.text) || MONTHS.has(t.text) || isStopword(t.text)) return false;
  // "XXX" and "YYY" stand where a name was taken out.
  if (/^(\p{L})\1{2,}$/u.test(t.text)) return false;
  // A plural acronym ("CNAs", "SKUs") names a kind of thing, not a thing.
  return !/^\p{Lu}{2,}s$/u.test(t.raw);
}

/**
 * A word that makes a capitalised run a name: one that few generic corpus messages use (fewer
 * than 1% of them, and fewer than 5). A lone capitalised first word of a sentence needs to be
 * unknown to the corpus, or an acronym, since every sentence starts with a capital.
 */
function isRare(t: StemToken, sentenceStart: boolean, runLength: number, index: CorpusIndex | undefined): boolean {
  const df = index?.documentFrequency(t.stem) ?? 0;
  const common = index ? df >= Math.max(5, index.n * 0.01) : false;
  if (common) return false;
  const acronym = t.raw.length >= 2 && t.raw === t.raw.toUpperCase();
  // "Perhaps" opens a sentence; "Dask" does. Only a word English does not know can tell.
  if (sentenceStart && runLength === 1 && !acronym) return df === 0 && t.text.length > 3 && !isEnglishWord(t.text);
  return true;
}

/** An entity that stands right after "noticed", "came across" or "your …": the object of the observation, not a fact about it. */
function justAfterObservation(u: UnitAnalysis, a: Anchor, p: Prepared): boolean {
  // "your browser extension The Great Suspender" puts the name four words after "your";
  // "came across Acme" puts it right after the observation.
  const at = firstStartingAt(u.tokens, a.start);
  const before = (n: number) => u.tokens.slice(Math.max(0, at - n), at);
  // "you use InfraCost" or "you starred shadcn" names what they did, which is the fact, and so
  // does what their thing does: "your portfolio includes Figma", "your team open-sourced Tessaro UI".
  const prev = u.tokens[at - 1]?.text === 'the' ? u.tokens[at - 2] : u.tokens[at - 1];
  const owned = before(4).some((t) => t.text === 'your') && (prev?.text === 'your' || p.ownThings.has(prev?.text ?? '') || p.contentNouns.has(prev?.stem ?? ''));
  return owned || p.observations.find(before(3)).length > 0;
}

/** Whether an anchor is only the prospect's own name (or part of it), which is no observation of theirs. */
function names(identity: string[], text: string): boolean {
  const t = text.toLowerCase().replace(/['’]s$/, '');
  // Whole words: "Rotten Tomatoes" does not name Tom.
  return identity.some((v) => t === v || (t.length >= 3 && (hasWholeWord(v, t) || hasWholeWord(t, v))));
}

/**
 * Who the email is to when no profile says so: the greeting's name, and the first organisation
 * the subject line names. The name's words are not anchors, and a sentence that names either
 * speaks of the prospect ("Saw Acme moved to monthly releases" never says "you").
 */
function inferredIdentity(draft: Draft, profile: Set<string>, p: Prepared): { words: string[]; values: string[]; organisation?: string } {
  const words: string[] = [];
  const values: string[] = [];
  let organisation: string | undefined;
  const has = (k: string) => !!draft.prospect[k]?.value;
  if (!has('first_name') && !has('full_name')) {
    // The greeting region holds a salutation on its own line or one that opens the first sentence's line.
    const greeting = draft.regions.find((r) => r.kind === 'greeting');
    const opening = greeting ? draft.body.text.slice(greeting.start, greeting.end).trim() : '';
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
      if (SUBJECT_ELSEWHERE.has(before) || v.split(/\s+/).every((w) => p.sender.has(w) || p.common.has(w) || isStopword(w))) continue;
      values.push(v);
      organisation = v;
      break;
    }
  }
  return { words, values, organisation };
}

/** Words before a name in a subject line that make it somewhere other than the prospect: "on Tidelift", "from Bridgeworks". */
const SUBJECT_ELSEWHERE = new Set(['on', 'with', 'from', 'via', 'to', 'by']);

/** Words after which a name is in a phrase of place or relation, not the subject of its sentence. */
const PREPOSITIONS = new Set(['at', 'in', 'on', 'from', 'with', 'of', 'for', 'by', 'to', 'into', 'about', 'via']);

/** Words after a name that make it the subject of a report: "OpenAI just leased…", "Acme is hiring". */
const SUBJECT_VERBS = new Set(['is', 'was', 'has', 'had', 'just', 'recently', 'now', 'are', 'have', 'announced', 'launched', 'raised', 'opened', 'moved', 'posted', 'released', 'shipped', 'hired', 'acquired', 'won', 'runs', 'rolled', 'spun', 'closed', 'joined', 'expanded', 'made']);

/**
 * The organisation an opening sentence reports on, lowercased: an entity that opens the
 * sentence or follows its observation ("Came across adhdev", "Noticed Full Blast runs…"), or
 * that a verb of report follows ("OpenAI just leased"). An entity elsewhere ("led by Fjord
 * Ventures") is a fact, not who they are.
 */
function openingOrganisation(read: ReadonlyArray<{ tokens: StemToken[]; found: Anchor[] }>, p: Prepared): string | undefined {
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
function senderWords(draft: Draft, p: Prepared): Set<string> {
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
const SIGNATURE_ADDRESS = /(?:https?:\/\/)?[\w.-]{1,64}(?:@[\w-]{1,63})?\.[a-z]{2,6}(?:\/[\w\/.-]{0,120})?/gi;
/** The parts of an address that name no one: schemes, "www", top-level domains. */
const ADDRESS_PARTS = new Set(['http', 'https', 'www', 'com', 'org', 'net', 'io', 'co', 'ai', 'dev', 'app', 'mailto', 'in', 'profile']);

/** Lowercased words of the prospect's profile values: these are never anchors. */
function profileWords(draft: Draft): Set<string> {
  const out = new Set<string>();
  for (const f of Object.values(draft.prospect)) for (const w of f.value.toLowerCase().split(/[^\p{L}\p{N}']+/u)) if (w) out.add(w);
  return out;
}

/** Words of a company name that say nothing on their own ("Calder Precision Castings" is "Calder"). */
const GENERIC_COMPANY_WORDS = new Set(['the', 'and', 'of', 'group', 'inc', 'llc', 'ltd', 'co', 'company', 'corp', 'corporation', 'holdings', 'partners', 'systems', 'solutions', 'services', 'technologies', 'technology', 'labs', 'health', 'foods', 'media', 'hotel', 'motors', 'games', 'global', 'international', 'industries', 'enterprises', 'consulting', 'capital', 'ventures', 'studio', 'studios']);

/**
 * The prospect's name and company as they are written in running text, lowercased: the full
 * values, and the company's distinctive first word ("Sierra Vista Orchards" is "sierra").
 */
function identityValues(draft: Draft): string[] {
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

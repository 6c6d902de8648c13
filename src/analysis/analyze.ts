import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { MaskedUnit, Skeleton } from '../corpus/skeleton.js';
import type { Draft } from '../kernel/types.js';
import { containmentTest, firstStartingAt, lowerBound, overlapTest } from '../kernel/sorted-spans.js';
import { hasWholeWord } from '../parse/whole-words.js';
import { gapBefore, stemTokens, type StemToken } from './stem-phrases.js';
import { senderNames } from './sender-names.js';
import {
  ADDRESS,
  DOMAIN_TEXT,
  findAnchors,
  pieceOwner,
  possessorBefore,
  NAME_CHECKS_PER_DRAFT,
  QUOTE,
  SHARE_OF_THEIRS_TEXT,
  titleOfPiece,
  type Anchor,
} from './anchors.js';
import { identityValues, inferredIdentity, names, namesProspect, openingOrganisation, profileWords, senderWords } from './prospect-identity.js';
import { statedProfile, statedRole, statedTenure } from './profile-statements.js';
import { prepare, type Prepared, type SignalData } from './signal-data.js';

export type { Anchor, AnchorKind } from './anchors.js';
export type { SignalData } from './signal-data.js';

/** A cue found in a sentence: its type, the phrase as listed, and the tokens it covers. */
export interface Cue {
  type: string;
  text: string;
  from: number;
  to: number;
  /** Where "your" stands when the cue is a piece it owns across other words ("your Rust async book"). */
  owner?: number;
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

/**
 * Reads each sentence of the message for cues of a research signal, concrete anchors, and
 * whom it is about, and returns the signals it finds. A signal needs all three: a cue, an
 * anchor, and the prospect as its subject rather than the sender. Rules read it through their
 * lint's Analysis, which works it out once per draft.
 */
export function analyzeDraft(draft: Draft, skeleton: Skeleton, data: SignalData, index?: CorpusIndex): DraftAnalysis {
  const p = prepare(data);
  const body = draft.body.text;
  const masked = draft.placeholders.filter((x) => x.part === 'body').sort((a, b) => a.start - b.start);
  const inPlaceholder = overlapTest(masked);
  const profile = profileWords(draft);
  const identity = identityValues(draft);
  const sender = senderWords(draft, p);
  const products = senderNames(draft, data, skeleton.units);
  for (const w of products) sender.add(w);
  // The sender's own name in the subject ("TokenBrake for your AI bill") is not the prospect.
  const inferred = inferredIdentity(draft, new Set([...profile, ...sender]), p);
  for (const w of inferred.senderSide) sender.add(w);
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
      // "your YouTube channel (https://www.youtube.com/@them/videos)": the link to their own place names it.
      const ownLink = a.kind === 'link' && theirs && at > 0 && p.ownThings.has(tokens[at - 1]!.text);
      if (((a.kind === 'entity' && theirs && ((next && p.ownThings.has(next.text)) || ownAddress)) || ownLink) && selfNames.length < 8) {
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
    const thanks = thanksAtHead(tokens, p);
    // "this project", "this repo": where the message is posted, an issue or a pull request, is theirs.
    const direct =
      [...lower].some((w) => p.prospect.has(w)) ||
      mentionsIdentity ||
      thanks ||
      p.theirThisOne.find(tokens).length > 0 ||
      (postscript && ![...lower].some((w) => p.sender.has(w)));
    const hedged = hedgedTokens(text, unit.start, tokens, p);
    // "an app for browsing memory files" says what a thing is for: nobody was seen doing it.
    // "Thank you for starring…" thanks them for what they did.
    const thankedFor = new Set(p.gratitude.find(tokens).map((g) => g.to));
    const forPurpose = (from: number) => tokens[from - 1]?.text === 'for' && !thankedFor.has(from);
    // "didn't see that there was already a site": what the sender did not see is no report.
    const negated = (from: number) => tokens.slice(Math.max(0, from - 2), from).some((t) => NEGATIONS.has(t.text));
    const observations = p.observations.find(tokens).filter((o) => !hedged.has(o.from) && !forPurpose(o.from) && !negated(o.from));
    const observed = observations.length > 0;
    // "I noticed…", "we saw…", "Came across…", "I was looking at…": the sender reporting, at the
    // head of the sentence, not telling their own story ("I was a growth lead… until I found…").
    const reports = observations.some(
      (o) =>
        o.from === 0 ||
        (o.from <= 2 && (p.sender.has(tokens[o.from - 1]!.text) || REPORT_ADVERBS.has(tokens[o.from - 1]!.text) || tokens[o.from - 1]!.text === 'was')),
    );
    // Reported, not asked for: "starring or forking it would mean a lot" is a request.
    const activity = hedged.size === 0 && p.activities.find(tokens).some((a) => !forPurpose(a.from));
    // "We have a database of 72,000…" is the sender's, whatever "you" comes later; "we noticed" is not.
    const corporateHead = tokens.find((t) => !inQuote(t.start, t.end) && !country(t) && (p.sender.has(t.text) || p.prospect.has(t.text)));
    // "TokenBrake fixes exactly that", with TokenBrake the sender's product.
    // "…to inform you that AutoMQ has simplified…": the sender's product as the subject of what is told.
    const senderName = (t: StemToken | undefined) => !!t && /^\p{Lu}/u.test(t.raw) && sender.has(t.text.replace(/['’]s$/, ''));
    const opensWithSender = senderName(tokens[0]) || (!reports && tokens.some((t, k) => t.text === 'that' && senderName(tokens[k + 1])));
    // "Listen here: 5by5.tv/changelog": the words of an address are no cue…
    const inAddress = containmentTest([...text.matchAll(ADDRESS)].map((m) => ({ start: unit.start + m.index!, end: unit.start + m.index! + m[0].length })));
    const cues = p.cues
      .find(tokens)
      // …and the words of a quoted title are the title: "entitled "10 Jobs You Would Never Guess"".
      .filter((c) => !inAddress(tokens[c.from]!.start, tokens[c.to - 1]!.end) && !inQuote(tokens[c.from]!.start, tokens[c.to - 1]!.end))
      // "your LinkedIn profile", "you have a very interesting profile": their own page, which
      // every list has, not a profile of them in the press.
      .filter((c) => !(c.to === c.from + 1 && p.ownThings.has(tokens[c.from]!.text) && ownPage(tokens, c.from)))
      // "You've been in your role for 3 years": their own job, not an opening.
      .filter(
        (c) =>
          !hedged.has(c.from) &&
          !inCompound(body, tokens, c.from, c.to) &&
          !(c.to === c.from + 1 && p.profileRoles.has(tokens[c.from]!.text) && tokens[c.from - 1]?.text === 'your'),
      )
      // "something we just open-sourced": what the sender did, unless the type is said in their
      // voice or the cue names the prospect ("I read your…").
      .filter((c) => p.senderVoiced.has(c.value.type) || tokens.slice(c.from, c.to + 1).some((t) => p.prospect.has(t.text)) || !senderBefore(tokens, c.from, p))
      // "the Acquired podcast": the word is the show's name, not the cue it spells.
      .filter((c) => !titleOfPiece(tokens, c.from, c.to, p))
      // "an app for browsing memory files", "a tool for hiring": what a thing is for.
      .filter((c) => !(c.value.phrase.endsWith('ing') && forPurpose(c.from)))
      .map((c): Cue => ({ type: c.value.type, text: c.value.phrase, from: c.from, to: c.to }));
    cues.push(...ownPieces(text, unit.start, tokens, p, cues).filter((c) => !hedged.has(c.from)));
    // "We've been using your API for two years": the sender's own use of their product is the fact.
    const firstHand = cues.some((c) => p.senderVoiced.has(c.type));
    // "Happy to run a sample audit on your logs": what the sender offers to do.
    const offers = p.offers.find(tokens.slice(0, 4)).some((o) => o.from === 0);
    const senderClaim =
      opensWithSender ||
      offers ||
      // "Your site isn't mobile-friendly — 60% of patients search on their phone": the statistic
      // backs a fault of theirs, which stays the fact.
      (quotesStatistic(tokens, found, p) && !found.some((a) => a.kind === 'site-part')) ||
      // "I noticed the announcements page still says …" is the sender reporting on the prospect, not about themselves.
      (!direct && !reports && !activity && [...lower].some((w) => p.sender.has(w))) ||
      p.pitch.find(tokens).length > 0 ||
      comparesToClass(tokens) ||
      (!!corporateHead && p.corporate.has(corporateHead.text) && !observed && !firstHand && !thanks && !prospectClause(text, unit.start, tokens, p));
    // A cue is not its own anchor: "RFP" in "a full RFP response" is the cue, nothing concrete.
    // One that says which event it was is: "your Series A".
    const inCue = containmentTest(cues.filter((c) => !p.specificCues.has(c.text)).map((c) => ({ start: tokens[c.from]!.start, end: tokens[c.to - 1]!.end })));
    // What follows "would", "if" or "could" in its clause is hypothetical, not a fact.
    // A name between "your" and their piece says what field it is in ("your HA tutorials"), not
    // which piece it is; a date or number there does ("your March letter").
    const inOwnedField = containmentTest(
      cues.filter((c) => c.owner !== undefined).map((c) => ({ start: tokens[c.owner! + 1]!.start, end: tokens[c.from]!.start })),
    );
    const mine = tokens.find((t) => t.text === 'my');
    // A part of their site in a stated state is the fact even where a cue names it ("your README
    // says…"). A bare domain is most often the sender's own ("Reserve your seat: numeriq.com/panel"); it is
    // a fact of theirs only where the sender reports what they saw ("you have a link to Snpp.com").
    const anchors = found.filter(
      (a) =>
        (a.kind === 'site-part' || !inCue(a.start, a.end)) &&
        !(a.kind === 'entity' && inOwnedField(a.start, a.end)) &&
        !(a.kind === 'entity' && !observed && DOMAIN_TEXT.test(a.text)) &&
        // "You can find my resume at http://…": a link after "my" is the sender's own.
        !(a.kind === 'link' && !!mine && a.start > mine.start) &&
        // "our AI-powered PDF editor": a thing of the sender's.
        possessorBefore(text, unit.start, tokens, firstStartingAt(tokens, a.start), p.senderOwn, SENDER_THING_GAP) < 0 &&
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
    // The first sentence of a cold email that tells of an event, with a sum or a name and no
    // word of the sender's, tells the reader's news: "Expanding to that new $78.3M Tennessee
    // facility must be putting pressure on…". News of the sender's own company ("Solo Cup is set
    // to announce…", from Solo Cup) is a pitch.
    const openingNews =
      ordinal === 0 &&
      cues.length > 0 &&
      ![...lower].some((w) => p.sender.has(w) || sender.has(w)) &&
      anchors.some((a) => a.kind === 'entity' || (a.kind === 'number' && /[$£€]/.test(a.text)));
    units.push({
      unit,
      tokens,
      anchors,
      cues,
      aboutProspect: direct || ((activity || openingReport || openingNews) && !senderClaim),
      direct,
      senderClaim,
      observed,
      hedged: hedged.size > 0,
      hedgedNearAnchor: hedgeShares(text, unit.start, tokens, hedged, anchors),
    });
    directness.push(direct && !senderClaim);
  }
  // A fact stated next to a sentence that speaks to the prospect ("The EAA applies from 28
  // June 2025. I ran your checkout through...") is about them too, when it names a thing, a
  // date or a quotation: a bare number beside "you" is usually the sender's own claim.
  units.forEach((u, i) => {
    // A link beside a "you" sentence is the sender's offer ("Listen to the show here…"), not theirs.
    if (!u.aboutProspect && !u.senderClaim && (directness[i - 1] || directness[i + 1]) && u.anchors.some((a) => a.kind !== 'number' && a.kind !== 'link'))
      u.aboutProspect = true;
  });

  const signals: DetectedSignal[] = [];
  for (const [i, u] of units.entries()) {
    const add = (type: string, cue: string, anchors: Anchor[]) => {
      const known = data.types.find((t) => t.id === type);
      signals.push({ type, label: known?.label ?? 'Other', cue, anchors, start: u.unit.start, end: u.unit.end });
    };
    // "I had a quick look at your store. One thing stood out: there's no meta description set":
    // a fault anyone can check, found on the site of theirs the sentence before looked at.
    const before = units[i - 1];
    if (before?.observed && before.direct && !u.senderClaim && !u.hedged && u.anchors.length === 0) {
      const defect = p.siteDefects.find(u.tokens)[0];
      if (defect) {
        const start = u.tokens[defect.from]!.start;
        const end = u.tokens[defect.to - 1]!.end;
        add('other', 'site observation', [{ kind: 'site-part', text: body.slice(start, end), start, end }]);
        continue;
      }
    }
    // Research is current: what a sentence puts "way back" or "years ago" is history.
    if (u.senderClaim || !u.aboutProspect || u.anchors.length === 0 || p.stale.find(u.tokens).length > 0) continue;
    const profileData = new Set([...statedRole(u, p), ...statedTenure(u), ...statedProfile(u, p)]);
    const facts = u.anchors.filter((a) => !names(identity, a.text) && !profileData.has(a));
    if (facts.length === 0) continue;
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
    // What the sentence before saw is reported here only when this one states it: "I found a bug
    // on your website. … An attacker could use …" supposes.
    else if ((u.observed || (before?.observed && !u.hedgedNearAnchor)) && observedFacts.length > 0) add('other', 'observation', observedFacts);
    // "Your checkout page still loads over plain HTTP": what the sender looked at and found.
    else if (!u.hedgedNearAnchor && facts.some((a) => a.kind === 'site-part')) add('other', 'site observation', facts);
    // "Link text "single UI element" points to http://… which is not live anymore": a fault
    // anyone can check, of a link or page the sentence names.
    else if (!u.hedgedNearAnchor && p.siteDefects.find(u.tokens).length > 0 && facts.some((a) => a.kind === 'link' || a.kind === 'quote'))
      add('other', 'site observation', facts);
    // "Congrats on Orvale making the Inc. 5000": what they are congratulated on, if it is named.
    else if ((u.tokens.some((t) => p.congratulations.has(t.text)) || thanksAtHead(u.tokens, p)) && facts.some((a) => a.kind !== 'date'))
      add('other', 'congratulations', facts);
    // A report with the prospect as its subject, dated or quoting them, with nothing in it
    // supposed or predicted: "Your Q3 call on 28 October put SMB churn at 4.1%", "Orvale spun
    // out of Brightline Labs last month", "Your pricing page still says "contact us for a quote"".
    // "11 of your 12 images have no description": a count of theirs someone made.
    else if (!u.hedgedNearAnchor && facts.some((a) => SHARE_OF_THEIRS_TEXT.test(a.text))) add('other', 'count of theirs', facts);
    else if (
      !u.hedgedNearAnchor &&
      opensWithProspect(u.tokens, identity, p) &&
      (facts.some((a) => a.kind === 'date' || a.kind === 'quote') || p.recency.find(u.tokens).length > 0 || u.tokens.some((t) => p.currentMarkers.has(t.text)))
    )
      add('other', 'reported fact', facts);
  }
  const result: DraftAnalysis = { units, signals };
  if (draft.signal) {
    const weakness = signalWeakness(draft.signal.text, draft, data, index);
    if (weakness) result.savedSignalWeakness = weakness;
  }
  return result;
}

/** Words that deny the verb after them. */
const NEGATIONS = new Set(['not', 'never', "didn't", "don't", "doesn't", "haven't", "hasn't", "hadn't", "couldn't", "can't", 'cannot', "wasn't", "weren't"]);

/** Words that end the phrase of the sender's deed before a cue: "I saw that…", "the webmaster of…". */
const DEED_BREAKS = new Set(['that', 'of', 'to', 'at', 'in', 'on', 'for', 'with', 'from', 'about', 'by']);
/** Whether the word at `i` is their own page or account: "your (LinkedIn) profile", "you have a (very interesting) profile". */
function ownPage(tokens: StemToken[], i: number): boolean {
  const before = tokens.slice(Math.max(0, i - 4), i).map((t) => t.text);
  return (
    before.includes('your') || (before.includes('have') && (before.includes('a') || before.includes('an')) && tokens.slice(0, i).some((t) => t.text === 'you'))
  );
}

/** The most words between "our" or "my" and the thing of the sender's it names: "our AI-powered PDF editor". */
const SENDER_THING_GAP = 4;

/** The most words between the sender and what they did: "I just posted an article". */
const SENDER_DEED_GAP = 4;

/**
 * Whether the sender stands just before the cue at `from`, with no "you", "that" or
 * observation between: "something we just open-sourced", "I just posted an article", and not
 * "I read your post" or "I saw that Tessaro grew".
 */
function senderBefore(tokens: StemToken[], from: number, p: Prepared): boolean {
  for (let k = from - 1; k >= Math.max(0, from - SENDER_DEED_GAP); k--) {
    const t = tokens[k]!.text;
    // "I saw that Tessaro grew": what the sender saw is someone else's deed.
    // "I'm the webmaster of …": a preposition between puts the cue outside what the sender did.
    if (p.prospect.has(t) || DEED_BREAKS.has(t) || p.observationWords.has(t)) return false;
    if (p.sender.has(t)) return true;
  }
  return false;
}

/** The marks that end a clause between two words. */
const CLAUSE_BREAK = /[,;:—–]/;

/**
 * Token indexes that a hedge covers: from the hedge to the end of its clause. A question asks,
 * it does not state: the clause a question mark closes is covered too ("Quick question: how do
 * you track what Render and Fly.io are shipping?").
 */
function hedgedTokens(text: string, offset: number, tokens: StemToken[], p: Prepared): Set<number> {
  const out = new Set<number>();
  // Whether a clause ends between token i - 1 and token i.
  const clauseBreak = (i: number) => CLAUSE_BREAK.test(gapBefore(text, offset, tokens, i));
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
  tokens.forEach((_t, i) => {
    if (i > 0 && CLAUSE_BREAK.test(gapBefore(text, offset, tokens, i))) clause++;
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
  return (
    (from > 0 && tokens[from - 1]!.end === first.start - 1 && text[first.start - 1] === '-') ||
    (to < tokens.length && tokens[to]!.start === last.end + 1 && text[last.end] === '-')
  );
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

/** The type the prospect's own content has in signals.yml. */
const OWN_CONTENT = 'own-content';
/**
 * "Your <piece>" with words between, which no cue phrase spells out: "your March letter",
 * "your Rust async book". The piece is theirs as much as "your book" is.
 */
function ownPieces(text: string, offset: number, tokens: StemToken[], p: Prepared, known: ReadonlyArray<{ from: number; to: number }>): Cue[] {
  const out: Cue[] = [];
  const covered = new Set<number>();
  for (const c of known) for (let k = c.from; k < c.to; k++) covered.add(k);
  for (let i = 1; i < tokens.length; i++) {
    if (!p.contentNouns.has(tokens[i]!.stem) || covered.has(i)) continue;
    const owner = pieceOwner(text, offset, tokens, i, p);
    // The cue is the piece; a date or number between is its anchor ("your March letter").
    if (owner >= 0) out.push({ type: OWN_CONTENT, text: `your ${tokens[i]!.text}`, from: i, to: i + 1, owner });
  }
  return out;
}

/**
 * "developers and professionals like you", "brands like yours": the prospect as one of a class,
 * which is the sender's pitch to all of it. Any plural before "like you" makes the class, so the
 * list in `pitch_markers` need not name every kind of prospect.
 */
function comparesToClass(tokens: StemToken[]): boolean {
  return tokens.some(
    (t, k) => t.text === 'like' && (tokens[k + 1]?.text === 'you' || tokens[k + 1]?.text === 'yours') && /^\p{L}{3,}s$/u.test(tokens[k - 1]?.text ?? ''),
  );
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
    if (!/[,;]/.test(gapBefore(text, offset, tokens, k))) continue;
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
  const head = tokens
    .slice(0, 5)
    .map((t) => t.text.replace(/'s$/, ''))
    .join(' ');
  return identity.some((v) => v.length >= 3 && (head === v || head.startsWith(`${v} `))) && !p.sender.has(first.text);
}

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

/** An entity that stands right after "noticed", "came across" or "your …": the object of the observation, not a fact about it. */
function justAfterObservation(u: UnitAnalysis, a: Anchor, p: Prepared): boolean {
  // "your browser extension The Great Suspender" puts the name four words after "your";
  // "came across Acme" puts it right after the observation.
  const at = firstStartingAt(u.tokens, a.start);
  const before = (n: number) => u.tokens.slice(Math.max(0, at - n), at);
  // "you use InfraCost" or "you starred shadcn" names what they did, which is the fact, and so
  // does what their thing does: "your portfolio includes Figma", "your team open-sourced Tessaro UI".
  const prev = u.tokens[at - 1]?.text === 'the' ? u.tokens[at - 2] : u.tokens[at - 1];
  const owned =
    before(4).some((t) => t.text === 'your') && (prev?.text === 'your' || p.ownThings.has(prev?.text ?? '') || p.contentNouns.has(prev?.stem ?? ''));
  return owned || p.observations.find(before(3)).length > 0;
}

/** The concrete anchors of one sentence: numbers, dates, names, quotations, links, topics and parts of the prospect's site. */
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { isStopword } from '../corpus/tokens.js';
import { firstStartingAt, lowerBound, SpanSet } from '../kernel/sorted-spans.js';
import { isEnglishLike, isEnglishWord } from './english-words.js';
import type { Prepared } from './signal-data.js';
import { gapBefore, type StemToken } from './stem-phrases.js';

export type AnchorKind = 'number' | 'date' | 'entity' | 'quote' | 'topic' | 'link' | 'site-part';

/** Something concrete in a sentence: offsets into the body. */
export interface Anchor {
  kind: AnchorKind;
  text: string;
  start: number;
  end: number;
}

/** Words between two weekdays that make a range of them. */
const DAY_RANGE = new Set(['through', 'thru', 'to', 'till', 'until']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'apr',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
// Matched against lowercased text rather than with the `i` flag: case-insensitive Unicode
// matching made this one expression cost ~3 ms more to compile on every cold start.
const NUMBER = /(?<![\p{L}\p{N}])[$£€]?\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?(?:\s?(?:%|percent|k|m|mm|bn|b|x|million|billion|thousand))?(?![\p{L}\p{N}])/gu;
export const QUOTE = /[“"]([^”"\n]{8,240})[”"]/g;

/**
 * Whether tokens [from, to) are capitalised words between "the" and a piece they name: "the
 * Acquired podcast", "the Launch newsletter". A common word written so is a title.
 */
export function titleOfPiece(tokens: StemToken[], from: number, to: number, p: Prepared): boolean {
  if (from === 0 || tokens[from - 1]!.text !== 'the' || !tokens.slice(from, to).every((t) => /^\p{Lu}/u.test(t.raw))) return false;
  const next = tokens[to];
  return !!next && (p.contentNouns.has(next.stem) || p.seriesNouns.has(next.text));
}

const DETERMINERS = new Set(['your', 'the', 'a', 'an', 'their', 'his', 'her', 'its', 'recent', 'latest', 'last', 'new', 'this', 'that']);

export function findAnchors(
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
    if (!p.bookingHosts.has(m[1]!.toLowerCase()) && !words.some((w) => profile.has(w) || p.common.has(w)))
      add('entity', offset + m.index!, offset + m.index! + m[0].length);
  }
  for (const m of text.matchAll(QUOTE)) {
    // "keywords like "best accounting software"": an example the sender gives, not their words.
    if (m[1]!.trim().split(/\s+/).length >= 3 && !EXAMPLE_LEAD.test(text.slice(Math.max(0, m.index! - 16), m.index!)))
      add('quote', offset + m.index!, offset + m.index! + m[0].length);
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
    // "a 1-page audit", "100-step loops", "3-tier caching": a number joined to a word describes
    // a kind of thing; it counts nothing of theirs.
    if (/^-\p{L}/u.test(text.slice(end - offset, end - offset + 2))) continue;
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
    } else if (WEEKDAYS.has(t.text) && DAY_RANGE.has(tokens[i + 1]?.text ?? '') && WEEKDAYS.has(tokens[i + 2]?.text ?? '')) {
      // "open Tuesday through Friday": a range of days is someone's hours, which anyone can check.
      add('date', t.start, tokens[i + 2]!.end);
    }
  });
  // Before the names, so "Your README says…" makes README the part of theirs, not a name.
  // A part of their site or product in a stated state is a thing anyone can go and look at:
  // "your checkout page still loads over plain HTTP", "your pricing page dropped the free tier".
  // Their site as a whole is not ("your website could rank higher"): every pitch says that.
  // Said to be theirs: "your" or a possessive ("Acme's") at token k.
  const owns = (k: number) => k >= 0 && (tokens[k]!.text === 'your' || /['’]s$/.test(tokens[k]!.raw));
  const theirs = (from: number) => owns(from - 1) || owns(from - 2);
  // The last state said: a part is reported on when a state comes after it.
  const lastState = p.siteStates.find(tokens).reduce((last, st) => Math.max(last, st.from), -1);
  if (lastState >= 0) {
    for (const part of p.siteParts.find(tokens)) {
      if (theirs(part.from) && lastState >= part.to) add('site-part', tokens[part.from]!.start, tokens[part.to - 1]!.end);
    }
    // A page of theirs named by what it holds: "your Services page (/our-services) still has…".
    for (let j = 1; j < lastState; j++) {
      if (!p.sitePartNouns.has(tokens[j]!.text)) continue;
      const owner = [j - 2, j - 3].find(owns);
      if (owner !== undefined) add('site-part', tokens[owner + 1]!.start, tokens[j]!.end);
    }
  }
  // Their whole site only with a fault anyone can check: "your site is still on http".
  const defects = p.siteDefects.find(tokens);
  if (defects.length > 0) {
    const defectStarts = defects.map((d) => d.from);
    for (const site of p.wholeSites.find(tokens)) {
      const defect = defects[lowerBound(defectStarts, site.to)];
      // "I noticed the domain is down", "this project seems to have closed, and the domain is
      // on a parking page": a site said to be at fault is the one the sender writes about.
      const named = theirs(site.from) || tokens[site.from - 1]?.text === 'the' || tokens[site.from - 1]?.text === 'this';
      if (named && defect) add('site-part', tokens[site.from]!.start, tokens[defect.to - 1]!.end);
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
    // "Hi Andrew Found you on a search": a greeting run into the sentence; the sender's
    // "Found" or "Saw" opens what follows and is no part of the name.
    while (
      j < tokens.length &&
      !p.observationWords.has(tokens[j]!.text) &&
      (isCapitalised(tokens, j, p, profile) || /^\p{Lu}$/u.test(tokens[j]!.raw) || (isConnector(tokens[j]!) && isCapitalised(tokens, j + 1, p, profile))) &&
      /^(?:[ \t]{1,2}|[ \t]?&[ \t]?)$/.test(gapBefore(text, offset, tokens, j))
    )
      j++;
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
    if (link < 0) {
      const words = wordsNamingPiece(text, offset, tokens, i, p, profile);
      if (words) add('topic', words[0]!.start, words[words.length - 1]!.end);
      continue;
    }
    // A noun, not the verb: "your talk on X" and "your TEDx talk on X" name a talk, "you talk
    // about hiring" does not.
    if (![1, 2, 3].some((k) => DETERMINERS.has(tokens[i - k]?.text ?? ''))) continue;
    // The topic is the phrase after the link word, up to its verb: "your post about leadership
    // was inspiring" names one word, which any pitch can say; "on usage-based billing" names a
    // subject. Who was with them counts towards it ("your episode with morgan housel on wealth").
    const phrase = [...tokens.slice(i + 1, link), ...topicPhrase(text, offset, tokens, link + 1)];
    // "an article on my blog": the sender's own piece.
    if (phrase.some((t) => p.senderOwn.has(t.text))) continue;
    const words = phrase.filter((t) => !isStopword(t.text) && !profile.has(t.text));
    if (words.length >= 2) add('topic', tokens[i]!.start, words[1]!.end);
  }
  return [...anchors.items];
}

/** The most words between "your" and the piece it owns: "your latent hatred benchmark paper". */
const OWNED_PIECE_GAP = 3;

/**
 * Where one of `owners` ("your", or the sender's "our") stands before the token at `i` with
 * only words that qualify it between ("your March letter", "our AI-powered PDF editor"), or
 * -1. A verb or a small word between ("your sector is using podcasts") ends the phrase, and
 * so does a mark ("your site, blog" is two things).
 */
export function possessorBefore(text: string, offset: number, tokens: StemToken[], i: number, owners: ReadonlySet<string>, gap = OWNED_PIECE_GAP): number {
  if (i >= tokens.length) return -1;
  for (let k = i - 1; k >= Math.max(0, i - 1 - gap); k--) {
    if (PHRASE_BREAK.test(gapBefore(text, offset, tokens, k + 1))) return -1;
    const t = tokens[k]!.text;
    if (owners.has(t)) return k;
    if (isStopword(t)) return -1;
  }
  return -1;
}

const YOUR: ReadonlySet<string> = new Set(['your']);

/** Where "your" owns the piece at `i`; one still to come ("your upcoming blog posts") is not theirs yet. */
export function pieceOwner(text: string, offset: number, tokens: StemToken[], i: number, p: Prepared): number {
  const k = possessorBefore(text, offset, tokens, i, YOUR);
  return k >= 0 && tokens.slice(k + 1, i).some((w) => p.futureWords.has(w.text)) ? -1 : k;
}

/**
 * The words between "your" and a piece of theirs that say which piece it is: "your latent
 * hatred benchmark paper", "your Rust async book". One word says its field ("your SEO
 * articles"), and words of praise or time ("your great recent post") say nothing of it, so it
 * takes two others. Undefined when they are not there.
 */
function wordsNamingPiece(text: string, offset: number, tokens: StemToken[], i: number, p: Prepared, profile: Set<string>): StemToken[] | undefined {
  const owner = pieceOwner(text, offset, tokens, i, p);
  if (owner < 0) return undefined;
  const naming = tokens
    .slice(owner + 1, i)
    .filter((t) => !profile.has(t.text) && !p.pieceQualities.has(t.text) && !p.contentNouns.has(t.stem) && !/\d/.test(t.text));
  return naming.length >= 2 ? tokens.slice(tokens.indexOf(naming[0]!), i) : undefined;
}

/** Words that put who, where or when between a piece and its topic: "your episode with …", "your newsletter last Tuesday argued …", "the thread you started on r/devops about …". */
const TOPIC_GAPS = new Set(['with', 'at', 'for', 'from', 'last', 'this', 'yesterday', 'today', 'you']);
/** The most words such a gap holds before the topic's link word. */
const TOPIC_GAP_WORDS = 4;

/**
 * Words that end a topic phrase: the verb or the clause after it ("your post about leadership
 * was inspiring"). Other small words carry on ("patience being a virtue for growth").
 */
const TOPIC_ENDS = new Set([
  'is',
  'was',
  'were',
  'are',
  'am',
  "'s",
  'has',
  'have',
  'had',
  'that',
  'which',
  'who',
  'it',
  'this',
  'i',
  'we',
  'you',
  'really',
  'so',
  'but',
  'because',
  'since',
  'will',
  'would',
  'could',
  'can',
  'should',
  'may',
  'might',
  'must',
  'made',
  'makes',
  'make',
  'did',
  'does',
  'do',
]);
/** The marks between two words that end a phrase: "your site, blog" names two things. */
export const PHRASE_BREAK = /[,;:.!?()]/;
/** The most words a topic phrase is read to. */
const TOPIC_WORDS = 6;

/** The tokens of the phrase that starts at `from`, up to its first verb or stop (or a mark between words). */
function topicPhrase(text: string, offset: number, tokens: StemToken[], from: number): StemToken[] {
  const out: StemToken[] = [];
  for (let k = from; k < Math.min(tokens.length, from + TOPIC_WORDS); k++) {
    const t = tokens[k]!;
    if (k > from && PHRASE_BREAK.test(gapBefore(text, offset, tokens, k))) break;
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

const SHARE = String.raw`\d{1,6}[ \t]+(?:out[ \t]+)?of[ \t]+your[ \t]+\d{1,6}`;
const SHARE_OF_THEIRS = new RegExp(String.raw`\b${SHARE}\b`, 'gi');
/** The whole of an anchor's text is a share of theirs: "11 of your 12". */
export const SHARE_OF_THEIRS_TEXT = new RegExp(`^${SHARE}$`, 'i');
const AGO = /\b(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of)[ \t]+(?:days?|weeks?|months?)[ \t]+ago\b/gi;

const DOMAIN_NAME = String.raw`(?:[a-z0-9][a-z0-9-]{0,62}\.){1,4}(?:com|org|net|io|co|ai|dev|app|edu|gov|info|biz|me|us|uk|de|fr|nl|ca|au|in|es|it|fm|tv|ly|so|xyz|site|blog)`;
// A bare domain ("Snpp.com", "www.tessaro.io"), not part of a link or an e-mail address. Bounded.
const DOMAIN = new RegExp(String.raw`(?<![@\w./:-])(?:www\.)?(${DOMAIN_NAME})(?![\w@-]|\.[a-z0-9])`, 'gi');
/** The whole of an anchor's text is a domain. */
export const DOMAIN_TEXT = new RegExp(String.raw`^(?:www\.)?${DOMAIN_NAME}$`, 'i');
/** A web address, with its scheme or as a domain with a path ("5by5.tv/changelog"): its words name a place, they say nothing. */
export const ADDRESS = new RegExp(String.raw`\b(?:https?:\/\/|www\.)\S+|\b${DOMAIN_NAME}\/\S*`, 'gi');

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
export const NAME_CHECKS_PER_DRAFT = 100;
/** The longest word taken for an uncapitalised name; longer ones are never tool names. */
const MAX_NAME_LENGTH = 24;

function isUncapitalisedName(
  t: StemToken,
  text: string,
  offset: number,
  profile: Set<string>,
  p: Prepared,
  index: CorpusIndex | undefined,
  budget: { left: number },
): boolean {
  // "noticed tessaro's status page": the possessive is no part of the name.
  const word = t.text.replace(/['’]s$/, '');
  if (t.raw !== t.text || word.length > MAX_NAME_LENGTH || !/^[a-z][a-z0-9]{3,}$/.test(word) || isStopword(word) || profile.has(word) || p.common.has(word))
    return false;
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
  // "BIT’s" is BIT: a possessive names whom the plain word names.
  if (p.common.has(t.text) || profile.has(t.text) || profile.has(t.text.replace(/['’]s$/, '')) || MONTHS.has(t.text) || isStopword(t.text)) return false;
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

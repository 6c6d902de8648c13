import type { Rule } from '../kernel/rule.js';
import type { Draft, Report } from '../kernel/types.js';
import { phraseListMatcher } from '../analysis/phrase-list.js';
import type { StemPhraseMatcher, StemToken } from '../analysis/stem-phrases.js';
import { wordTokens } from '../corpus/tokens.js';

interface Phrase {
  id: string;
  match: string[];
}

interface State {
  code: string;
  name: string;
}

interface Data {
  phrases: Phrase[];
  address_fields: string[];
  street_words: string[];
  street_prefixes: string[];
  street_suffixes: string[];
  po_boxes: string[];
  us_states: State[];
  /** Built by prepare from the lists above. */
  optOut: StemPhraseMatcher<Phrase>;
  boxes: StemPhraseMatcher<true>;
  stateNames: StemPhraseMatcher<true>;
  stateCodes: Set<string>;
  streetWords: Set<string>;
  streetPrefixes: Set<string>;
  streetSuffixes: string[];
  addressFields: Set<string>;
}

type Sending = 'one-to-one' | 'bulk';

interface Options {
  sending: Sending;
}

/** Words as the phrase matcher reads them (lower case, curly apostrophes straight), with the text as written. */
function tokens(text: string, offset = 0): StemToken[] {
  return wordTokens(text).map((t) => ({ ...t, start: t.start + offset, end: t.end + offset, stem: t.text, raw: text.slice(t.start, t.end) }));
}

/**
 * Whether a bulk email is a bulk send: the draft's own `sending` (front matter, a JSON
 * payload's key, a CSV column), then an .eml's `Precedence: bulk` or `list` header, then
 * the configured option.
 */
export function sendingOf(draft: Draft, option: Sending): Sending {
  const own = draft.attributes.sending;
  if (typeof own === 'string') {
    const v = own.trim().toLowerCase();
    if (v === 'bulk' || v === 'one-to-one') return v;
  }
  const precedence = draft.headers?.precedence?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'list') return 'bulk';
  return option;
}

/** The body with the quoted reply cut out, as the lines the sender wrote. */
function ownText(draft: Draft): string {
  const quotes = draft.regions.filter((r) => r.kind === 'quote').sort((a, b) => b.start - a.start);
  let text = draft.body.text;
  for (const q of quotes) text = `${text.slice(0, q.start)}\n${text.slice(q.end)}`;
  return text;
}

/** A way to opt out: a List-Unsubscribe header, or an opt-out phrase in the text, a link's text or a link's address. */
export function hasOptOut(draft: Draft, text: string, anchors: Array<{ text: string; href: string }>, data: Data): boolean {
  if (draft.headers?.['list-unsubscribe']?.trim()) return true;
  const says = (t: string) => t !== '' && data.optOut.find(tokens(t)).length > 0;
  return says(text) || anchors.some((a) => says(a.text) || says(a.href));
}

const NUMBER = /^\d{1,5}[a-z]?$/;
const ORDINAL = /^\d{1,4}(?:st|nd|rd|th)$/;
// A house number ends its part of the line: "Via Roma 12, 00184 Roma", "Hauptstraße 5".
const SEGMENT_END = /^[ \t]*(?:$|[,;|·/–-])/;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/;
const CA_POSTCODE = /\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b/;
// "10115 Berlin", "D-80331 München", "1011 AB Amsterdam", at the start of a line or after a comma.
const EU_POSTCODE = /(?:^|,[ \t]*)(?:[A-Z]{1,2}-)?(\d{4,5})(?: ?[A-Z]{2})?[ \t]+\p{Lu}\p{Ll}/u;

const capitalised = (t: StemToken) => /^\p{Lu}/u.test(t.raw);
const nameWord = (t: StemToken) => capitalised(t) || ORDINAL.test(t.text);

/**
 * Whether a line holds a postal address, or enough of one to show the sender wrote theirs:
 * a house number with a street (number first as in English, or after the street as in much of
 * Europe), a PO box and its number, a US state with a ZIP code, or a postcode with its town.
 */
export function isAddressLine(line: string, data: Data): boolean {
  const ws = tokens(line);
  if (ws.length === 0 || ws.length > 24) return false;
  const endsSegment = (t: StemToken) => SEGMENT_END.test(line.slice(t.end));
  for (let i = 0; i < ws.length; i++) {
    const t = ws[i]!;
    // 500 W 2nd St / 3 rue de la Paix: a number, up to four name words, a street word.
    if (NUMBER.test(t.text)) {
      for (let j = i + 1; j < ws.length && j <= i + 5; j++) {
        if (data.streetWords.has(ws[j]!.text)) return true;
        if (!nameWord(ws[j]!)) break;
      }
    }
    // Via Roma 12 / Calle de Alcalá 50 / ul. Długa 3: a street word, names, a number that ends its part.
    if (data.streetPrefixes.has(t.text) && (capitalised(t) || line[t.end] === '.')) {
      let names = 0;
      for (let j = i + 1; j < ws.length && j <= i + 5; j++) {
        const w = ws[j]!;
        if (NUMBER.test(w.text)) {
          if (names > 0 && endsSegment(w)) return true;
          break;
        }
        if (capitalised(w)) names++;
        else if (!/^\p{Ll}{1,3}$/u.test(w.raw)) break;
      }
    }
    // Hauptstraße 5 / Keizersgracht 123: a street name ending in a street word, then its number.
    const next = ws[i + 1];
    if (
      next &&
      capitalised(t) &&
      NUMBER.test(next.text) &&
      endsSegment(next) &&
      data.streetSuffixes.some((s) => t.text.length > s.length && t.text.endsWith(s))
    )
      return true;
  }
  for (const hit of data.boxes.find(ws)) if (ws[hit.to] && /^\d/.test(ws[hit.to]!.text)) return true;
  const zip = (t: StemToken | undefined) => !!t && /^\d{5}$/.test(t.text);
  for (let i = 0; i < ws.length; i++) if (data.stateCodes.has(ws[i]!.raw) && zip(ws[i + 1])) return true;
  for (const hit of data.stateNames.find(ws)) if (capitalised(ws[hit.from]!) && zip(ws[hit.to])) return true;
  if (ws.length > 12) return false;
  if (UK_POSTCODE.test(line) || CA_POSTCODE.test(line)) return true;
  const eu = EU_POSTCODE.exec(line);
  // A year at the start of a line ("2026 Roadmap") is no postcode.
  return !!eu && !(eu.index === 0 && !line.startsWith(',') && /^(?:19|20)\d\d$/.test(eu[1]!));
}

/**
 * A bulk send (a newsletter, a campaign to a list) must let the reader opt out and must give
 * the sender's postal address: CAN-SPAM asks both of commercial email, and Gmail's and
 * Yahoo's rules for bulk senders ask for easy unsubscribing. Off for one-to-one mail unless
 * the team or the draft says the email goes out in bulk.
 */
export const optOut: Rule<Options, Data> = {
  meta: {
    id: 'opt-out',
    type: 'problem',
    description:
      'Flags a bulk send with no way to opt out or no postal address; one-to-one mail is not checked unless the team or the draft says it goes out in bulk.',
    defaultSeverity: 'warning',
    messages: {
      noUnsubscribe:
        'This bulk email gives no way to opt out: no unsubscribe line or link and no List-Unsubscribe header. CAN-SPAM requires one in commercial email, Gmail and Yahoo require one-click unsubscribe from senders of 5,000+ messages a day, and readers who cannot opt out press "Report spam" instead, which hurts the delivery of everything you send. Add an unsubscribe link or a line such as "Reply STOP and I won\'t email again."',
      noPostalAddress:
        "This bulk email has no postal address: CAN-SPAM requires commercial email to give the sender's valid physical postal address (a street address, or a registered PO box or private mailbox). Add your company's address to the footer.",
    },
    options: {
      sending: {
        type: 'string',
        default: 'one-to-one',
        enum: ['one-to-one', 'bulk'],
        description:
          'How the team sends: `bulk` checks every email, `one-to-one` none; a draft overrides it with its own `sending:` (front matter, JSON or a CSV column), and an .eml with `Precedence: bulk` is bulk.',
      },
    },
    docs: 'docs/rules/opt-out.md',
    points: 3,
    maxPoints: 6,
    group: 'form',
    extensible: { list: 'phrases', phraseFields: ['match'] },
    source:
      "The FTC's CAN-SPAM Act compliance guide for business (commercial email must tell recipients how to opt out and include the sender's valid physical postal address); Google's email sender guidelines and Yahoo's sender requirements of 2024 (senders of 5,000+ messages a day must offer one-click unsubscribe).",
  },

  prepare(data) {
    return {
      ...data,
      optOut: phraseListMatcher(data.phrases.flatMap((p) => p.match.map((m): [string, Phrase] => [m, p]))),
      boxes: phraseListMatcher(data.po_boxes.map((b): [string, true] => [b, true])),
      stateNames: phraseListMatcher(data.us_states.map((s): [string, true] => [s.name, true])),
      stateCodes: new Set(data.us_states.map((s) => s.code)),
      streetWords: new Set(data.street_words.map((w) => w.toLowerCase())),
      streetPrefixes: new Set(data.street_prefixes.map((w) => w.toLowerCase())),
      streetSuffixes: data.street_suffixes.map((w) => w.toLowerCase()),
      addressFields: new Set(data.address_fields),
    };
  },

  check(draft, { options, data, analysis }) {
    if (sendingOf(draft, options.sending) !== 'bulk') return [];
    const text = ownText(draft);
    const anchors = (analysis.markup?.anchors ?? []).filter((a) => !a.quoted);
    const reports: Report[] = [];
    if (!hasOptOut(draft, text, anchors, data)) reports.push({ messageId: 'noUnsubscribe' });
    const addressField = draft.placeholders.some((p) => p.part === 'body' && data.addressFields.has(p.name));
    if (!addressField && !text.split('\n').some((line) => isAddressLine(line, data))) reports.push({ messageId: 'noPostalAddress' });
    return reports;
  },
};

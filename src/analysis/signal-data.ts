/** The signal lists of rules/signals.yml, and the matchers and sets built from them once per data object. */
import { stem } from '../corpus/tokens.js';
import { memoizeByObject } from '../kernel/memoize.js';
import { StemPhraseMatcher } from './stem-phrases.js';
import { observationWords, type SenderNameData } from './sender-names.js';

/** rules/signals.yml */
export interface SignalData extends SenderNameData {
  /** `sender_voice`: the type's cues are said by the sender of their own doing ("I filed issue #412"), so "we" at the head is no claim. */
  types: Array<{ id: string; label: string; cues: string[]; example: string; sender_voice?: boolean }>;
  sender_markers: string[];
  prospect_markers: string[];
  congratulations?: string[];
  courtesies?: string[];
  /** Words that open the sender's offer at the head of a sentence ("Happy to run…"). */
  sender_offers?: string[];
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
  sender_possessives?: string[];
  /** Words of praise, size or time before a piece ("your great recent post"), which do not say which piece it is. */
  piece_qualities?: string[];
  specific_cues?: string[];
  site_states?: string[];
}

export interface Prepared {
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
  offers: StemPhraseMatcher<string>;
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
  pieceQualities: Set<string>;
  /** The sender's possessives ("my", "our"): a piece they own is the sender's. */
  senderOwn: Set<string>;
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

/** A set of one list's words, empty when the list is left out. */
function wordSet(list: readonly string[] | undefined): Set<string> {
  return new Set(list ?? []);
}

export const prepare = memoizeByObject((data: SignalData): Prepared => {
  const cues = new StemPhraseMatcher<{ type: string; phrase: string }>('word');
  for (const t of data.types) for (const c of t.cues) cues.add(c, { type: t.id, phrase: c });
  return {
    data,
    cues,
    sender: wordSet(data.sender_markers),
    // Congratulating them speaks to them as much as "you" does.
    prospect: new Set([...data.prospect_markers, ...(data.congratulations ?? [])]),
    congratulations: wordSet(data.congratulations),
    courtesies: phraseMatcher(data.courtesies),
    offers: phraseMatcher(data.sender_offers, 'word'),
    hedges: phraseMatcher(data.hedges),
    pitch: phraseMatcher(data.pitch_markers),
    observations: phraseMatcher(data.observations, 'word'),
    corporate: wordSet(data.corporate_sender),
    durations: wordSet(data.durations),
    numberWords: wordSet(data.number_words),
    contentNouns: new Set(data.content_nouns.map((w) => stem(w))),
    topicLinks: wordSet(data.topic_links),
    common: new Set([...data.common_names, ...(data.platforms ?? [])]),
    ownThings: wordSet(data.own_things),
    activities: phraseMatcher(data.activities, 'word'),
    bookingHosts: wordSet(data.booking_hosts),
    populations: wordSet(data.populations),
    recency: phraseMatcher(data.recency, 'word'),
    stale: phraseMatcher(data.stale, 'word'),
    siteParts: phraseMatcher(data.site_parts, 'word'),
    siteStates: phraseMatcher(data.site_states, 'word'),
    wholeSites: phraseMatcher(data.whole_sites, 'word'),
    siteDefects: phraseMatcher(data.site_defects, 'word'),
    sitePartNouns: wordSet(data.site_part_nouns),
    currentMarkers: wordSet(data.current_markers),
    profileFigures: wordSet(data.profile_figures),
    profileFacts: phraseMatcher(data.profile_facts, 'word'),
    gratitude: phraseMatcher(data.gratitude, 'word'),
    theirThisOne: phraseMatcher(data.their_this_one, 'word'),
    seriesNouns: wordSet(data.series_nouns),
    futureWords: wordSet(data.future_words),
    pieceQualities: wordSet(data.piece_qualities),
    senderOwn: wordSet(data.sender_possessives),
    specificCues: wordSet(data.specific_cues),
    roleTitles: wordSet(data.role_titles),
    profileRoles: wordSet(data.profile_roles),
    senderVoiced: new Set(data.types.filter((t) => t.sender_voice).map((t) => t.id)),
    observationWords: observationWords(data),
  };
});

/** The signal lists of rules/signals.yml, and the matchers and sets built from them once per data object. */
import { stem } from '../corpus/tokens.js';
import { memoizeByObject } from '../kernel/memoize.js';
import { StemPhraseMatcher } from './stem-phrases.js';
import type { SenderNameData } from './sender-names.js';

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

export const prepare = memoizeByObject((data: SignalData): Prepared => {
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

import type { Analysis } from '../analysis/analysis.js';
import type { Rule } from '../kernel/rule.js';
import type { Draft, Report } from '../kernel/types.js';
import { findWholeWords } from '../parse/whole-words.js';
import type { SignalData } from '../analysis/analyze.js';
import { compareText } from '../kernel/compare-text.js';

interface Data {
  signals: SignalData;
}

/** Profile fields that can stand in an email's text, in the order the message lists them. */
const FIELD_ORDER = [
  'first_name',
  'last_name',
  'full_name',
  'company',
  'company_name',
  'title',
  'industry',
  'city',
  'state',
  'country',
  'location',
  'website',
  'department',
];

/**
 * "Personalization" that is only mail merge: a template whose placeholders are all profile
 * fields, or a draft whose only prospect-specific words are the prospect's profile values.
 */
export const mergeOnlyPersonalization: Rule<Record<string, never>, Data> = {
  meta: {
    id: 'merge-only-personalization',
    type: 'suggestion',
    description:
      'Flags personalization that is only mail merge (name, company, title, industry, location, website) with nothing that shows research, and reminds the rep to fill research slots.',
    defaultSeverity: 'warning',
    messages: {
      template: 'Only merge fields personalize this template ({{fields}}); nothing in it shows research about the prospect.',
      draft: 'The only prospect-specific content is profile data ({{fields}}); nothing shows research about {{who}}.',
      researchSlot: 'The rep must fill the research slot {{raw}} before sending.',
    },
    options: {},
    docs: 'docs/rules/merge-only-personalization.md',
    uses: ['signals'],
    points: 20,
    services: ['corpus'],
  },

  check(draft, { data, analysis }) {
    return draft.mode === 'template' ? checkTemplate(draft, data, analysis) : checkDraft(draft, data, analysis);
  },
};

function checkTemplate(draft: Draft, data: Data, analysis: Analysis): Report[] {
  const research = draft.placeholders.filter((p) => p.kind === 'research');
  if (research.length > 0) {
    return research.map((p) => ({ messageId: 'researchSlot', part: p.part, start: p.start, end: p.end, data: { raw: p.raw }, severity: 'info' as const }));
  }
  // A fact about a named prospect in the fixed text is research, whatever fields greet them.
  if (analysis.fixedTextSignals(data.signals).length > 0) return [];
  const profile = draft.placeholders.filter((p) => p.kind === 'profile' && !p.malformed);
  if (profile.length === 0) return [];
  const first = profile[0]!;
  return [
    {
      messageId: 'template',
      part: first.part,
      start: first.start,
      end: first.end,
      data: { fields: fieldList(profile.map((p) => p.name)) },
      details: { fields: unique(profile.map((p) => p.name)) },
    },
  ];
}

function checkDraft(draft: Draft, data: Data, analysis: Analysis): Report[] {
  const read = analysis.signals(data.signals);
  if (read.signals.length > 0) return [];
  // Only a concrete saved signal is research; an empty or vague one changes nothing here.
  if (draft.signal && !read.savedSignalWeakness) return [];
  const uses = profileUses(draft);
  if (uses.length === 0) return [];
  const first = uses[0]!;
  const who = draft.prospect.company?.value || draft.prospect.first_name?.value || 'the prospect';
  return [
    {
      messageId: 'draft',
      part: first.part,
      start: first.start,
      end: first.end,
      data: { fields: fieldList(uses.map((u) => u.key)), who },
      details: { fields: unique(uses.map((u) => u.key)) },
    },
  ];
}

/** Where the draft's profile values stand in its subject and body, greeting and sign-off aside. */
function profileUses(draft: Draft): Array<{ key: string; part: 'subject' | 'body'; start: number; end: number }> {
  const skip = draft.regions.filter((r) => r.kind !== 'quote');
  const out: Array<{ key: string; part: 'subject' | 'body'; start: number; end: number }> = [];
  for (const f of Object.values(draft.prospect)) {
    if (f.value.length < 2) continue;
    const parts: Array<['subject' | 'body', string]> = [['body', draft.body.text]];
    if (draft.subject) parts.unshift(['subject', draft.subject.text]);
    for (const [part, text] of parts) {
      for (const { start, end } of findWholeWords(text, [f.value])) {
        if (part === 'body' && skip.some((r) => start >= r.start && start < r.end)) continue;
        out.push({ key: f.key, part, start, end });
      }
    }
  }
  return out.sort((a, b) => (a.part === b.part ? a.start - b.start : a.part === 'subject' ? -1 : 1));
}

function unique(names: string[]): string[] {
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || compareText(a, b));
}

function rank(name: string): number {
  const i = FIELD_ORDER.indexOf(name);
  return i < 0 ? FIELD_ORDER.length : i;
}

function fieldList(names: string[]): string {
  return unique(names).join(', ');
}

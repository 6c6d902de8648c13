import type { Rule } from '../kernel/rule.js';
import type { Draft, Placeholder, Report } from '../kernel/types.js';

/**
 * Merge fields that did not render. In a draft, any placeholder still in the text, an empty
 * greeting name, HubSpot's missing-token marker and an empty prospect field are errors. In a
 * template placeholders are expected, so only broken ones are reported.
 */
export const unresolvedPlaceholder: Rule<Record<string, never>> = {
  meta: {
    id: 'unresolved-placeholder',
    type: 'problem',
    description: 'Flags merge fields that did not render: placeholders left in a draft, empty greeting names, missing tokens and broken template syntax.',
    defaultSeverity: 'error',
    messages: {
      unresolved: 'Unresolved placeholder {{raw}}: fill in {{name}} before sending.',
      researchSlot: 'Research slot {{raw}} was never filled: write that line about this prospect yourself.',
      spintax: 'Spintax {{raw}} was never spun: keep one option.',
      logic: 'Template logic {{raw}} is still in the text: render the template before sending.',
      missingToken: 'The sequencing tool could not fill a token ({{raw}}): the record has no {{name}}.',
      malformed: 'Malformed placeholder {{raw}}: {{reason}}.',
      emptyGreeting: 'The greeting has no name ("{{greeting}}"): a merge field rendered empty.',
      doubledSpace: 'The greeting has a doubled space ("{{greeting}}"): a merge field rendered empty.',
      emptyFallback: 'Placeholder {{raw}} falls back to nothing: when {{name}} is empty the greeting reads "{{word}} ,".',
      emptyProspectField: 'Prospect field "{{key}}" is empty, and a merge field in this email uses it: it will render blank.',
    },
    options: {},
    docs: 'docs/rules/unresolved-placeholder.md',
  },

  check(draft) {
    const reports: Report[] = [];
    const inQuote = (p: Placeholder) => p.part === 'body' && draft.regions.some((r) => r.kind === 'quote' && p.start >= r.start && p.start < r.end);
    for (const p of draft.placeholders) {
      if (inQuote(p)) continue;
      const at = { part: p.part, start: p.start, end: p.end };
      if (p.malformed) reports.push({ ...at, messageId: 'malformed', data: { raw: p.raw, reason: p.malformed } });
      else if (p.kind === 'missing-token') reports.push({ ...at, messageId: 'missingToken', data: { raw: p.raw, name: p.rawName || 'value for it' } });
      else if (draft.mode === 'draft') reports.push({ ...at, ...unresolved(p) });
      else if (p.fallback === '' && isGreetingPlaceholder(draft, p)) {
        reports.push({ ...at, messageId: 'emptyFallback', data: { raw: p.raw, name: p.name, word: greetingWord(draft, p) } });
      }
    }
    if (draft.mode === 'draft') reports.push(...greetingGaps(draft));
    // An empty profile value matters only where a merge field shows it: a tool's payload
    // carries many fields (middle_name: null) that no template uses.
    const used = new Set(draft.placeholders.map((p) => p.name));
    for (const field of Object.values(draft.prospect)) {
      if (field.value !== '' || !used.has(field.key)) continue;
      const report: Report = { messageId: 'emptyProspectField', data: { key: field.key } };
      if (field.position) report.position = field.position;
      reports.push(report);
    }
    return reports;
  },
};

function unresolved(p: Placeholder): Pick<Report, 'messageId' | 'data'> {
  const name = p.name.replace(/_/g, ' ');
  switch (p.kind) {
    case 'research':
      return { messageId: 'researchSlot', data: { raw: p.raw } };
    case 'spintax':
      return { messageId: 'spintax', data: { raw: p.raw } };
    case 'logic':
      return { messageId: 'logic', data: { raw: p.raw } };
    default:
      return { messageId: 'unresolved', data: { raw: p.raw, name: p.kind === 'sender' ? senderField(name) : `the ${name}` } };
  }
}

/** "your name" and "my title" already say whose: "fill in your name", not "the sender's your name". */
function senderField(name: string): string {
  const bare = name.replace(/^sender /, '');
  return /^(?:your|my) /.test(bare) ? bare.replace(/^my /, 'your ') : `the sender's ${bare}`;
}

function greetingRegion(draft: Draft) {
  return draft.regions.find((r) => r.kind === 'greeting');
}

function isGreetingPlaceholder(draft: Draft, p: Placeholder): boolean {
  const g = greetingRegion(draft);
  return p.part === 'body' && !!g && p.start >= g.start && p.start < g.end;
}

function greetingWord(draft: Draft, p: Placeholder): string {
  const g = greetingRegion(draft)!;
  return draft.body.text.slice(g.start, p.start).trim() || 'Hi';
}

/** "Hi ," and "Hi  there,": what a greeting line looks like when its name rendered empty. */
function greetingGaps(draft: Draft): Report[] {
  const g = greetingRegion(draft);
  if (!g) return [];
  const line = draft.body.text.slice(g.start, g.end);
  const lead = line.length - line.trimStart().length;
  const greeting = line.trim();
  const at = { part: 'body' as const, start: g.start + lead, end: g.start + lead + greeting.length, data: { greeting } };
  if (/[ \t]+[,!:;]$/.test(greeting) && !/[{}[\]%|*]/.test(greeting)) return [{ ...at, messageId: 'emptyGreeting' }];
  if (/\S[ \t]{2,}\S/.test(greeting) && !/[{}[\]%|*]/.test(greeting)) return [{ ...at, messageId: 'doubledSpace' }];
  return [];
}

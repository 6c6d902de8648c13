import type { Rule } from '../kernel/rule.js';
import type { Draft, Report, SignalPrompt } from '../kernel/types.js';
import type { SignalData } from '../analysis/analyze.js';
import { clip } from '../kernel/clip.js';

interface Data {
  signals: SignalData;
}

/** The question, the signal types with an example each, and the command that answers it. */
export function signalPrompt(draft: Draft, data: SignalData): SignalPrompt {
  const company = draft.prospect.company?.value || draft.prospect.company_name?.value;
  const who = company || [draft.prospect.first_name?.value, draft.prospect.last_name?.value].filter(Boolean).join(' ') || 'this prospect';
  return {
    question: `What is the one research signal that matters most to ${who} right now?`,
    types: data.types.map((t) => ({ type: t.id, label: t.label, example: t.example })),
    answer: draft.detached
      ? 'Answer by sending the signal with the draft: "signal": {"type": "<type>", "text": "<the signal, in your words>"} in its JSON, or "signal:" in its front matter'
      : `Answer with: outreach-lint ${shellQuote(draft.filePath)} --signal "<the signal, in your words>" --signal-type <${data.types.map((t) => t.id).join('|')}>`,
  };
}

function shellQuote(s: string): string {
  return /^[\w./@:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * No concrete, current, prospect-specific fact. In a draft that means no sentence holds a
 * signal cue with an anchor about the prospect; in a template, no research slot for the rep.
 */
export const missingSignal: Rule<Record<string, never>, Data> = {
  meta: {
    id: 'missing-signal',
    type: 'problem',
    description: 'Flags an email with no concrete, current research signal about the prospect (or a template with no research slot), and asks the rep for one.',
    defaultSeverity: 'warning',
    messages: {
      draft: 'No research signal: nothing in this email is a concrete, current fact about {{who}}. Find one yourself and work it in.',
      weakSignal:
        'The research signal saved with this draft ("{{signal}}") is not concrete: {{why}}. Nothing in the email is a concrete, current fact about {{who}} either; save one that names a number, date, name or quotation.',
      template:
        'No research slot: every send of this template will be generic. Add a slot such as {{icebreaker}} that the rep fills with one fact about each prospect.',
    },
    options: {},
    docs: 'docs/rules/missing-signal.md',
    uses: ['signals'],
    points: 55,
    services: ['corpus'],
    verdict: 'needs-signal',
  },

  check(draft, { data, analysis }) {
    if (draft.mode === 'template') {
      if (draft.placeholders.some((p) => p.kind === 'research')) return [];
      // A fact typed into a template beside a merge field ("Saw that {company} just opened an
      // office in Austin") reaches every recipient the same: it is no research about any of them.
      if (analysis.fixedTextSignals(data.signals).length > 0) return [];
      return [{ messageId: 'template', data: { icebreaker: '{{icebreaker}}' } }];
    }
    const read = analysis.signals(data.signals);
    if (read.signals.length > 0) return [];
    // A concrete signal the rep saved is checked by signal-unused instead; a vague or empty
    // one opens nothing, and the finding says why.
    if (draft.signal && !read.savedSignalWeakness) return [];
    const prompt = signalPrompt(draft, data.signals);
    const who = draft.prospect.company?.value || draft.prospect.first_name?.value || 'this prospect';
    const report: Report = draft.signal
      ? { messageId: 'weakSignal', data: { who, signal: clip(draft.signal.text.trim(), 60), why: read.savedSignalWeakness! }, prompt }
      : { messageId: 'draft', data: { who }, prompt };
    if (draft.signal?.position) report.position = draft.signal.position;
    return [report];
  },
};

import type { Draft } from '../kernel/types.js';
import type { DetectedSignal, DraftAnalysis } from './analyze.js';

/**
 * The signals a template states in its fixed text: "Saw OpenAI just leased the Bellevue space"
 * is research even with "Hi [Name]," above it. A signal sentence that holds a profile merge
 * field ("Congrats on {{company}}'s Series B") says the same of every prospect, so it is not.
 */
export function fixedTextSignals(draft: Draft, analysis: DraftAnalysis): DetectedSignal[] {
  const merged = (s: { start: number; end: number }) =>
    draft.placeholders.some((p) => p.part === 'body' && p.kind === 'profile' && p.start >= s.start && p.end <= s.end);
  return analysis.signals.filter((s) => !merged(s));
}

import { describe, expect, it } from 'vitest';
import { findAnchors } from '../../src/analysis/anchors.js';
import { statedProfile, statedRole, statedTenure } from '../../src/analysis/profile-statements.js';
import { prepare, type SignalData } from '../../src/analysis/signal-data.js';
import { stemTokens } from '../../src/analysis/stem-phrases.js';
import { loadRuleData } from '../../src/fs/rule-data.js';

const p = prepare(loadRuleData<SignalData>('signals'));
/** The anchors of one sentence that each profile statement claims, as their text. */
function claimed(sentence: string) {
  const tokens = stemTokens(sentence, 0);
  const u = { tokens, anchors: findAnchors(sentence, 0, tokens, p, new Set(), undefined, () => false, { left: 100 }) };
  const text = (s: Set<{ text: string }>) => [...s].map((a) => a.text);
  return { role: text(statedRole(u, p)), tenure: text(statedTenure(u)), profile: text(statedProfile(u, p)) };
}

describe('profile statements', () => {
  it('claims the title they are told they hold and the organisation after it', () => {
    expect(claimed("I noticed you're the Head of Sales at Tessaro.")).toEqual({ role: ['Head of Sales', 'Tessaro'], tenure: [], profile: [] });
  });

  it('claims how long they have been there, but not how long the sender has', () => {
    expect(claimed("You've been in your role for 3 years.").tenure).toEqual(['3']);
    expect(claimed("We've been using your API for 2 years.").tenure).toEqual([]);
  });

  it('claims where they are, studied or were founded, and nothing further along', () => {
    expect(claimed("I saw you're based in Denver, and you opened a Portland office in March.").profile).toEqual(['Denver']);
    expect(claimed('I noticed you went to Stanford.').profile).toEqual(['Stanford']);
  });
});

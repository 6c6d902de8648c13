import { describe, expect, it } from 'vitest';
import { findAnchors } from '../../src/analysis/anchors.js';
import { prepare, type SignalData } from '../../src/analysis/signal-data.js';
import { stemTokens } from '../../src/analysis/stem-phrases.js';
import { loadRuleData } from '../../src/fs/rule-data.js';

const p = prepare(loadRuleData<SignalData>('signals'));
/** The anchors of one sentence as `kind=text`, with no profile, corpus or placeholders. */
function anchors(sentence: string, profile: string[] = []): string[] {
  const found = findAnchors(sentence, 0, stemTokens(sentence, 0), p, new Set(profile), undefined, () => false, { left: 100 });
  return found.map((a) => `${a.kind}=${a.text}`);
}

describe('anchors of one sentence', () => {
  it('reads dates that have been, not the call being asked for', () => {
    expect(anchors('Your last commit was 8 months ago.')).toEqual(['date=8 months ago']);
    expect(anchors('Your newsletter last Tuesday was sharp.')).toEqual(['date=last Tuesday']);
    expect(anchors('Are you free on Tuesday for a call?')).toEqual([]);
  });

  it('reads parts of their site in a stated state, and their whole site only with a checkable fault', () => {
    expect(anchors('Your checkout page still loads over plain HTTP.')).toEqual(['site-part=checkout page', 'entity=HTTP']);
    expect(anchors('Your site is still on http today.')).toEqual(['site-part=site is still on http']);
    expect(anchors('Your site looks dated.')).toEqual([]);
  });

  it("reads paths, domains, counted shares and joined names, and not the sender's own words", () => {
    expect(anchors('The /v2/orders endpoint returns errors.')).toEqual(['entity=/v2/orders']);
    expect(anchors('You link to snppx.com from the resources page.')).toEqual(['entity=snppx.com']);
    expect(anchors('So 11 of your 12 images have no alt text.')).toEqual(['number=11 of your 12']);
    expect(anchors('I saw that Fast & Clean opened in Tempe.')).toEqual(['entity=Fast & Clean', 'entity=Tempe']);
    expect(anchors('I saw that Fast & Clean opened in Tempe.', ['tempe'])).toEqual(['entity=Fast & Clean']);
  });

  it('reads a quotation as theirs unless the sender gives it as an example', () => {
    expect(anchors('Your pricing page says "contact us for a quote" today.')).toEqual(['site-part=pricing page', 'quote="contact us for a quote"']);
    expect(anchors('You do not rank for keywords like "best accounting software" yet.')).toEqual([]);
  });
});

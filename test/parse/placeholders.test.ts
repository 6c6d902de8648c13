import { describe, expect, it } from 'vitest';
import { PlaceholderScanner, type PlaceholderData } from '../../src/parse/placeholders.js';
import { loadRuleData } from '../../src/fs/rule-data.js';

const scanner = new PlaceholderScanner(loadRuleData<PlaceholderData>('placeholders'));
const scan = (text: string) =>
  scanner.scan(text, 'body').map((p) => ({
    raw: p.raw,
    name: p.name,
    kind: p.kind,
    ...(p.fallback !== undefined ? { fallback: p.fallback } : {}),
    ...(p.malformed ? { malformed: p.malformed } : {}),
  }));

describe('placeholder syntaxes', () => {
  it.each([
    ['{{first_name}}', 'first_name', 'profile'],
    ['{{ contact.firstname }}', 'first_name', 'profile'],
    ['{{account.name}}', 'company', 'profile'],
    ['{{ company.name }}', 'company', 'profile'],
    ['{{My.first_name}}', 'sender_first_name', 'sender'],
    ['*|FNAME|*', 'first_name', 'profile'],
    ['%FIRSTNAME%', 'first_name', 'profile'],
    ['{FIRST_NAME}', 'first_name', 'profile'],
    ['[First Name]', 'first_name', 'profile'],
    ['[THEIR_COMPANY]', 'company', 'profile'],
    ['[City/Area]', 'city_area', 'profile'],
    ['{{industry}}', 'industry', 'profile'],
    ['{{city}}', 'city', 'profile'],
    ['{{website}}', 'website', 'profile'],
    ['{{sender_name}}', 'sender_name', 'sender'],
    ['[Your Name]', 'your_name', 'sender'],
    ['{{icebreaker}}', 'icebreaker', 'research'],
    ['{{recent_post}}', 'recent_post', 'research'],
    ['{{ contact.recent_news }}', 'recent_news', 'research'],
    ['[RECENT_EVENT]', 'recent_event', 'research'],
    ['[ONE SENTENCE ABOUT THEIR LATEST LAUNCH]', 'one_sentence_about_their_latest_launch', 'research'],
    ['*|ICEBREAKER|*', 'icebreaker', 'research'],
    ['{{custom_field_7}}', 'custom_field_7', 'profile'],
  ])('%s is %s (%s)', (raw, name, kind) => {
    expect(scan(`Hi ${raw}, there`)).toEqual([{ raw, name, kind }]);
  });

  it('reads fallbacks in every spelling', () => {
    expect(
      scan('{{first_name | default: "there"}} {{FirstName||there}} {{first_name: there}} {contactfield=firstname|there} {{fallback|{{first_name}}|Sir}}'),
    ).toEqual([
      { raw: '{{first_name | default: "there"}}', name: 'first_name', kind: 'profile', fallback: 'there' },
      { raw: '{{FirstName||there}}', name: 'first_name', kind: 'profile', fallback: 'there' },
      { raw: '{{first_name: there}}', name: 'first_name', kind: 'profile', fallback: 'there' },
      { raw: '{contactfield=firstname|there}', name: 'first_name', kind: 'profile', fallback: 'there' },
      { raw: '{{fallback|{{first_name}}|Sir}}', name: 'first_name', kind: 'profile', fallback: 'Sir' },
    ]);
  });

  it('reads blocks, Mailchimp conditionals, spintax and HubSpot missing tokens', () => {
    expect(
      scan('{{#if x}}a{{/if}} {{#if y}}b{{#endif}} *|IF:X|*c*|END:IF|* {a|b|c} {{RANDOM | a | b}} [[MISSING TOKEN - contact.firstname]]').map((p) => [
        p.raw,
        p.kind,
        p.malformed ?? '',
      ]),
    ).toEqual([
      ['{{#if x}}', 'logic', ''],
      ['{{/if}}', 'logic', ''],
      ['{{#if y}}', 'logic', ''],
      ['{{#endif}}', 'logic', ''],
      ['*|IF:X|*', 'logic', ''],
      ['*|END:IF|*', 'logic', ''],
      ['{a|b|c}', 'spintax', ''],
      ['{{RANDOM | a | b}}', 'spintax', ''],
      ['[[MISSING TOKEN - contact.firstname]]', 'missing-token', ''],
    ]);
  });

  it('reports unbalanced delimiters, unknown helpers and unclosed blocks as malformed', () => {
    expect(scan('Hi {{first_name, and {{#each x}} {{#foo}} then }} *|FNAME').map((p) => p.malformed)).toEqual([
      '"{{" is never closed',
      '{{#each x}} is never closed',
      'unknown helper #foo',
      '"}}" closes nothing',
      '"*|" is never closed',
    ]);
  });

  it('leaves prose alone: footnotes, [sic], markdown links, percentages, prices', () => {
    expect(scan('We cut churn 40% [1] and [sic] saw [our report](https://example.com) at $1.5k/mo, 20% off.')).toEqual([]);
  });

  it('records where each placeholder is', () => {
    const [p] = scanner.scan('Hi {{first_name}},', 'subject');
    expect(p).toMatchObject({ part: 'subject', start: 3, end: 17, syntax: 'mustache' });
  });
});

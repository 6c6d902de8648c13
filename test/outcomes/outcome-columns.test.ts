import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRuleData } from '../../src/fs/rule-data.js';
import { detectOutcomeColumns, type OutcomeData } from '../../src/outcomes/outcome-columns.js';

const data = loadRuleData<OutcomeData>('outcomes');
const header = (file: string) => readFileSync(`test/fixtures/outcomes/${file}`, 'utf8').split('\r\n')[0]!.split(',');

describe('detectOutcomeColumns', () => {
  it.each([
    [
      'outreach.csv',
      'outreach',
      { template: 'Template Name', owner: 'Owner', delivered: 'Delivered', replied: 'Replied', bounced: 'Bounced', opted_out: 'Opted Out' },
    ],
    ['salesloft.csv', 'salesloft', { template: 'Template Title', owner: 'User', sent: 'Sent', replied: 'Replies', bounced: 'Bounces', opted_out: 'Opt Outs' }],
    [
      'apollo.csv',
      'apollo',
      {
        template: 'Sequence Name',
        owner: 'Email account',
        sent: 'Num emails sent',
        replied: 'Num emails replied',
        bounced: 'Num emails bounced',
        opted_out: 'Num emails unsubscribed',
      },
    ],
    [
      'hubspot.csv',
      'hubspot',
      { template: 'Template name', owner: 'Owner', sent: 'Sent', reply_rate: 'Reply rate', bounced: 'Bounce', opted_out: 'Unsubscribed' },
    ],
    [
      'lemlist.csv',
      'lemlist',
      {
        template: 'campaignName',
        owner: 'sendUserEmail',
        sent: 'emailsSent',
        replied: 'emailsReplied',
        bounced: 'emailsBounced',
        opted_out: 'emailsUnsubscribed',
      },
    ],
    [
      'instantly.csv',
      'instantly',
      {
        template: 'campaign_name',
        step: 'step',
        owner: 'eaccount',
        sent: 'emails_sent_count',
        replied: 'reply_count',
        bounced: 'bounced_count',
        opted_out: 'unsubscribed_count',
      },
    ],
    ['per-email.csv', 'apollo', { template: 'Sequence Name', step: 'Step', owner: 'Contact Owner', sent: 'Email Sent', replied: 'Replied' }],
  ])('finds every column of %s and takes it for a %s export', (file, vendor, columns) => {
    expect(detectOutcomeColumns(file, header(file), data)).toEqual({ columns, vendor, vendorLabel: data.vendors.find((v) => v.id === vendor)!.label });
  });

  it('prefers the template to the sequence when an export has both', () => {
    expect(detectOutcomeColumns('x.csv', ['Sequence Name', 'Template Name', 'Replied'], data).columns.template).toBe('Template Name');
  });

  it('takes a column named on the command line, spelt loosely, and refuses one the header lacks', () => {
    expect(detectOutcomeColumns('x.csv', ['Campaign', 'Mails out', 'Answers'], data, { sent: 'mails out', replied: 'Answers' }).columns).toEqual({
      template: 'Campaign',
      sent: 'Mails out',
      replied: 'Answers',
    });
    expect(() => detectOutcomeColumns('x.csv', ['Campaign', 'Answers'], data, { replied: 'Responses' })).toThrow(
      'x.csv: has no column "Responses" (columns: Campaign, Answers); fix --outcome-replied',
    );
  });
});

describe('rules/outcomes.yml', () => {
  it('gives no name, as names are compared, to two fields: a column means one thing', () => {
    const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    const fieldOf = new Map<string, string>();
    const clashes: string[] = [];
    for (const v of data.vendors)
      for (const [field, names] of Object.entries(v.columns))
        for (const name of names) {
          const had = fieldOf.get(squash(name));
          if (had && had !== field) clashes.push(`${v.id}: "${name}" is ${field} and ${had}`);
          fieldOf.set(squash(name), field);
        }
    expect(clashes).toEqual([]);
  });
});

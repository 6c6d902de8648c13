import { describe, expect, it } from 'vitest';
import { RegionFinder, type RegionData } from '../../src/parse/regions.js';
import { loadRuleData } from '../../src/fs/rule-data.js';

const finder = new RegionFinder(loadRuleData<RegionData>('regions'));
const regions = (text: string) => finder.find(text).map((r) => [r.kind, text.slice(r.start, r.end).split('\n')[0]]);

describe('email regions', () => {
  it('finds greeting, sign-off, signature, footer and quoted reply', () => {
    const text = [
      'Hi Mara,',
      '',
      'Saw the Lisbon office opened in March.',
      'Would a pilot in April help?',
      '',
      'Best,',
      'Tom',
      '-- ',
      'Tom Reyes | Fleetwise',
      '',
      "Not interested? Reply 'stop' and I won't write again.",
      '',
      'On Mon, 23 Nov 2026 at 10:04, Mara Silva <mara@example.org> wrote:',
      '> Thanks Tom, send me the deck.',
    ].join('\n');
    expect(regions(text)).toEqual([
      ['greeting', 'Hi Mara,'],
      ['signoff', 'Best,'],
      ['signature', '-- '],
      ['footer', "Not interested? Reply 'stop' and I won't write again."],
      ['quote', 'On Mon, 23 Nov 2026 at 10:04, Mara Silva <mara@example.org> wrote:'],
    ]);
  });

  it('finds ">" quoted lines and a reply header a mail client wrapped', () => {
    expect(regions('Sounds good.\n\n> earlier text\n> more\n\nThanks')).toEqual([
      ['quote', '> earlier text'],
      ['signoff', 'Thanks'],
    ]);
    expect(regions('Sure.\n\nOn Tue, Nov 24, 2026 at 9:12 AM Jo Park <jo@example.com>\nwrote:\n> hi').map((r) => r[0])).toEqual(['quote']);
  });

  it('does not take an ordinary sentence for a footer or sign-off', () => {
    expect(regions('Hello Ana,\n\nBest practice in freight audits is to check accessorials.\nThanks to your post I looked.')).toEqual([
      ['greeting', 'Hello Ana,'],
    ]);
  });

  it('finds a greeting that shares its line with the message', () => {
    expect(regions('Hi Sean, I saw that you use Infracost.\nWould a demo help?')).toEqual([['greeting', 'Hi Sean,']]);
    expect(regions('Hi there Sean and Lee! Quick one.')).toEqual([['greeting', 'Hi there Sean and Lee!']]);
    // Seven words before the comma is a sentence, not a salutation.
    expect(regions('Hello from the team that builds freight tools, we met in May.')).toEqual([]);
  });

  it('finds a signature that has no sign-off word above it', () => {
    expect(regions('Hi Mara,\n\nWorth a call on Tuesday?\nSarah\nHead of Growth, Acme Growth Co.\n')).toEqual([
      ['greeting', 'Hi Mara,'],
      ['signature', 'Sarah'],
    ]);
    expect(regions('Hi Mara,\n\nWorth a call on Tuesday?\n\n— [Your name]\n')).toEqual([
      ['greeting', 'Hi Mara,'],
      ['signature', '— [Your name]'],
    ]);
    // A closing line that is a sentence is message, not a name.
    expect(regions('Hi Mara,\n\nSaw the Lisbon office opened.\nWorth a call on Tuesday?\n')).toEqual([['greeting', 'Hi Mara,']]);
  });
});

import { describe, expect, it } from 'vitest';
import { segmentUnits } from '../../src/parse/sentences.js';
import { RegionFinder, type RegionData } from '../../src/parse/regions.js';
import { loadRuleData } from '../../src/fs/rule-data.js';

const finder = new RegionFinder(loadRuleData<RegionData>('regions'));
const units = (text: string) => segmentUnits(text, finder.find(text)).map((u) => `${u.kind}: ${text.slice(u.start, u.end)}`);

describe('email sentence segmentation', () => {
  it('keeps the greeting and sign-off apart and breaks at blank lines and bullets', () => {
    const text = [
      'Hi Priya,',
      '',
      'Saw the Q3 note on returns. We cut them 18% for Hale & Co. last year, e.g. by fixing sizing.',
      'Three things we would look at:',
      '- carrier SLAs',
      '* pick-path errors',
      '• the $1.5M in chargebacks',
      '',
      'Free at 10 a.m. Thursday? Or i.e. next week',
      '',
      'Best,',
      'Sam',
    ].join('\n');
    expect(units(text)).toEqual([
      'greeting: Hi Priya,',
      'sentence: Saw the Q3 note on returns.',
      'sentence: We cut them 18% for Hale & Co. last year, e.g. by fixing sizing.',
      'sentence: Three things we would look at:',
      'bullet: carrier SLAs',
      'bullet: pick-path errors',
      'bullet: the $1.5M in chargebacks',
      'sentence: Free at 10 a.m. Thursday?',
      'sentence: Or i.e. next week',
      'signoff: Best,\nSam',
    ]);
  });

  it('joins hard-wrapped lines and splits lines that end a sentence', () => {
    const text = 'We help clinics like yours recover denied\nclaims within 30 days.\nWould that be useful?\nIt takes 15 minutes';
    expect(units(text)).toEqual([
      'sentence: We help clinics like yours recover denied\nclaims within 30 days.',
      'sentence: Would that be useful?',
      'sentence: It takes 15 minutes',
    ]);
  });

  it('leaves out quoted replies, signatures and footers', () => {
    const text = 'Thanks Jo. Tuesday works.\n-- \nSam Lee | Acme Inc.\n\nOn Mon, 2 Nov 2026, Jo <jo@example.com> wrote:\n> Can we meet?';
    expect(units(text)).toEqual(['sentence: Thanks Jo.', 'sentence: Tuesday works.']);
  });

  it('does not break after initials or Inc., nor inside a number', () => {
    expect(units('J. R. Smith of Orbit Inc. said revenue rose to $2.4M. That was in May.')).toEqual([
      'sentence: J. R. Smith of Orbit Inc. said revenue rose to $2.4M.',
      'sentence: That was in May.',
    ]);
  });

  it('reads the rest of a greeting line as message', () => {
    expect(units('Hi Sean, I saw that you use Infracost. Would a demo help?')).toEqual([
      'greeting: Hi Sean,',
      'sentence: I saw that you use Infracost.',
      'sentence: Would a demo help?',
    ]);
  });

  it('starts a new unit at a link after a question', () => {
    expect(units('Would you star this repository? https://github.com/example/tool It is written in Rust.')).toEqual([
      'sentence: Would you star this repository?',
      'sentence: https://github.com/example/tool It is written in Rust.',
    ]);
  });
});

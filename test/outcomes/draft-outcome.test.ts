import { describe, expect, it } from 'vitest';
import { loadRuleData } from '../../src/fs/rule-data.js';
import type { OutcomeData } from '../../src/outcomes/outcome-columns.js';
import { draftContext } from '../../src/outcomes/draft-outcome.js';
import { createParseEnv } from '../../src/parse/parse-env.js';
import { parseDrafts } from '../../src/parse/parse-file.js';

const data = loadRuleData<OutcomeData>('outcomes');

const env = createParseEnv();
const drafts = (name: string, text: string) => parseDrafts(name, new TextEncoder().encode(text), env);

describe('draftContext', () => {
  it('reads owner, step, name and an outcomes object from a JSON draft', async () => {
    const [d] = await drafts(
      'hook.json',
      JSON.stringify({
        name: 'Intro v2',
        owner: 'Ana Ruiz',
        step: 2,
        body: 'Hi Dana, saw the launch.',
        outcomes: { delivered: 410, replies: 9, unsubscribed: 1 },
      }),
    );
    expect(draftContext(d!, 1, data)).toEqual({ template: 'Intro v2', step: '2', owner: 'Ana Ruiz', outcome: { sent: 410, replied: 9, optedOut: 1 } });
  });

  it('reads them from front matter, and names a file that holds one draft by its file name', async () => {
    const [d] = await drafts('templates/q3-intro.md', '---\nowner: Ben Okafor\noutcomes:\n  sent: 120\n  reply_rate: 5%\n---\nHi Dana, saw the launch.\n');
    expect(draftContext(d!, 1, data)).toEqual({ template: 'q3-intro', owner: 'Ben Okafor', outcome: { sent: 120, replied: 6 } });
  });

  it('names the draft and the problem when its outcomes cannot be read', async () => {
    const [d] = await drafts('templates/q3-intro.md', '---\noutcomes:\n  sent: 12\n  replied: lots\n---\nHi Dana, saw the launch.\n');
    expect(draftContext(d!, 1, data)).toEqual({
      template: 'q3-intro',
      outcomeProblem:
        'templates/q3-intro.md outcomes: "replied" is "lots", which is not a count, a yes/no flag or a date; fix it, or the draft stays out of the outcomes',
    });
  });

  it('reads a CSV row’s own owner, step and replied flag, and names the row on a problem', async () => {
    const rows = await drafts(
      'sent.csv',
      'Sequence Name,Step,Contact Owner,Body,Replied\nIntro,1,Ana,"Hi there, saw the launch.",TRUE\nIntro,1,Ana,"Hi, saw it.",maybe\n',
    );
    expect(draftContext(rows[0]!, 2, data)).toEqual({ template: 'Intro', step: '1', owner: 'Ana', outcome: { sent: 1, replied: 1 } });
    expect(draftContext(rows[1]!, 2, data).outcomeProblem).toBe(
      'sent.csv:3: "Replied" is "maybe", which is not a count, a yes/no flag or a date; fix it, or the draft stays out of the outcomes',
    );
  });
});

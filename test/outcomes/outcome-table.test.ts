import { describe, expect, it } from 'vitest';
import { loadRuleData } from '../../src/fs/rule-data.js';
import type { OutcomeData } from '../../src/outcomes/outcome-columns.js';
import { readOutcomeTable } from '../../src/outcomes/outcome-table.js';

const data = loadRuleData<OutcomeData>('outcomes');

describe('readOutcomeTable', () => {
  it('sums a template’s rows, splits its sends by rep, and gives them to one draft only', () => {
    const t = readOutcomeTable('x.csv', 'Sequence,Step,Owner,Delivered,Replied\nIntro,1,Ana,100,3\nIntro,1,Ben,50,2\nIntro,2,Ana,80,1\nBump,,Ana,10,0\n', data);
    expect(t.take('intro', 'Step 1')).toEqual({
      outcome: { sent: 150, replied: 5 },
      owners: new Map([
        ['Ana', { sent: 100, replied: 3 }],
        ['Ben', { sent: 50, replied: 2 }],
      ]),
    });
    expect(t.take('Intro', 1)).toBeUndefined();
    // A draft with no step matches neither of two steps; one with a step matches a row with none.
    expect(t.take('Intro', undefined)).toBeUndefined();
    expect(t.take('bump', '3')?.outcome).toEqual({ sent: 10, replied: 0 });
    expect(t.unmatched()).toEqual([{ template: 'Intro', step: '2' }]);
  });

  it('joins a draft named after a sequence and its step to that step', () => {
    const t = readOutcomeTable('x.csv', 'Sequence Name,Step,Delivered,Replied\nQ3 Outbound,Step 1,300,6\nQ3 Outbound,Step 2,250,2\n', data);
    expect(t.take('q3-outbound-step-2', undefined)?.outcome).toEqual({ sent: 250, replied: 2 });
    expect(t.take('Q3 outbound 1', undefined)?.outcome).toEqual({ sent: 300, replied: 6 });
    expect(t.take('q3-outbound-step-2', undefined)).toBeUndefined();
    expect(t.take('q3-outbound-step-3', undefined)).toBeUndefined();
  });

  it('names each row it leaves out and why, and uses the rest', () => {
    const t = readOutcomeTable('x.csv', 'Template,Sent,Replied\nA,100,3\n,20,1\nB,ten,1\nC,10,12\nD,"1,000",40\n', data);
    expect(t.problems).toEqual([
      'x.csv:3: "Template" is empty, so the row names no template; fill it in, or the row stays out of the outcomes',
      'x.csv:4: "Sent" is "ten", which is not a count, a yes/no flag or a date; fix the cell, or the row stays out of the outcomes',
      'x.csv:5: it has more replies (12) than emails sent (10); fix the cell, or the row stays out of the outcomes',
    ]);
    expect(t.rows).toBe(5);
    expect(t.take('D', undefined)?.outcome).toEqual({ sent: 1000, replied: 40 });
  });

  it('reads a per-email export as one email a row, and a reply rate as replies', () => {
    const perEmail = readOutcomeTable('x.csv', 'Campaign,Replied At\nA,2026-03-01 10:00\nA,\nA,\nA,2026-03-02\n', data);
    expect(perEmail.take('A', undefined)?.outcome).toEqual({ sent: 4, replied: 2 });
    const rates = readOutcomeTable('x.csv', 'Template name,Sent,Reply rate\nA,1200,2.5%\n', data);
    expect(rates.take('A', undefined)?.outcome).toEqual({ sent: 1200, replied: 30 });
  });

  it('refuses an export it cannot join or count, in one line', () => {
    expect(() => readOutcomeTable('x.csv', 'Template,Sent,Opened\nA,10,4\n', data)).toThrow(
      'x.csv: has no replies column (columns: Template, Sent, Opened); name it with --outcome-replied <column>',
    );
    expect(() => readOutcomeTable('x.csv', 'Sent,Replied\n10,1\n', data)).toThrow(
      'x.csv: has no template, sequence or campaign name column to join the outcomes to drafts by (columns: Sent, Replied); name it with --outcome-template <column>, or put the outcomes in the drafts CSV itself',
    );
    expect(() => readOutcomeTable('x.csv', 'Template,Sent,Replied\n', data)).toThrow(
      'x.csv: has no rows under its header; export it with a header row and one template, step or email per row',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { Analysis } from '../../src/analysis/analysis.js';
import { gradeOf } from '../../src/analysis/form-metrics.js';
import { makeLinter } from '../helpers.js';

async function formOf(text: string, name = 'draft.md') {
  const [r] = await (await makeLinter({ only: [] })).lintText(text, name);
  return { form: new Analysis(r!.draft).form, result: r! };
}

describe('the form of a draft', () => {
  it('counts the message proper: greeting, sign-off, signature and quoted reply are left out', async () => {
    const text = [
      'Hi Dana,',
      '',
      'Your Reno depot moved to tablets in March. Did the drivers take to them? Worth a call on Tuesday?',
      '',
      'Best,',
      'Sam Ortiz',
      'Head of Sales, Fleetline | fleetline.io | +1 555 0100',
      '',
      'On Mon, 2 Nov 2026 at 09:12, Dana <dana@example.com> wrote:',
      '> Thanks for reaching out, send me more at https://example.com/deck',
    ].join('\n');
    const { form, result } = await formOf(text);
    expect(form.metrics).toEqual({ words: 19, sentences: 3, grade: 1.8, questions: 2, links: 1 });
    expect(result.metrics).toEqual(form.metrics);
    expect(form.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Your Reno depot moved to tablets in March.',
      'Did the drivers take to them?',
      'Worth a call on Tuesday?',
    ]);
    // The signature's web address counts (a filter reads every link); the quoted one does not.
    expect(form.links.map((l) => l.url)).toEqual(['http://fleetline.io']);
  });

  it('names the sentence whose removal lowers the grade most', async () => {
    const text =
      'We saw the news. Our organisation facilitates comprehensive interdepartmental communication initiatives for international manufacturers. Can we talk?\n';
    const { form } = await formOf(text);
    expect(text.slice(form.hardest!.start, form.hardest!.end)).toBe(
      'Our organisation facilitates comprehensive interdepartmental communication initiatives for international manufacturers.',
    );
    expect(form.hardest!.grade).toBeGreaterThan(form.metrics.grade);
  });

  it('grades an empty body 0 and never below 0', () => {
    expect(gradeOf({ sentence: 0, word: 0, syllable: 0 })).toBe(0);
    expect(gradeOf({ sentence: 4, word: 8, syllable: 8 })).toBe(0);
  });

  it('counts the links of an HTML body by their anchors, leaving out mail links and the quoted reply', async () => {
    const html =
      '<html><body><p>Hi Dana, see <a href="https://fleetline.io/demo">the demo</a> or <a href="mailto:sam@fleetline.io">write</a>.</p>' +
      '<blockquote class="gmail_quote"><a href="https://example.com/deck">deck</a></blockquote></body></html>';
    const { form } = await formOf(html, 'draft.html');
    expect(form.links.map((l) => [l.part, l.url, l.text])).toEqual([['html', 'https://fleetline.io/demo', 'the demo']]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/review/report-html.js';
import type { ReportData } from '../../src/review/report-shape.js';
import { buildReview } from '../../src/review/review.js';
import { makeLinter } from '../helpers.js';

/** The corpus template agency-seo-pitch/01, rendered for a prospect with no prospect block: what a rep pastes. */
const RENDERED = readFileSync('corpus/agency-seo-pitch/01.md', 'utf8')
  .replace(/^---[\s\S]*?\n---\n/, '')
  .replaceAll('{{company}}', 'Brightsmile')
  .replaceAll('{{first_name}}', 'Dana')
  .replace(/\{\{sender_name\}\}[\s\S]*$/, 'Sam\n');

async function reportData(text: string, filePath: string): Promise<ReportData> {
  const linter = await makeLinter();
  const review = await buildReview(linter, await linter.lintText(text, { filePath }));
  const html = reportHtml(review, { generatedAt: 'now' });
  return JSON.parse(/<script type="application\/json" id="data">(.*?)<\/script>/s.exec(html)![1]!) as ReportData;
}

/** The sentences the report marks as shared, as [template text, corpus message text]. */
function shared(data: ReportData, item = 0): Array<[string, string]> {
  const it = data.items[item]!;
  const message = data.corpus[it.near![0]]![2];
  return it.sh.map((s) => [it.t.slice(s[0], s[1]), message.slice(s[2], s[3])]);
}

describe('the sentences the report marks as shared with the nearest generic message', () => {
  it('are the ones the sentence index matches, at their places in the file and in the corpus message', async () => {
    const data = await reportData(RENDERED, 'templates/seo.md');
    const it = data.items[0]!;
    expect(it.m).toBe(1);
    expect(it.t).toBe(RENDERED);
    expect(data.corpus[it.near![0]]!.slice(0, 2)).toEqual(['corpus/agency-seo-pitch/01.md', 'agency-seo-pitch']);
    // The audit offer names the prospect where the template has {{company}}: with no prospect
    // block to mask it, it falls below the 0.85 the index holds a near copy to, as stock-sentence does.
    expect(shared(data)).toEqual([
      [
        "I was poking around Brightsmile's website this morning and noticed a few things that are probably holding you back in Google.",
        "I was poking around {{company}}'s website this morning and noticed a few things that are probably holding you back in Google.",
      ],
      [
        "Nothing dramatic, but the kind of stuff that quietly costs you traffic every single month: missing meta descriptions, some slow pages, and a handful of keywords you're sitting on page two for when you could easily be on page one.",
        "Nothing dramatic, but the kind of stuff that quietly costs you traffic every single month: missing meta descriptions, some slow pages, and a handful of keywords you're sitting on page two for when you could easily be on page one.",
      ],
      [
        'I run Sproutlink, a small SEO agency, and this is basically all we do all day.',
        'I run Sproutlink, a small SEO agency, and this is basically all we do all day.',
      ],
      [
        "We've helped a bunch of businesses like yours double their organic traffic without spending a cent more on ads.",
        "We've helped a bunch of businesses like yours double their organic traffic without spending a cent more on ads.",
      ],
      [
        "It usually takes us a couple of days and you'd get a clear list of fixes, whether you work with us or not.",
        "It usually takes us a couple of days and you'd get a clear list of fixes, whether you work with us or not.",
      ],
    ]);
    expect(data.corpus[it.near![0]]![2].startsWith('Subject: {{company}} could be ranking a lot higher\n\nHi {{first_name}},\n')).toBe(true);
  });

  it('point into subject and body when the file holds several drafts, and include a sentence the prospect block masks', async () => {
    const [, subject, body] = /^Subject: (.*)\n\n([\s\S]*)$/.exec(RENDERED)!;
    const payload = JSON.stringify([
      { subject, body, prospect: { company: 'Brightsmile', first_name: 'Dana' } },
      { subject: 'Lunch', body: 'Hi Dana, are you free for lunch on Friday at the usual place near the office?' },
    ]);
    const data = await reportData(payload, 'templates/seo.json');
    const it = data.items.find((x) => x.n === 'templates/seo.json[0]')!;
    expect(it.m).toBe(0);
    expect(it.t).toBe(RENDERED);
    const pairs = shared(data, data.items.indexOf(it));
    expect(pairs).toContainEqual([
      "I'd be happy to put together a free audit for Brightsmile, no strings attached.",
      "I'd be happy to put together a free audit for {{company}}, no strings attached.",
    ]);
    expect(pairs).toHaveLength(6);
  });
});

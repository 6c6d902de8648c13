import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseColors } from '../../src/cli/colors.js';
import { expandPaths } from '../../src/fs/expand-paths.js';
import { reportHtml } from '../../src/review/report-html.js';
import { isReviewReport, REPORT_MARKER } from '../../src/review/report-marker.js';
import { reviewCsv, reviewJson } from '../../src/review/review-data.js';
import { reviewText } from '../../src/review/review-text.js';
import { buildReview } from '../../src/review/review.js';
import { makeLinter } from '../helpers.js';

const FAILED = [
  { file: 'templates/empty.md', error: 'templates/empty.md: is empty; write the email in it, or leave the file out' },
  { file: 'templates/a "quoted", name.md', error: 'templates/a "quoted", name.md: is empty; write the email in it, or leave the file out' },
];

async function review() {
  const linter = await makeLinter({ only: ['unresolved-placeholder'] });
  const results = await linter.lintText('Subject: Hi\n\nHi Ana, the Denver office opened on 3 March.\n', { filePath: 'templates/good.md' });
  return buildReview(linter, results, FAILED);
}

describe('a review with files that could not be read', () => {
  it('lists them in the terminal view after the table', async () => {
    const text = reviewText(await review(), chooseColors(false, false));
    expect(text.split('\n').slice(0, 10)).toEqual([
      '1 template, 1 distinct email',
      '  0 block, 0 needs-signal, 0 revise, 1 pass',
      '',
      'name               verdict  score  cluster  top finding',
      'templates/good.md  pass       100',
      '',
      'Could not be read: 2 files',
      `  ${FAILED[0]!.error}`,
      `  ${FAILED[1]!.error}`,
      '',
    ]);
  });

  it('gives them to JSON as failed: [{ file, error }] and counts them', async () => {
    const data = JSON.parse([...reviewJson(await review())].join(''));
    expect(data.summary.failed).toBe(2);
    expect(data.failed).toEqual(FAILED);
  });

  it('adds a CSV row for each, quoted where needed, with the same columns', async () => {
    const lines = [...reviewCsv(await review())].join('').split('\r\n');
    expect(lines.slice(2)).toEqual([
      'templates/empty.md,unreadable,,,,,,,,"templates/empty.md: is empty; write the email in it, or leave the file out",,,,,',
      '"templates/a ""quoted"", name.md",unreadable,,,,,,,,"templates/a ""quoted"", name.md: is empty; write the email in it, or leave the file out",,,,,',
      '',
    ]);
  });

  it('shows them in the HTML report, escaped', async () => {
    const html = reportHtml(await review(), { generatedAt: 'now' });
    expect(html).toContain('<p>1 templates, 1 distinct emails, 2 could not be read. Generated now by outreach-lint.</p>');
    expect(html).toContain('<h2 id="h-failed">Could not be read</h2>\n<p>2 files were left out of this review:</p>');
    expect(html).toContain('<li>templates/a &quot;quoted&quot;, name.md: is empty; write the email in it, or leave the file out</li>');
  });
});

describe('a review report among the templates', () => {
  it('carries the generator marker, by which it is recognised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'olmarker-'));
    const linter = await makeLinter({ only: ['unresolved-placeholder'] });
    const html = reportHtml(await buildReview(linter, []));
    expect(html.split('\n').slice(0, 5)).toEqual(['<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', REPORT_MARKER]);
    writeFileSync(join(dir, 'review.html'), html);
    writeFileSync(join(dir, 'mail.html'), '<html><head><meta name="generator" content="Mailchimp"></head><body><p>Hi Ana</p></body></html>');
    expect(isReviewReport(join(dir, 'review.html'))).toBe(true);
    expect(isReviewReport(join(dir, 'mail.html'))).toBe(false);
    expect(isReviewReport(join(dir, 'missing.html'))).toBe(false);
  });

  it('is left out of folders and globs, but taken when named', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'olexpand-'));
    mkdirSync(join(cwd, 't'));
    writeFileSync(join(cwd, 't/intro.html'), '<html><body><p>Hi {{first_name}}</p></body></html>');
    writeFileSync(join(cwd, 't/old.html'), `<!doctype html>\n<html><head>\n${REPORT_MARKER}\n</head></html>`);
    const expand = (args: string[]) => expandPaths(args, { cwd, ignores: [], useIgnore: false });
    expect((await expand(['t'])).files).toEqual(['t/intro.html']);
    expect((await expand(['t/*.html'])).files).toEqual(['t/intro.html']);
    expect((await expand(['t/old.html'])).files).toEqual(['t/old.html']);
  });
});

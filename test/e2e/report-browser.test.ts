import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/outreach-lint.js');
const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test-output');

/** Headless Chromium with nothing of its own that would reach the network. */
function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

describe('the HTML review report in a real browser', () => {
  it.skipIf(!existsSync(CHROMIUM))(
    'sorts, filters and expands with no console errors and no network requests',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'olreport-'));
      const report = join(dir, 'review.html');
      const r = spawnSync(process.execPath, [BIN, 'review', 'test/fixtures/review', 'examples', '--report', report, '--format', 'json'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      const html = readFileSync(report, 'utf8');
      expect(html).not.toMatch(/\b(?:src|href)=["']https?:/);
      expect(statSync(report).size).toBeLessThan(5 * 1024 * 1024);

      const browser = await launch();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('request', (req) => requests.push(req.url()));
        await page.goto(pathToFileURL(report).href);

        const rows = page.locator('#t tbody tr:not(.card)');
        const total = await rows.count();
        expect(total).toBe(12);
        const scores = async () => (await page.locator('#t tbody tr:not(.card) td:nth-child(3)').allTextContents()).map(Number);

        // Sorting by score puts the lowest first, then a second click reverses it.
        await page.click('th button[data-k="s"]');
        const ascending = await scores();
        expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
        await page.click('th button[data-k="s"]');
        const descending = await scores();
        expect(descending).toEqual([...ascending].reverse());
        expect(await page.getAttribute('th:has(button[data-k="s"])', 'aria-sort')).toBe('descending');

        // A filter hides rows.
        await page.selectOption('#fv', 'pass');
        const passing = await rows.count();
        expect(passing).toBeGreaterThan(0);
        expect(passing).toBeLessThan(total);
        expect(await page.textContent('#count')).toBe(`${passing} of ${total} shown`);
        await page.selectOption('#fv', '');
        await page.fill('#q', 'intro-');
        expect(await rows.count()).toBe(3);
        await page.fill('#q', '');

        // A card expands, by keyboard, with the template beside the nearest generic message.
        await page.selectOption('#fc', 'any');
        const button = page.locator('#t tbody button.details').first();
        await button.focus();
        await page.keyboard.press('Enter');
        const card = page.locator('tr.card');
        await card.waitFor();
        expect(await card.locator('h3').first().textContent()).toBe('This template');
        expect(await page.locator('#t tbody button.details').first().getAttribute('aria-expanded')).toBe('true');

        // The sentence the linter found in the nearest generic message is marked in both texts.
        await page.selectOption('#fc', '');
        await page.fill('#q', 'generic-followup');
        await page.locator('#t tbody button.details').first().click();
        const bump = 'Just bumping this to the top of your inbox in case it got buried.';
        expect(await page.locator('tr.card mark.shared').allTextContents()).toEqual([bump, bump]);
        expect(await page.locator('tr.card .side p').textContent()).toBe('corpus/follow-up-bump/01.md; 1 shared sentence highlighted');

        mkdirSync(OUT, { recursive: true });
        await page.screenshot({ path: join(OUT, 'review-report.png'), fullPage: true });
        expect(errors).toEqual([]);
        expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
        expect(requests).toHaveLength(1);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );

  it.skipIf(!existsSync(CHROMIUM))(
    "shows the team's reply rates by verdict and score band with their intervals, the per-rule comparison and what to fix first",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'olreport-'));
      const report = join(dir, 'review.html');
      const fixtures = resolve('test/fixtures/outcomes');
      const r = spawnSync(process.execPath, [BIN, 'review', 'templates.csv', '--outcomes', 'outreach.csv', '--report', report], {
        cwd: fixtures,
        encoding: 'utf8',
      });
      expect(r.status).toBe(0);
      const browser = await launch();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        await page.goto(pathToFileURL(report).href);

        const verdicts = page.locator('#outcomes figure').first().locator('svg');
        expect(await verdicts.getAttribute('aria-label')).toBe(
          'Reply rate by verdict: needs-signal 1.0% (0.7-1.5%, 2,400 sent); pass 6.0% (5.1-7.0%, 2,400 sent)',
        );
        // A bar and an interval (a line and its two caps) per verdict, the interval drawn where the rates say.
        expect(await verdicts.locator('rect.bar').count()).toBe(2);
        expect(await verdicts.locator('line.ci').count()).toBe(6);
        const [lowEnd, highEnd] = await verdicts
          .locator('line.ci')
          .first()
          .evaluate((l) => [Number(l.getAttribute('x1')), Number(l.getAttribute('x2'))]);
        expect(lowEnd).toBeLessThan(highEnd!);
        expect(await page.locator('#outcomes figure').nth(1).locator('svg').getAttribute('aria-label')).toBe(
          'Reply rate by score band: score 80-100 6.0% (5.1-7.0%, 2,400 sent); score 0-45 1.0% (0.7-1.5%, 2,400 sent)',
        );
        const missing = page.locator('table.rules-outcomes tr', { hasText: 'missing-signal' });
        expect(await missing.locator('td').allTextContents()).toEqual([
          'missing-signal',
          '1.0% (0.7-1.5%, 2,400 sent), 2 templates',
          '6.0% (5.1-7.0%, 2,400 sent), 2 templates',
          'lower',
        ]);
        expect(await page.locator('.fixes li').allTextContents()).toEqual([
          'missing-signal: 2 templates, 2,400 sent (0 block, 2 needs-signal): templates.csv: Quick question, templates.csv: Scaling your team',
        ]);
        // The table carries each template's rep and replies, and sorts by reply rate.
        await page.click('th button[data-k="r"]');
        expect(await page.locator('#t tbody tr:not(.card) td:nth-child(9)').allTextContents()).toEqual(['12/1200', '12/1200', '72/1200', '72/1200']);
        expect(await page.locator('#t tbody tr:not(.card) td:nth-child(7)').allTextContents()).toEqual(['Ana Ruiz', 'Ben Okafor', 'Ben Okafor', 'Ana Ruiz']);

        mkdirSync(OUT, { recursive: true });
        await page.locator('#h-fix').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(OUT, 'review-outcomes.png'), fullPage: true, clip: await outcomesBox(page) });
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});

/** The part of the page from "Fix first" to the end of the replies section, for the screenshot. */
async function outcomesBox(page: import('playwright-core').Page) {
  const top = (await page.locator('section[aria-labelledby="h-fix"]').boundingBox())!;
  const end = (await page.locator('#outcomes').boundingBox())!;
  return { x: 0, y: top.y - 8, width: 1280, height: end.y + end.height - top.y + 16 };
}

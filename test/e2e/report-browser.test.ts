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

      const browser = await chromium.launch({
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
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What the callbacks evaluated in the browser use there (this file is type-checked for Node).
declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };
  };
};
declare const CSS: { highlights: Map<string, Set<unknown>> };

const CHROMIUM = '/usr/bin/chromium';
const EXTENSION = resolve('dist/extension');
const PAGES = resolve('test/fixtures/extension');
const OUT = resolve('test-output');

/** A pitch with nothing about the prospect: it needs a signal, and has no stock phrase. */
const PITCH = [
  'Hi Dana,',
  '',
  'We build route planning for delivery fleets: drivers get one ordered list of stops, and dispatchers see every van on one map. Fleets of your size usually cut a day of planning each week. Could we compare notes on Thursday at 10?',
  '',
  'Best,',
  'Sam',
].join('\n');
/** The stock generic email: needs a signal and is full of stock sentences. */
const GENERIC = [
  'Hi Dana,',
  '',
  'I hope this email finds you well. We help companies like yours grow revenue with our platform. Would you be open to a quick call next week?',
  '',
  'Best,',
  'Sam',
].join('\n');
/** A team's own template, for its corpus. */
const RETURNS = 'Hi Lea,\n\nWho owns returns processing at Moss and Vine? Our reverse-logistics desk cuts refund time in half for apparel shops.\n\nBest,\nJo';
const SIGNAL = 'Launched the Tessaro Harbor app for fleet drivers on 12 November';
const SIGNAL_LINE = 'Saw you launched the Tessaro Harbor app for fleet drivers on 12 November.';

let server: Server;
let origin: string;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
const requests: string[] = [];

/** The verdict and score the extension last set on a watched field. */
async function verdictOf(page: Page, field: string): Promise<{ verdict: string | null; score: number }> {
  const el = page.locator(field);
  return { verdict: await el.getAttribute('data-outreach-lint-verdict'), score: Number(await el.getAttribute('data-outreach-lint-score')) };
}

/** Waits until the field's verdict and score are the ones given: lints follow the typing. */
async function settlesAt(page: Page, field: string, expected: { verdict: string; score: number }): Promise<void> {
  await expect.poll(() => verdictOf(page, field), { timeout: 15_000 }).toEqual(expected);
}

/**
 * The lines a contenteditable body holds, one per child (Chrome makes a <div> of each line). A
 * typed space can be stored as a no-break space by Chrome's editor; that is the browser's doing.
 */
function linesOf(page: Page, field: string): Promise<string> {
  return page.locator(field).evaluate((el) => [...el.childNodes].map((n) => (n.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n'));
}

/** Types text as a rep would: line by line, Enter between. */
async function typeLines(page: Page, text: string): Promise<void> {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line) await page.keyboard.type(line);
    if (i < lines.length - 1) await page.keyboard.press('Enter');
  }
}

const BODY = '#compose-1 [aria-label="Message Body"]';

/** Opens the Gmail-shaped page and writes a subject and a body in its first compose window. */
async function writeInGmail(subject: string, text: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/gmail.html`);
  await page.fill('#compose-1 input[name=subjectbox]', subject);
  await page.click(BODY);
  await typeLines(page, text);
  return page;
}

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(join(EXTENSION, 'manifest.json')))('the compose-box extension in a real browser', () => {
  beforeAll(async () => {
    server = createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0]!.slice(1);
      if (!/^[a-z-]+\.html$/.test(name) || !existsSync(join(PAGES, name))) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(PAGES, name)));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'olext-')), {
      executablePath: CHROMIUM,
      headless: false,
      viewport: { width: 1280, height: 800 },
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context.on('request', (r) => requests.push(r.url()));
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    // The rep switches the extension on for this site in the popup (off by default here).
    const popup = await openPopup();
    const toggle = popup.locator('#on');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    // The popup saves the switch after the click; the content script reads it from storage.
    // (expect.poll is for tests, not hooks: wait here, then assert.)
    const saved = () => worker.evaluate(() => chrome.storage.local.get('sites'));
    for (let i = 0; i < 200 && !(await saved()).sites; i++) await new Promise((done) => setTimeout(done, 100));
    expect(await saved()).toEqual({ sites: { [origin]: true } });
    await popup.close();
  }, 60_000);

  /** The popup for the test page's site, once it names the site: its switch is wired up by then. */
  async function openPopup() {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?origin=${encodeURIComponent(origin)}`);
    await popup.locator(`#site:text-is("${new URL(origin).host}")`).waitFor();
    return popup;
  }

  afterAll(async () => {
    await context?.close();
    await new Promise((done) => server?.close(done));
  });

  it("asks a pitch with no research for a signal, holds it to the rep's answer, passes it once the signal is in, and never touches the text", async () => {
    const page = await writeInGmail('Route planning for Tessaro', PITCH);

    await settlesAt(page, BODY, { verdict: 'needs-signal', score: 42 });
    // The rep's text is what they typed, and a lint changes none of the page's markup.
    expect(await linesOf(page, BODY)).toBe(PITCH);
    const markup = await page.locator(BODY).innerHTML();
    expect(markup).not.toContain('outreach-lint');

    // The badge opens the panel, which asks the CLI's question about the recipient in To.
    const panel = page.locator('outreach-lint-panel').first();
    await panel.locator('.badge').click();
    expect(await panel.locator('.badge').textContent()).toBe('NEEDS-SIGNAL 42');
    await expect.poll(() => panel.locator('form .head').textContent()).toBe('What is the one research signal that matters most to Dana Ruiz right now?');
    expect(await panel.locator('li').allTextContents()).toContain(
      'No research signal: nothing in this email is a concrete, current fact about Dana. Find one yourself and work it in.warning · missing-signal · whole email',
    );

    // A lint that comes while the rep is answering (here: a signal saved for someone else, in
    // another tab) re-renders the panel and keeps the answer in progress.
    await panel.locator('select[name=type]').selectOption('hiring');
    await panel.locator('input[name=signal]').fill('Tessaro half');
    const lintedAt = await page.locator(BODY).getAttribute('data-outreach-lint-round-ms');
    await worker.evaluate(() => chrome.storage.local.set({ signals: { 'someone@else.example': { type: 'launch', text: 'another prospect entirely' } } }));
    await expect.poll(() => page.locator(BODY).getAttribute('data-outreach-lint-round-ms')).not.toBe(lintedAt);
    expect(await panel.locator('input[name=signal]').inputValue()).toBe('Tessaro half');
    expect(await panel.locator('select[name=type]').inputValue()).toBe('hiring');
    await worker.evaluate(() => chrome.storage.local.remove('signals'));

    // A vague answer is refused with the CLI's reason; a concrete one is saved by recipient.
    await panel.locator('select[name=type]').selectOption('launch');
    await panel.locator('input[name=signal]').fill("they're growing");
    await panel.locator('button[type=submit]').click();
    await expect.poll(() => panel.locator('.why').textContent()).toBe('Not concrete yet: it has 2 words; one concrete fact takes at least four.');
    await panel.locator('input[name=signal]').fill(SIGNAL);
    await panel.locator('button[type=submit]').click();
    await settlesAt(page, BODY, { verdict: 'revise', score: 72 });
    const stored = (await worker.evaluate(() => chrome.storage.local.get('signals'))) as { signals: Record<string, { type: string; text: string }> };
    expect(Object.keys(stored.signals)).toEqual(['dana@tessaro.example']);
    expect(stored.signals['dana@tessaro.example']).toMatchObject({ type: 'launch', text: SIGNAL });
    expect(await panel.locator('li .rule').allTextContents()).toContain('warning · signal-unused · whole email');

    // Once the rep writes the signal into the email, it is held to it and passes.
    // The caret goes to the end of that paragraph (End would stop at the end of its first wrapped line).
    await page.locator(`${BODY} > div`, { hasText: 'Thursday at 10?' }).evaluate((div) => {
      const doc = div.ownerDocument;
      const range = doc.createRange();
      range.selectNodeContents(div);
      range.collapse(false);
      doc.getSelection()?.removeAllRanges();
      doc.getSelection()?.addRange(range);
    });
    await page.keyboard.type(` ${SIGNAL_LINE}`);
    await settlesAt(page, BODY, { verdict: 'pass', score: 100 });
    expect(await panel.locator('.badge').textContent()).toBe('PASS 100');
    expect(await linesOf(page, BODY)).toBe(PITCH.replace('Thursday at 10?', `Thursday at 10? ${SIGNAL_LINE}`));
    // The markup changed only where the rep typed.
    const after = (await page.locator(BODY).innerHTML()).replace(/&nbsp;/g, ' ');
    expect(after).toBe(markup.replace('Thursday at 10?', `Thursday at 10? ${SIGNAL_LINE}`));
    await page.close();
  }, 60_000);

  it('underlines the stock sentences of a generic email and lists them, with the question, in the panel', async () => {
    // A fresh start: no signal saved for this recipient.
    await worker.evaluate(() => chrome.storage.local.remove('signals'));
    const page = await writeInGmail('Quick question', GENERIC);
    await settlesAt(page, BODY, { verdict: 'needs-signal', score: 0 });
    // Flagged spans are underlined through the Highlight API, not by wrapping the text.
    expect(await page.evaluate(() => CSS.highlights.get('outreach-lint-warning')?.size ?? 0)).toBeGreaterThanOrEqual(4);
    expect(await linesOf(page, BODY)).toBe(GENERIC);
    expect(await page.locator(BODY).innerHTML()).not.toContain('outreach-lint');
    const panel = page.locator('outreach-lint-panel').first();
    await panel.locator('.badge').click();
    expect(await panel.locator('li .rule').allTextContents()).toEqual(
      expect.arrayContaining(['warning · stock-sentence', 'warning · stock-phrase', 'warning · missing-signal · whole email']),
    );
    await panel.locator('form').scrollIntoViewIfNeeded();
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'extension-compose.png') });
    await page.close();
  }, 60_000);

  it('follows compose boxes as they are opened and discarded, and lints a plain textarea', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/gmail.html`);
    await page.waitForSelector('#compose-1[role=dialog] [aria-label="Message Body"][data-outreach-lint-verdict]');
    await page.click('#new');
    const second = '#compose-2 [aria-label="Message Body"]';
    // An empty box is a draft with nothing in it yet: it gets a verdict too.
    await page.waitForSelector(`${second}[data-outreach-lint-verdict]`);
    expect(await page.locator('outreach-lint-panel').count()).toBe(2);
    await page.click('#compose-1 .discard');
    await expect.poll(() => page.locator('outreach-lint-panel').count()).toBe(1);

    await page.goto(`${origin}/textarea.html`);
    await page.fill('input[name=subject]', 'Quick question');
    await page.click('textarea');
    await page.keyboard.type(GENERIC);
    await settlesAt(page, 'textarea', { verdict: 'needs-signal', score: 0 });
    expect(await page.locator('textarea').inputValue()).toBe(GENERIC);
    await page.close();
  }, 60_000);

  it("watches Outlook's message body but not its To and Cc wells, and takes the recipient from the To well", async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/outlook.html`);
    const body = '[aria-label="Message body"]';
    await page.fill('input[aria-label="Add a subject"]', 'Route planning');
    await page.click(body);
    await typeLines(page, PITCH.replace('Hi Dana,', 'Hi Lea,'));
    await settlesAt(page, body, { verdict: 'needs-signal', score: 42 });
    expect(await page.locator('outreach-lint-panel').count()).toBe(1);
    expect(await page.locator('[aria-label="To"]').getAttribute('data-outreach-lint-verdict')).toBeNull();
    await page.locator('outreach-lint-panel .badge').click();
    await expect
      .poll(() => page.locator('outreach-lint-panel form .head').textContent())
      .toBe('What is the one research signal that matters most to Lea Moss right now?');
    await page.close();
  }, 60_000);

  it('takes a team settings file in the options page, refuses a bad one in one line, and stops when the site is switched off', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/textarea.html`);
    await page.fill('input[name=subject]', 'Quick question');
    await page.click('textarea');
    await page.keyboard.type(GENERIC);
    await settlesAt(page, 'textarea', { verdict: 'needs-signal', score: 0 });

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.setInputFiles('#file', { name: 'team.json', mimeType: 'application/json', buffer: Buffer.from('{"rules": {"stock-phrases": "off"}}') });
    await expect.poll(() => options.textContent('#status')).toMatch(/^team settings: "rules\.stock-phrases" names no rule "stock-phrases"; known rules: /);
    await options.setInputFiles('#file', { name: 'team.json', mimeType: 'application/json', buffer: Buffer.from('{"rules": {"missing-signal": "error"}}') });
    await expect.poll(() => options.textContent('#status')).toBe('Imported team.json.');
    // The open compose box is linted again under the team's levels: no signal now blocks.
    await page.bringToFront();
    await page.keyboard.type(' ');
    await settlesAt(page, 'textarea', { verdict: 'block', score: 0 });
    await options.click('#clear');
    await expect.poll(() => options.textContent('#status')).toBe('Using the defaults.');

    // A team's corpus index, built by the CLI, stands in for the shipped one.
    const team = mkdtempSync(join(tmpdir(), 'olteam-'));
    mkdirSync(join(team, 'corpus'));
    writeFileSync(join(team, 'corpus', 'returns.md'), `---\narchetype: team-returns\n---\nSubject: Returns\n\n${RETURNS}\n`);
    const built = spawnSync(process.execPath, [resolve('bin/outreach-lint.js'), 'corpus', 'build', 'corpus', '--out', 'team.idx'], {
      cwd: team,
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    await options.setInputFiles('#corpus', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an index') });
    await expect
      .poll(() => options.textContent('#corpus-status'))
      .toMatch(/^notes\.txt: is not an outreach-lint corpus index \(.+\); build one with outreach-lint corpus build <folders> --out team\.idx$/);
    await options.setInputFiles('#corpus', join(team, 'team.idx'));
    await expect.poll(() => options.textContent('#corpus-status')).toBe('Imported team.idx: 969 messages.');
    await page.bringToFront();
    await page.locator('textarea').fill(RETURNS);
    await expect.poll(() => page.locator('outreach-lint-panel li .rule').allTextContents(), { timeout: 15_000 }).toContain('error · corpus-similarity');
    await options.click('#clear-corpus');
    await expect.poll(() => options.textContent('#corpus-status')).toBe('Using the shipped corpus.');
    await page.locator('textarea').fill(`${RETURNS} `);
    await expect.poll(() => page.locator('outreach-lint-panel li .rule').allTextContents(), { timeout: 15_000 }).not.toContain('error · corpus-similarity');
    await page.locator('textarea').fill(`${GENERIC} `);
    await options.close();

    const popup = await openPopup();
    await popup.locator('#on').uncheck();
    await expect.poll(() => worker.evaluate(() => chrome.storage.local.get('sites'))).toEqual({ sites: {} });
    await popup.close();
    await expect.poll(() => page.locator('textarea').getAttribute('data-outreach-lint-verdict')).toBeNull();
    expect(await page.locator('outreach-lint-panel').count()).toBe(0);
    expect(await page.locator('textarea').inputValue()).toBe(`${GENERIC} `);
    await page.close();
  }, 60_000);

  it('makes no network request: only the test pages and its own files', () => {
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(`chrome-extension://${extensionId}/`));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.startsWith(`chrome-extension://${extensionId}/data/corpus-index.bin`))).toBe(true);
  });
});

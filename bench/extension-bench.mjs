// The compose-box extension in a real Chromium: the lint of a 150-word draft as the extension
// does it (the kernel's time in its service worker, and the round trip from the page's content
// script and back), beside the same lint in Node run just before, and the JS heap the extension
// adds to a tab (the same page on an origin where it is on, and one where it is off).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createLinter } from '../dist/index.js';
import { median, table, time } from './measure.mjs';
import { DRAFT } from './server-bench.mjs';

const CHROMIUM = '/usr/bin/chromium';
const EXTENSION = resolve('dist/extension');

export async function extensionBench({ rounds = 60 } = {}) {
  if (!existsSync(CHROMIUM) || !existsSync(join(EXTENSION, 'manifest.json'))) return 'extension: skipped (needs /usr/bin/chromium and npm run build)';
  const words = DRAFT.body.split(/\s+/).length;
  const page = readFileSync('test/fixtures/extension/textarea.html');
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const port = server.address().port;
  const on = `http://127.0.0.1:${port}`;
  const off = `http://localhost:${port}`;

  const linter = await createLinter({ config: {} });
  for (let i = 0; i < 30; i++) await linter.lintPayload(DRAFT);
  const node = [];
  for (let i = 0; i < rounds; i++) node.push(await time(() => linter.lintPayload({ ...DRAFT, body: `${DRAFT.body}\n${i}` })));

  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'olextbench-')), {
    executablePath: CHROMIUM,
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--no-first-run'],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate((origin) => chrome.storage.local.set({ sites: { [origin]: true } }), on);
    const tab = await context.newPage();
    await tab.goto(`${on}/`);
    await tab.fill('input[name=subject]', DRAFT.subject);
    const kernel = [];
    const round = [];
    for (let i = 0; i < rounds + 10; i++) {
      // The page sets the text and says it changed, as an editor does; the extension's debounce
      // is not part of the figure: the times are read from the answer.
      await tab.$eval(
        'textarea',
        (el, text) => {
          el.removeAttribute('data-outreach-lint-round-ms');
          el.value = text;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        },
        `${DRAFT.body}\n${i}`,
      );
      await tab.waitForSelector('textarea[data-outreach-lint-round-ms]', { state: 'attached' });
      if (i < 10) continue;
      kernel.push(Number(await tab.getAttribute('textarea', 'data-outreach-lint-ms')));
      round.push(Number(await tab.getAttribute('textarea', 'data-outreach-lint-round-ms')));
    }
    const heap = async (origin) => {
      const p = await context.newPage();
      await p.goto(`${origin}/`);
      await p.waitForTimeout(1500);
      const cdp = await context.newCDPSession(p);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      await p.close();
      return usedSize / 1024 / 1024;
    };
    const heapOn = await heap(on);
    const heapOff = await heap(off);
    const n = median(node);
    return table(
      [`extension, ${words}-word draft, ${rounds} lints`, 'median', 'ratio to Node'],
      [
        ['library lint in Node (same draft, same run)', `${n.toFixed(3)} ms`, '1.00'],
        ["kernel in the extension's service worker", `${median(kernel).toFixed(3)} ms`, (median(kernel) / n).toFixed(2)],
        ['round trip: content script to worker and back', `${median(round).toFixed(3)} ms`, (median(round) / n).toFixed(2)],
        ['JS heap of a tab with the extension on / off', `${heapOn.toFixed(1)} / ${heapOff.toFixed(1)} MB`, `+${(heapOn - heapOff).toFixed(1)} MB`],
      ],
    );
  } finally {
    await context.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await extensionBench());

/**
 * The toolbar popup: switches the extension on or off for the current site. Gmail and Outlook on
 * the web are on unless switched off; another site asks the browser for access to it first, and
 * only then gets the content script.
 */
import { DEFAULT_SITES, siteEnabled } from './messages.js';

const STATIC = /^(https:\/\/(mail\.google\.com|outlook\.office\.com|outlook\.office365\.com|outlook\.live\.com)|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?)$/;

async function currentOrigin(): Promise<string | undefined> {
  // Opened for a site from elsewhere (the options page, a test): popup.html?origin=…
  const asked = new URLSearchParams(location.search).get('origin');
  if (asked) return new URL(asked).origin;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.url ? new URL(tab.url).origin : undefined;
}

async function setSite(origin: string, on: boolean): Promise<void> {
  if (!STATIC.test(origin)) {
    const pattern = `${origin}/*`;
    const id = `site-${origin.replace(/[^a-z0-9]/gi, '_')}`;
    if (on) {
      if (!(await chrome.permissions.request({ origins: [pattern] }))) throw new Error('the browser did not grant access to this site');
      const known = await chrome.scripting.getRegisteredContentScripts({ ids: [id] });
      if (known.length === 0) await chrome.scripting.registerContentScripts([{ id, matches: [pattern], js: ['content.js'], runAt: 'document_idle' }]);
    } else {
      await chrome.scripting.unregisterContentScripts({ ids: [id] }).catch(() => undefined);
    }
  }
  const { sites = {} } = (await chrome.storage.local.get('sites')) as { sites?: Record<string, boolean> };
  if (on === DEFAULT_SITES.includes(origin)) delete sites[origin];
  else sites[origin] = on;
  await chrome.storage.local.set({ sites });
}

async function main(): Promise<void> {
  const box = document.getElementById('on') as HTMLInputElement;
  const site = document.getElementById('site')!;
  const why = document.getElementById('why')!;
  const origin = await currentOrigin();
  if (!origin || !/^https?:/.test(origin)) {
    box.disabled = true;
    why.textContent = 'This page is not a web site the extension can watch.';
    return;
  }
  const { sites } = (await chrome.storage.local.get('sites')) as { sites?: Record<string, boolean> };
  box.checked = siteEnabled(origin, sites);
  box.addEventListener('change', () => {
    why.textContent = '';
    setSite(origin, box.checked).catch((e: unknown) => {
      box.checked = !box.checked;
      why.textContent = e instanceof Error ? e.message : String(e);
    });
  });
  // Named only once the switch works, so that a click on it is never lost.
  site.textContent = new URL(origin).host;
}

void main();

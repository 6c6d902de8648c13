/**
 * The options page: imports a team's config file. It is checked here with the CLI's own
 * validation, so a file that would fail at the terminal fails here with the same message.
 */
import { createBrowserLinter } from '../../src/browser/browser-linter.js';

const status = document.getElementById('status')!;
const current = document.getElementById('current')!;

async function show(): Promise<void> {
  const { teamSettings } = await chrome.storage.local.get('teamSettings');
  current.textContent = teamSettings ? JSON.stringify(teamSettings, null, 2) : 'the defaults';
}

async function data(): Promise<Record<string, unknown>> {
  return (await fetch(chrome.runtime.getURL('data/rule-data.json'))).json() as Promise<Record<string, unknown>>;
}

document.getElementById('file')!.addEventListener('change', async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  status.className = '';
  try {
    let settings: unknown;
    try {
      settings = JSON.parse(await file.text());
    } catch (err) {
      throw new Error(`${file.name}: is not JSON (${err instanceof Error ? err.message : String(err)}); export the config as .json`);
    }
    // The same checks as the CLI's: unknown rules, bad levels and bad options are refused.
    createBrowserLinter({ data: await data(), settings });
    await chrome.storage.local.set({ teamSettings: settings });
    status.className = 'ok';
    status.textContent = `Imported ${file.name}.`;
  } catch (err) {
    status.className = 'why';
    status.textContent = err instanceof Error ? err.message : String(err);
  }
  await show();
});

document.getElementById('clear')!.addEventListener('click', async () => {
  await chrome.storage.local.remove('teamSettings');
  status.className = 'ok';
  status.textContent = 'Using the defaults.';
  await show();
});

void show();

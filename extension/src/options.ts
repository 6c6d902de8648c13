/**
 * The options page: imports a team's config file. It is checked here with the CLI's own
 * validation, so a file that would fail at the terminal fails here with the same message.
 */
import { createBrowserLinter } from '../../src/browser/browser-linter.js';
import { assetBytes, ruleData } from './assets.js';
import { clearTeamCorpus, saveTeamCorpus } from './team-corpus-store.js';

const status = document.getElementById('status')!;
const current = document.getElementById('current')!;

async function show(): Promise<void> {
  const { teamSettings } = await chrome.storage.local.get('teamSettings');
  current.textContent = teamSettings ? JSON.stringify(teamSettings, null, 2) : 'the defaults';
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
    createBrowserLinter({ data: await ruleData(), settings });
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

const corpusStatus = document.getElementById('corpus-status')!;

async function showCorpus(): Promise<void> {
  const { teamCorpus } = (await chrome.storage.local.get('teamCorpus')) as { teamCorpus?: { name: string; messages: number } };
  if (!corpusStatus.textContent) corpusStatus.textContent = teamCorpus ? `In use: ${teamCorpus.name}, ${teamCorpus.messages} messages.` : 'In use: the shipped corpus.';
}

document.getElementById('corpus')!.addEventListener('change', async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let messages: number;
  try {
    // Read by the shell the worker lints with, with the word-vector table it was built with.
    const linter = createBrowserLinter({ data: await ruleData(), corpusIndex: bytes, wordVectors: await assetBytes('data/word-vectors.bin') });
    messages = linter.corpusMessages ?? 0;
  } catch (err) {
    corpusStatus.className = 'why';
    corpusStatus.textContent = `${file.name}: is not an outreach-lint corpus index (${err instanceof Error ? err.message : String(err)}); build one with outreach-lint corpus build <folders> --out team.idx`;
    return;
  }
  await saveTeamCorpus(bytes);
  await chrome.storage.local.set({ teamCorpus: { name: file.name, messages, importedAt: new Date().toISOString() } });
  corpusStatus.className = 'ok';
  corpusStatus.textContent = `Imported ${file.name}: ${messages} messages.`;
});

document.getElementById('clear-corpus')!.addEventListener('click', async () => {
  await clearTeamCorpus();
  await chrome.storage.local.remove('teamCorpus');
  corpusStatus.className = 'ok';
  corpusStatus.textContent = 'Using the shipped corpus.';
});

void showCorpus();

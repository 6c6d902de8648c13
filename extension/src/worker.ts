/**
 * The extension's service worker: it holds the one linter (kernel, rule data and corpus index,
 * all bundled with the extension and read from its own package, never from the network) and
 * answers the content scripts' requests. Linting here keeps the work off the page's main thread.
 */
import { createBrowserLinter, type BrowserLinter, type ComposeDraft } from '../../src/browser/browser-linter.js';
import { assetBytes, ruleData } from './assets.js';
import type { WorkerReply, WorkerRequest } from './messages.js';
import { readTeamCorpus } from './team-corpus-store.js';

let linter: Promise<BrowserLinter> | undefined;
let settingsError: string | undefined;

/** Builds the linter once, from the bundled assets and the team settings the options page saved. */
function getLinter(): Promise<BrowserLinter> {
  linter ??= (async () => {
    // A team's own corpus index (built with the shipped corpus in it) stands in for the shipped one.
    const [data, corpusIndex, wordVectors, englishWords, stored] = await Promise.all([
      ruleData(),
      readTeamCorpus().then((team) => team ?? assetBytes('data/corpus-index.bin')),
      assetBytes('data/word-vectors.bin'),
      assetBytes('data/english-words.bin'),
      chrome.storage.local.get('teamSettings'),
    ]);
    const assets = { data, corpusIndex, wordVectors, englishWords };
    settingsError = undefined;
    try {
      return createBrowserLinter({ ...assets, settings: stored.teamSettings });
    } catch (e) {
      // Settings that no longer fit this version are reported, and the defaults used.
      settingsError = e instanceof Error ? e.message : String(e);
      return createBrowserLinter(assets);
    }
  })();
  return linter;
}

chrome.storage.onChanged.addListener((changes) => {
  if (changes.teamSettings || changes.teamCorpus) linter = undefined;
});

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  const l = await getLinter();
  switch (request.kind) {
    case 'lint': {
      const started = performance.now();
      const result = l.lint(request.draft);
      return { kind: 'lint', result, lintMs: performance.now() - started, signalTypes: l.signalTypes, settingsError };
    }
    case 'weakness':
      return { kind: 'weakness', weakness: l.signalWeakness(request.text, request.draft as ComposeDraft) };
  }
}

chrome.runtime.onMessage.addListener((request: WorkerRequest, _sender, sendResponse) => {
  answer(request).then(sendResponse, (e: unknown) => sendResponse({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
  return true;
});

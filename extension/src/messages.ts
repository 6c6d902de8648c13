/** What the content script asks the service worker, and what it answers. */
import type { ComposeDraft, ComposeResult } from '../../src/browser/browser-linter.js';

export type WorkerRequest = { kind: 'lint'; draft: ComposeDraft } | { kind: 'weakness'; text: string; draft: ComposeDraft };

export type WorkerReply =
  | {
      kind: 'lint';
      result: ComposeResult;
      /** The kernel's time for this lint, measured in the worker. */
      lintMs: number;
      signalTypes: ReadonlyArray<{ id: string; label: string; example: string }>;
      /** Why the imported team settings were not used, when they were not. */
      settingsError: string | undefined;
    }
  | { kind: 'weakness'; weakness: string | undefined }
  | { kind: 'error'; message: string };

/** The sites the extension watches unless the rep switches it off there. */
export const DEFAULT_SITES = ['https://mail.google.com', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.live.com'];

/** Whether the extension is on for an origin: the rep's toggle, else the default. */
export function siteEnabled(origin: string, toggles: Record<string, boolean> | undefined): boolean {
  return toggles?.[origin] ?? DEFAULT_SITES.includes(origin);
}

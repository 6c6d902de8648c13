/**
 * The content script: finds the compose boxes of the page as they come and go, lints each one a
 * pause after the rep types (in the service worker), and shows the verdict as a badge, the
 * flagged spans as underlines (CSS Custom Highlight API) and the findings in a panel. It never
 * writes into what the rep wrote: its own elements live in shadow roots outside the compose box,
 * and the only marks on the box are its data-outreach-lint-* attributes.
 */
import type { ComposeDraft, ComposeResult } from '../../src/browser/browser-linter.js';
import { composeContainer, isComposeBody, prospectOf, rangeOf, readField, recipient, subjectField, type FieldText } from './compose-field.js';
import { siteEnabled, type WorkerReply, type WorkerRequest } from './messages.js';
import { Panel } from './panel.js';

/** How long the rep must pause before a lint, in ms. */
const DEBOUNCE_MS = 300;
const SEVERITIES = ['error', 'warning', 'info'] as const;

interface Watched {
  field: HTMLElement;
  subject: HTMLInputElement | undefined;
  container: HTMLElement;
  panel: Panel;
  key: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The latest lint asked for: an answer to an older one, overtaken while the worker was busy, is dropped. */
  asked: number;
  read: FieldText | undefined;
  ranges: Map<(typeof SEVERITIES)[number], Range[]>;
  stop: () => void;
}

const watched = new Map<HTMLElement, Watched>();
let boxes = 0;
let observer: MutationObserver | undefined;

function ask(request: WorkerRequest): Promise<WorkerReply> {
  return chrome.runtime.sendMessage(request) as Promise<WorkerReply>;
}

async function savedSignal(key: string): Promise<ComposeDraft['signal']> {
  const { signals } = (await chrome.storage.local.get('signals')) as { signals?: Record<string, { type?: string; text: string }> };
  return signals?.[key];
}

function draftOf(w: Watched): ComposeDraft {
  w.read = readField(w.field);
  const draft: ComposeDraft = { body: w.read.text, prospect: prospectOf(recipient(w.container)) };
  if (w.subject) draft.subject = w.subject.value;
  return draft;
}

/** The key a signal is saved under: the recipient's address, else this compose box. */
function keyOf(w: Watched): string {
  return recipient(w.container)?.email.toLowerCase() ?? w.key;
}

async function lint(w: Watched): Promise<void> {
  const mine = ++w.asked;
  const draft = draftOf(w);
  const signal = await savedSignal(keyOf(w));
  if (signal) draft.signal = signal;
  const asked = performance.now();
  const reply = await ask({ kind: 'lint', draft });
  const roundMs = performance.now() - asked;
  // A box no longer watched (the site switched off while the lint was on its way) keeps no verdict and no panel.
  if (!w.field.isConnected || mine !== w.asked || watched.get(w.field) !== w) return;
  if (reply.kind !== 'lint') {
    w.panel.showError(reply.kind === 'error' ? reply.message : 'unexpected answer from the linter');
    return;
  }
  apply(w, reply.result, reply.lintMs, roundMs);
  w.panel.render(reply.result, {
    signalTypes: reply.signalTypes,
    savedSignal: signal,
    settingsError: reply.settingsError,
    onReveal: (i) => reveal(w, reply.result, i),
    onSignal: (type, text) => saveSignal(w, type, text),
  });
}

/**
 * The verdict and score on the field, for integrators' tests; the lint's time in the worker and
 * from request to answer, for the bench; and the underlines.
 */
function apply(w: Watched, result: ComposeResult, lintMs: number, roundMs: number): void {
  w.field.setAttribute('data-outreach-lint-verdict', result.verdict);
  w.field.setAttribute('data-outreach-lint-score', String(result.score));
  w.field.setAttribute('data-outreach-lint-ms', lintMs.toFixed(3));
  w.field.setAttribute('data-outreach-lint-round-ms', roundMs.toFixed(3));
  w.ranges.clear();
  for (const f of result.findings) {
    if (f.span?.field !== 'body' || !w.read || f.span.end <= f.span.start) continue;
    const range = rangeOf(w.read, f.span.start, f.span.end);
    if (!range) continue;
    const list = w.ranges.get(f.severity) ?? [];
    list.push(range);
    w.ranges.set(f.severity, list);
  }
  paintHighlights();
}

/** One highlight per severity over every watched box's flagged spans. */
function paintHighlights(): void {
  if (!('highlights' in CSS)) return;
  for (const severity of SEVERITIES) {
    const ranges = [...watched.values()].flatMap((w) => w.ranges.get(severity) ?? []);
    if (ranges.length) CSS.highlights.set(`outreach-lint-${severity}`, new Highlight(...ranges));
    else CSS.highlights.delete(`outreach-lint-${severity}`);
  }
}

/** Scrolls to a finding's span; in a textarea, selects it (the text stays as it is). */
function reveal(w: Watched, result: ComposeResult, i: number): void {
  const span = result.findings[i]?.span;
  if (!span) return;
  const target = span.field === 'subject' ? w.subject : w.field;
  if (!target) return;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    target.focus();
    target.setSelectionRange(span.start, span.end);
    return;
  }
  const range = w.read && rangeOf(w.read, span.start, span.end);
  const el = range?.startContainer.parentElement ?? target;
  el.scrollIntoView({ block: 'center' });
}

async function saveSignal(w: Watched, type: string, text: string): Promise<string | undefined> {
  const reply = await ask({ kind: 'weakness', text, draft: draftOf(w) });
  if (reply.kind === 'weakness' && reply.weakness) return reply.weakness;
  if (reply.kind === 'error') return reply.message;
  const { signals = {} } = (await chrome.storage.local.get('signals')) as { signals?: Record<string, unknown> };
  signals[keyOf(w)] = { type, text: text.trim(), captured_at: new Date().toISOString() };
  await chrome.storage.local.set({ signals });
  await lint(w);
  return undefined;
}

function schedule(w: Watched): void {
  clearTimeout(w.timer);
  w.timer = setTimeout(() => void lint(w), DEBOUNCE_MS);
}

function watch(field: HTMLElement): void {
  if (watched.has(field)) return;
  const container = composeContainer(field);
  const subject = subjectField(container);
  const w: Watched = {
    field,
    subject,
    container,
    panel: new Panel(field),
    key: `box:${location.origin}:${++boxes}`,
    timer: undefined,
    asked: 0,
    read: undefined,
    ranges: new Map(),
    stop: () => {},
  };
  const onInput = () => schedule(w);
  field.addEventListener('input', onInput);
  subject?.addEventListener('input', onInput);
  // Recipients come and go as chips: the prospect changes with them.
  const chips = new MutationObserver(onInput);
  chips.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['email', 'value'] });
  w.stop = () => {
    clearTimeout(w.timer);
    field.removeEventListener('input', onInput);
    subject?.removeEventListener('input', onInput);
    chips.disconnect();
    w.panel.remove();
    watched.delete(field);
    paintHighlights();
  };
  watched.set(field, w);
  void lint(w);
}

/** Watches every compose body on the page, and stops watching the ones that left it. */
function scan(): void {
  for (const w of [...watched.values()]) if (!w.field.isConnected) w.stop();
  for (const el of document.querySelectorAll('textarea, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]')) {
    if (isComposeBody(el)) watch(el);
  }
  for (const w of watched.values()) w.panel.place();
}

function start(): void {
  if (observer) return;
  injectHighlightStyle();
  scan();
  let queued = false;
  observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      scan();
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('scroll', () => watched.forEach((w) => w.panel.place()), { passive: true, capture: true });
  addEventListener('resize', () => watched.forEach((w) => w.panel.place()));
}

function stopAll(): void {
  observer?.disconnect();
  observer = undefined;
  for (const w of [...watched.values()]) {
    for (const name of ['data-outreach-lint-verdict', 'data-outreach-lint-score', 'data-outreach-lint-ms', 'data-outreach-lint-round-ms']) w.field.removeAttribute(name);
    w.stop();
  }
}

function injectHighlightStyle(): void {
  if (document.getElementById('outreach-lint-highlights')) return;
  const style = document.createElement('style');
  style.id = 'outreach-lint-highlights';
  style.textContent = [
    '::highlight(outreach-lint-error) { text-decoration: underline wavy #d1242f; text-decoration-skip-ink: none; }',
    '::highlight(outreach-lint-warning) { text-decoration: underline wavy #bf8700; text-decoration-skip-ink: none; }',
    '::highlight(outreach-lint-info) { text-decoration: underline dotted #0969da; }',
  ].join('\n');
  document.head.append(style);
}

async function boot(): Promise<void> {
  const { sites } = (await chrome.storage.local.get('sites')) as { sites?: Record<string, boolean> };
  if (siteEnabled(location.origin, sites)) start();
  chrome.storage.onChanged.addListener((changes) => {
    if (changes.sites) {
      const on = siteEnabled(location.origin, changes.sites.newValue as Record<string, boolean> | undefined);
      if (on) start();
      else stopAll();
    }
    if (changes.signals) for (const w of watched.values()) schedule(w);
  });
}

void boot();

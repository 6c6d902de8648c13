/**
 * The badge and panel of one compose box, in a shadow root on the page's body: the page's styles
 * do not reach them and they never sit inside the box the rep writes in.
 */
import type { ComposeResult } from '../../src/browser/browser-linter.js';

export interface PanelHooks {
  signalTypes: ReadonlyArray<{ id: string; label: string; example: string }>;
  savedSignal: { type?: string; text: string } | undefined;
  settingsError: string | undefined;
  /** Scroll to finding i's span. */
  onReveal: (i: number) => void;
  /** Save the rep's signal; resolves to why it is not concrete, or undefined once it is saved. */
  onSignal: (type: string, text: string) => Promise<string | undefined>;
}

/** What the rep has typed into the signal question so far, and where their cursor is. */
interface Answer {
  type: string;
  text: string;
  focused: boolean;
  start: number | null;
  end: number | null;
}

const STYLE = `
:host { all: initial; }
* { box-sizing: border-box; }
.badge { position: fixed; z-index: 2147483646; font: 600 11px/1 system-ui, sans-serif; padding: 5px 8px; border-radius: 10px;
  border: 0; cursor: pointer; color: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.badge[data-verdict="pass"] { background: #1a7f37; }
.badge[data-verdict="revise"] { background: #9a6700; }
.badge[data-verdict="needs-signal"] { background: #8250df; }
.badge[data-verdict="block"] { background: #cf222e; }
.panel { position: fixed; z-index: 2147483647; width: 360px; max-height: 420px; overflow: hidden auto; background: #fff; color: #1f2328;
  font: 13px/1.4 system-ui, sans-serif; border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.2); padding: 10px; }
.panel[hidden] { display: none; }
.head { font-weight: 600; margin-bottom: 6px; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 6px 4px; border-top: 1px solid #eaeef2; cursor: pointer; }
li:hover { background: #f6f8fa; }
.rule { color: #57606a; font-size: 11px; }
.sev-error { border-left: 3px solid #cf222e; } .sev-warning { border-left: 3px solid #bf8700; } .sev-info { border-left: 3px solid #0969da; }
form { margin-top: 8px; padding-top: 8px; border-top: 2px solid #8250df; display: grid; gap: 6px; }
select, input, button { font: inherit; }
form select, form input, form button { width: 100%; min-width: 0; }
.why { color: #cf222e; }
.note { color: #57606a; font-size: 11px; }
`;

export class Panel {
  private readonly host: HTMLElement;
  private readonly badge: HTMLButtonElement;
  private readonly box: HTMLElement;

  constructor(private readonly field: HTMLElement) {
    this.host = document.createElement('outreach-lint-panel');
    const root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.badge = document.createElement('button');
    this.badge.className = 'badge';
    this.badge.type = 'button';
    this.badge.textContent = '…';
    this.badge.title = 'outreach-lint';
    this.box = document.createElement('div');
    this.box.className = 'panel';
    this.box.hidden = true;
    this.badge.addEventListener('click', () => {
      this.box.hidden = !this.box.hidden;
      this.place();
    });
    root.append(style, this.badge, this.box);
    document.body.append(this.host);
  }

  /** Keeps the badge at the box's bottom right corner, and the panel above or below it. */
  place(): void {
    const r = this.field.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0;
    this.badge.style.display = visible ? '' : 'none';
    const b = this.badge.getBoundingClientRect();
    this.badge.style.left = `${Math.max(0, r.right - b.width - 6)}px`;
    this.badge.style.top = `${Math.max(0, r.bottom - b.height - 6)}px`;
    const below = r.bottom + 8 + 420 < innerHeight;
    this.box.style.left = `${Math.max(0, Math.min(r.right - 360, innerWidth - 368))}px`;
    this.box.style.top = below ? `${r.bottom + 8}px` : '';
    this.box.style.bottom = below ? '' : `${Math.max(8, innerHeight - r.top + 8)}px`;
  }

  showError(message: string): void {
    this.badge.dataset.verdict = 'block';
    this.badge.textContent = 'outreach-lint: error';
    this.box.replaceChildren(text('div', 'why', message));
  }

  render(result: ComposeResult, hooks: PanelHooks): void {
    this.badge.dataset.verdict = result.verdict;
    this.badge.textContent = `${result.verdict.toUpperCase()} ${result.score}`;
    const parts: Node[] = [text('div', 'head', `${result.verdict.toUpperCase()} · score ${result.score}/100`)];
    if (hooks.settingsError) parts.push(text('div', 'why', `Team settings not used: ${hooks.settingsError}`));
    const list = document.createElement('ul');
    result.findings.forEach((f, i) => {
      const li = document.createElement('li');
      li.className = `sev-${f.severity}`;
      li.append(text('div', '', f.message), text('div', 'rule', `${f.severity} · ${f.ruleId}${f.span ? '' : ' · whole email'}`));
      li.addEventListener('click', () => hooks.onReveal(i));
      list.append(li);
    });
    parts.push(list);
    // A lint re-renders the panel while the rep may be halfway through an answer: it is carried over.
    const answer = this.answerInProgress();
    if (result.prompt) parts.push(this.question(result.prompt.question, hooks));
    else if (hooks.savedSignal) parts.push(text('div', 'note', `Your signal: ${hooks.savedSignal.text}`));
    this.box.replaceChildren(...parts);
    if (answer) this.restoreAnswer(answer);
    this.place();
  }

  private answerInProgress(): Answer | undefined {
    const type = this.box.querySelector<HTMLSelectElement>('form select[name=type]');
    const input = this.box.querySelector<HTMLInputElement>('form input[name=signal]');
    if (!type || !input) return undefined;
    const focused = (this.box.getRootNode() as ShadowRoot).activeElement === input;
    return { type: type.value, text: input.value, focused, start: input.selectionStart, end: input.selectionEnd };
  }

  private restoreAnswer(answer: Answer): void {
    const type = this.box.querySelector<HTMLSelectElement>('form select[name=type]');
    const input = this.box.querySelector<HTMLInputElement>('form input[name=signal]');
    if (!type || !input) return;
    if ([...type.options].some((o) => o.value === answer.type)) {
      type.value = answer.type;
      type.dispatchEvent(new Event('change'));
    }
    input.value = answer.text;
    if (answer.focused) {
      input.focus();
      if (answer.start !== null && answer.end !== null) input.setSelectionRange(answer.start, answer.end);
    }
  }

  /** The CLI's question: the type, then the signal in the rep's own words. */
  private question(question: string, hooks: PanelHooks): HTMLFormElement {
    const form = document.createElement('form');
    const type = document.createElement('select');
    type.name = 'type';
    for (const t of [...hooks.signalTypes, { id: 'other', label: 'Something else', example: '' }]) {
      const o = document.createElement('option');
      o.value = t.id;
      o.textContent = t.label;
      type.append(o);
    }
    const input = document.createElement('input');
    input.name = 'signal';
    input.placeholder = 'The signal, in your words';
    const example = text('div', 'note', '');
    const showExample = () => {
      const t = hooks.signalTypes.find((s) => s.id === type.value);
      example.textContent = t ? `For example: ${t.example}` : '';
    };
    type.addEventListener('change', showExample);
    showExample();
    const why = text('div', 'why', '');
    const save = document.createElement('button');
    save.type = 'submit';
    save.textContent = 'Save signal';
    form.append(text('div', 'head', question), type, input, example, why, save, text('div', 'note', 'Saved in this browser only; write it into the email yourself.'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      why.textContent = '';
      void hooks.onSignal(type.value, input.value).then((weak) => {
        if (weak) why.textContent = `Not concrete yet: ${weak}.`;
      });
    });
    return form;
  }

  remove(): void {
    this.host.remove();
  }
}

function text(tag: string, className: string, content: string): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = content;
  return el;
}

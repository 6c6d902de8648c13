// The HTML report's page: browser code, bundled by scripts/bundle-report-page.mjs and
// inlined into every report. It reads the embedded data and draws the template table, its
// filters and sorting, and a card per template. It computes nothing about the emails: every
// span it marks (findings, shared sentences) comes in the data from the linter's own code.
import type { ReportData, ReportFinding, ReportItem, ReportShared } from '../report-shape.js';

type SortKey = 'n' | 'v' | 's' | 'c' | 'w' | 'g' | 'o' | 'p' | 'r';

const RANK: Record<ReportItem['v'], number> = { block: 0, 'needs-signal': 1, revise: 2, pass: 3 };
const VERDICT_CLASS: Record<ReportItem['v'], string> = { block: 'vb', 'needs-signal': 'vn', revise: 'vr', pass: 'vp' };
const SEVERITY: Record<ReportFinding[4], string> = { e: 'error', w: 'warning', i: 'info' };
const SEVERITY_ORDER = 'ewi';

const data = JSON.parse(byId('data').textContent ?? '{}') as ReportData;
const body = document.querySelector<HTMLTableSectionElement>('#t tbody')!;
const open = new Set<number>();
let sortKey: SortKey = 'v';
let sortDir = 1;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function el(tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  if (text !== undefined) e.textContent = text;
  return e;
}

function describe(f: ReportFinding): string {
  return `${data.rules[f[5]]}: ${data.messages[f[6]]}`;
}

function topFinding(it: ReportItem): string {
  const f = [...it.f].sort((a, b) => SEVERITY_ORDER.indexOf(a[4]) - SEVERITY_ORDER.indexOf(b[4]) || a[0] - b[0])[0];
  return f ? describe(f) : '';
}

function shown(it: ReportItem): boolean {
  const q = byId<HTMLInputElement>('q').value.toLowerCase();
  const verdict = byId<HTMLSelectElement>('fv').value;
  const rule = byId<HTMLSelectElement>('fr').value;
  const cluster = byId<HTMLSelectElement>('fc').value;
  if (verdict && it.v !== verdict) return false;
  if (rule && !it.f.some((f) => data.rules[f[5]] === rule)) return false;
  if (cluster === 'any' && !it.c) return false;
  if (cluster && cluster !== 'any' && String(it.c) !== cluster) return false;
  return !q || it.n.toLowerCase().includes(q) || it.t.toLowerCase().includes(q);
}

function sortValue(it: ReportItem): [number | string, number] {
  switch (sortKey) {
    case 'v':
      return [RANK[it.v], it.s];
    case 's':
      return [it.s, 0];
    case 'c':
      return [it.c || 1e9, 0];
    case 'w':
      return [it.w, 0];
    case 'g':
      return [it.g, 0];
    case 'o':
      return [it.o, 0];
    case 'p':
      return [Number(it.p) || it.p, 0];
    case 'r':
      return [it.r && it.r[0] > 0 ? it.r[1] / it.r[0] : -1, it.r ? it.r[0] : 0];
    default:
      return [it.n, 0];
  }
}

function compare(a: ReportItem, b: ReportItem): number {
  const [x, x2] = sortValue(a);
  const [y, y2] = sortValue(b);
  const order = x < y ? -1 : x > y ? 1 : x2 - y2;
  return Math.sign(order) * sortDir;
}

function render(): void {
  body.textContent = '';
  const rows = data.items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => shown(item))
    .sort((a, b) => compare(a.item, b.item));
  for (const { item, i } of rows) {
    const tr = el('tr', { 'data-i': String(i) });
    tr.append(el('td', {}, item.n), el('td', { class: VERDICT_CLASS[item.v] }, item.v), el('td', { class: 'num' }, String(item.s)));
    tr.append(el('td', {}, item.c ? `#${item.c}` : ''), el('td', { class: 'num' }, String(item.w)), el('td', { class: 'num' }, String(item.g)));
    tr.append(el('td', {}, item.o), el('td', {}, item.p), el('td', { class: 'num' }, item.r ? `${item.r[1]}/${item.r[0]}` : ''));
    tr.append(el('td', {}, topFinding(item)));
    const cell = el('td');
    const expanded = open.has(i);
    const button = el('button', { class: 'details', 'aria-expanded': String(expanded), 'aria-label': `Details for ${item.n}` }, expanded ? 'Hide' : 'Details');
    button.onclick = () => {
      if (!open.delete(i)) open.add(i);
      render();
    };
    cell.append(button);
    tr.append(cell);
    body.append(tr);
    if (expanded) {
      const cardRow = el('tr', { class: 'card' });
      const cardCell = el('td', { colspan: '11' });
      card(item, cardCell);
      cardRow.append(cardCell);
      body.append(cardRow);
    }
  }
  byId('count').textContent = `${rows.length} of ${data.items.length} shown${data.total > data.items.length ? ` (the worst of ${data.total})` : ''}`;
}

/** The template with its findings marked, line by line; positions are 1-based, as in every output. */
function markFindings(text: string, findings: ReportFinding[], pre: HTMLElement): void {
  const lines = text.split('\n');
  const byLine = new Map<number, ReportFinding[]>();
  for (const f of findings) byLine.set(f[0] - 1, [...(byLine.get(f[0] - 1) ?? []), f]);
  lines.forEach((line, li) => {
    let at = 0;
    for (const f of [...(byLine.get(li) ?? [])].sort((a, b) => a[1] - b[1])) {
      const start = f[1] - 1;
      const end = f[2] === f[0] ? Math.max(f[3] - 1, start + 1) : line.length;
      if (start < at) continue;
      pre.append(document.createTextNode(line.slice(at, start)));
      pre.append(el('mark', { class: f[4] === 'e' ? 'e' : '', title: describe(f) }, line.slice(start, end) || ' '));
      at = end;
    }
    pre.append(document.createTextNode(line.slice(at) + (li < lines.length - 1 ? '\n' : '')));
  });
}

/** A text with spans marked as shared with the other message; spans are [start, end) offsets. */
function markSpans(text: string, spans: Array<[number, number]>, pre: HTMLElement): void {
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    pre.append(document.createTextNode(text.slice(at, start)));
    pre.append(el('mark', { class: 'shared', title: 'also in the generic message' }, text.slice(start, end)));
    at = end;
  }
  pre.append(document.createTextNode(text.slice(at)));
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function card(it: ReportItem, root: HTMLElement): void {
  const breakdown = it.b.map(([rule, points]) => `-${points} ${data.rules[rule]}`).join(', ');
  root.append(el('p', {}, `Score ${it.s}/100${breakdown ? ` (${breakdown})` : ''}, ${it.v}.`));
  root.append(el('p', { class: 'metrics' }, `${count(it.w, 'word')} · grade ${it.g} · ${count(it.x[0], 'question')} · ${count(it.x[1], 'link')}`));
  if (it.q) root.append(el('p', { class: 'q' }, `${it.q} Answer in your own words; outreach-lint will not write it for you.`));
  if (it.f.length) {
    const list = el('ul', { class: 'findings' });
    for (const f of it.f) list.append(el('li', {}, `${f[0]}:${f[1]} ${SEVERITY[f[4]]} ${data.messages[f[6]]} (${data.rules[f[5]]})`));
    root.append(list);
  }
  const side = el('div', { class: 'side' });
  const left = el('div');
  left.append(el('h3', {}, 'This template'));
  const pre = el('pre');
  const message = it.near ? data.corpus[it.near[0]] : undefined;
  const nearText = message?.[2] ?? '';
  const shared: ReportShared[] = nearText ? it.sh : [];
  if (it.m && !shared.length) markFindings(it.t, it.f, pre);
  else
    markSpans(
      it.t,
      shared.map((s) => [s[0], s[1]]),
      pre,
    );
  left.append(pre);
  side.append(left);
  const right = el('div');
  if (message && it.near && nearText) {
    right.append(el('h3', {}, `Nearest generic message: ${message[1]} (${Math.round(it.near[1] * 100)}% similar)`));
    right.append(el('p', {}, message[0] + (shared.length ? `; ${shared.length} shared ${shared.length === 1 ? 'sentence' : 'sentences'} highlighted` : '')));
    const other = el('pre');
    markSpans(
      nearText,
      shared.map((s) => [s[2], s[3]]),
      other,
    );
    right.append(other);
  } else right.append(el('p', {}, 'No generic message in the corpus is close to this one.'));
  side.append(right);
  root.append(side);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('th button')) {
  button.onclick = () => {
    const key = button.dataset.k as SortKey;
    if (sortKey === key) sortDir = -sortDir;
    else {
      sortKey = key;
      sortDir = 1;
    }
    for (const th of document.querySelectorAll('th')) th.setAttribute('aria-sort', 'none');
    button.parentElement?.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
    render();
  };
}
for (const id of ['q', 'fv', 'fr', 'fc']) byId(id).addEventListener('input', render);
render();

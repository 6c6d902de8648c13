/**
 * Reading a compose box without touching it: the text of a textarea or a contenteditable body
 * (with a map from offsets back to DOM positions, for underlines), the subject input and the
 * recipient in the To field of the same compose window.
 */

/** A body's text and, for a contenteditable one, where each text node's characters start. */
export interface FieldText {
  text: string;
  /** Text nodes in order with the offset of their first character in `text`. */
  nodes: Array<{ node: Text; start: number }>;
}

const BLOCKS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'TABLE', 'PRE']);

/** The text a rep sees in the field, lines as they break on screen: <br> and blocks become newlines. */
export function readField(field: HTMLElement): FieldText {
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) return { text: field.value, nodes: [] };
  let text = '';
  const nodes: FieldText['nodes'] = [];
  const newline = () => {
    if (text !== '' && !text.endsWith('\n')) text += '\n';
  };
  const walk = (el: Node) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        nodes.push({ node: child as Text, start: text.length });
        text += (child as Text).data.replace(/\u00a0/g, ' ');
      } else if (child instanceof HTMLBRElement) {
        text += '\n';
      } else if (child instanceof HTMLElement) {
        const block = BLOCKS.has(child.tagName);
        if (block) newline();
        walk(child);
        if (block) newline();
      }
    }
  };
  walk(field);
  return { text, nodes };
}

/** A DOM range over [start, end) of the field's text, or undefined where the text has no node. */
export function rangeOf(read: FieldText, start: number, end: number): Range | undefined {
  const at = (offset: number) => {
    let hit: { node: Text; start: number } | undefined;
    for (const n of read.nodes) {
      if (n.start > offset) break;
      if (offset <= n.start + n.node.data.length) hit = n;
    }
    return hit && { node: hit.node, offset: Math.min(offset - hit.start, hit.node.data.length) };
  };
  const a = at(start);
  const b = at(end);
  if (!a || !b) return undefined;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** The compose window a body belongs to: a dialog, form or region, else a few levels up. */
export function composeContainer(field: HTMLElement): HTMLElement {
  const marked = field.closest<HTMLElement>('[role="dialog"], form, [role="region"], [data-compose]');
  if (marked) return marked;
  let el: HTMLElement = field;
  for (let i = 0; i < 6 && el.parentElement && el.parentElement !== document.body; i++) el = el.parentElement;
  return el;
}

const SUBJECT_FIELDS = 'input[name="subjectbox"], input[name="subject" i], input[aria-label*="subject" i], input[placeholder*="subject" i]';

/** The subject input of the compose window, when it has one. */
export function subjectField(container: HTMLElement): HTMLInputElement | undefined {
  return container.querySelector<HTMLInputElement>(SUBJECT_FIELDS) ?? undefined;
}

const ADDRESS = /[^\s<>@,;()"]+@[^\s<>@,;()"]+\.[a-z]{2,}/i;
/** The name or label of a recipient field. */
const ADDRESS_FIELD = /^(?:to|cc|bcc)$/i;

/** Attributes a recipient chip keeps its address in: Gmail's `email` and hovercard id, a title or a label elsewhere. */
const CHIP_ADDRESS = ['email', 'data-hovercard-id', 'title', 'aria-label'];

/**
 * The first recipient: a chip that carries the address in an attribute (Gmail's `email` and
 * `name`, Outlook's title or label on the recipient "well"), or a To input whose value is
 * "Name <address>" or the address alone.
 */
export function recipient(container: HTMLElement): { email: string; name?: string } | undefined {
  const chip = container.querySelector<HTMLElement>('[email], [data-hovercard-id*="@"], [title*="@"], [aria-label*="@"]');
  if (chip) {
    const attr = CHIP_ADDRESS.map((a) => chip.getAttribute(a) ?? '').find((v) => ADDRESS.test(v)) ?? '';
    const email = ADDRESS.exec(attr)?.[0];
    const label = attr.slice(0, email ? attr.indexOf(email) : 0).replace(/[<"(]/g, '').trim();
    const name = chip.getAttribute('name') ?? (label || chip.textContent?.trim());
    if (email) return name && name !== email ? { email, name } : { email };
  }
  const to = container.querySelector<HTMLInputElement>('input[name="to" i], input[aria-label^="to" i], textarea[name="to" i]');
  const value = to?.value ?? '';
  const email = ADDRESS.exec(value)?.[0];
  if (!email) return undefined;
  const name = value.slice(0, value.indexOf(email)).replace(/[<"]/g, '').trim();
  return name ? { email, name } : { email };
}

/** Prospect fields from a recipient: the address and, from the display name, the names. */
export function prospectOf(to: { email: string; name?: string } | undefined): Record<string, string> {
  if (!to) return {};
  const out: Record<string, string> = { email: to.email };
  if (to.name) {
    out.full_name = to.name;
    const [first, ...rest] = to.name.split(/\s+/);
    if (first) out.first_name = first;
    if (rest.length) out.last_name = rest.join(' ');
  }
  return out;
}

/** Whether an element is a compose body: a textarea, or the root of an editable region. */
export function isComposeBody(el: Element): el is HTMLElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled && !ADDRESS_FIELD.test(el.name);
  if (!(el instanceof HTMLElement) || !el.isContentEditable) return false;
  // Outlook's To, Cc and Bcc are editable "wells" of recipients, not bodies.
  if (ADDRESS_FIELD.test(el.getAttribute('aria-label') ?? '') || el.getAttribute('role') === 'combobox') return false;
  // Only the outermost editable element: its children are editable too.
  return !el.parentElement?.isContentEditable;
}

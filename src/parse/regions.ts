import type { Region } from '../kernel/types.js';

/** rules/regions.yml */
export interface RegionData {
  greetings: string[];
  signoffs: string[];
  quote_headers: string[];
  footer_cues: string[];
}

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Finds the greeting, sign-off, signature, quoted reply and unsubscribe footer of a body. */
export class RegionFinder {
  private readonly greeting: RegExp;
  private readonly signoff: RegExp;
  private readonly inlineGreeting: RegExp;
  private readonly quoteHeaders: RegExp[];
  private readonly footerCues: string[];

  constructor(data: RegionData) {
    const alt = (words: string[]) =>
      words
        .map(escapeRegExp)
        .sort((a, b) => b.length - a.length)
        .join('|');
    this.greeting = new RegExp(`^(?:${alt(data.greetings)})\\b`, 'i');
    this.inlineGreeting = new RegExp(`^\\s*["“'‘]?(?:${alt(data.greetings)})\\b[^,\\n.!?]{0,60}[,!](?=[ \\t]*\\S)`, 'i');
    this.signoff = new RegExp(`^(?:${alt(data.signoffs)})\\s*[,.!—–-]*\\s*$`, 'i');
    this.quoteHeaders = data.quote_headers.map((p) => new RegExp(p, 'im'));
    this.footerCues = data.footer_cues.map((c) => c.toLowerCase());
  }

  find(text: string): Region[] {
    const lines = splitLines(text);
    const regions: Region[] = [];
    let end = text.length;

    const quoteAt = this.quoteStart(text);
    if (quoteAt !== undefined) {
      regions.push({ kind: 'quote', start: quoteAt, end: text.length });
      end = quoteAt;
    }
    for (const block of quotedBlocks(lines, end)) regions.push(block);

    const footer = this.footerStart(text, end);
    if (footer !== undefined) {
      regions.push({ kind: 'footer', start: footer, end });
      end = footer;
    }

    const sigLine = lines.find((l) => l.start < end && (l.text === '-- ' || l.text === '--'));
    if (sigLine) {
      regions.push({ kind: 'signature', start: sigLine.start, end });
      end = sigLine.start;
    }

    const firstLine = lines.find((l) => l.text.trim() !== '');
    if (firstLine && firstLine.start < end && this.isGreeting(firstLine.text)) {
      regions.push({ kind: 'greeting', start: firstLine.start, end: firstLine.end });
    } else if (firstLine && firstLine.start < end) {
      // "Hi Sean, I saw that you use InfraCost…": a salutation that shares its line with the message.
      const inline = this.inlineGreeting.exec(firstLine.text);
      if (inline && inline[0].trim().split(/\s+/).length <= 6)
        regions.push({ kind: 'greeting', start: firstLine.start, end: firstLine.start + inline[0].length });
    }

    // The sign-off runs to the end of its paragraph: a P.S. after a blank line is message again.
    const half = end / 2;
    const signoff = lines.find((l) => l.start >= half && l.start < end && this.signoff.test(l.text.trim()));
    if (signoff) {
      const after = lines.find((l) => l.start > signoff.start && l.start < end && l.text.trim() === '');
      regions.push({ kind: 'signoff', start: signoff.start, end: after ? after.start : end });
    }

    if (!signoff && !sigLine) {
      const block = unsignedSignature(lines, end);
      if (block) regions.push({ kind: 'signature', start: block, end });
    }

    return regions.sort((a, b) => a.start - b.start);
  }

  isGreeting(line: string): boolean {
    const t = line.trim();
    if (t.split(/\s+/).length > 6) return false;
    return this.greeting.test(t) || /^\{[^{}|]+(\|[^{}|]+)+\}/.test(t) || /^[A-Z][\w'’.-]*(\s[A-Z][\w'’.-]*)?\s*,$/.test(t);
  }

  private quoteStart(text: string): number | undefined {
    let best: number | undefined;
    for (const re of this.quoteHeaders) {
      const m = re.exec(unwrapQuoteHeader(text));
      if (m && (best === undefined || m.index < best)) best = m.index;
    }
    return best;
  }

  private footerStart(text: string, end: number): number | undefined {
    const paragraphs = [...text.slice(0, end).matchAll(/(?:^|\n\s*\n)([^\n][\s\S]*?)(?=\n\s*\n|$)/g)];
    const tail = paragraphs.slice(-3);
    for (const p of tail) {
      const body = p[1]!;
      const lower = body.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
      if (this.footerCues.some((cue) => lower.includes(cue))) return p.index! + p[0].indexOf(body);
    }
    return undefined;
  }
}

const NAME_LINE = /^[—–-]*\s*(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}|\[[^\]\n]{1,30}\]|\{\{?[^{}\n]{1,30}\}\}?)\s*$/u;

/**
 * A signature with no sign-off word above it ("Sarah / Head of Growth, Acme Growth Co." or
 * "— Chris"): the last paragraph's lines from one that is only a name (or a sender merge
 * field) to the end, when every one of them is short and none is a sentence ending in "?"
 * or "!". Returns where it starts, or undefined.
 */
function unsignedSignature(lines: Line[], end: number): number | undefined {
  const tail = lines.filter((l) => l.start < end);
  let last = tail.length - 1;
  while (last >= 0 && tail[last]!.text.trim() === '') last--;
  // At most four lines of name, title, company and contact.
  for (let i = last; i >= 1 && i > last - 4; i--) {
    const t = tail[i]!.text.trim();
    if (t === '' || t.split(/\s+/).length > 8 || /[?!]$/.test(t)) return undefined;
    // The name starts its own line: the one above is blank or ends a sentence.
    const above = tail[i - 1]!.text.trim();
    if (NAME_LINE.test(t) && (above === '' || /[.?!:)"”]$/.test(above))) return tail[i]!.start;
  }
  return undefined;
}

/** "On Tue, Jane <jane@x.com>\nwrote:" is one header split by a mail client; join it, keep offsets. */
function unwrapQuoteHeader(text: string): string {
  return text.replace(/^(On\b[^\n]{0,200})\n([^\n]{0,80}wrote:[ \t]*)$/gm, (_m, a: string, b: string) => `${a} ${b}`);
}

function quotedBlocks(lines: Line[], end: number): Region[] {
  const out: Region[] = [];
  let open: Region | undefined;
  for (const l of lines) {
    if (l.start >= end) break;
    if (/^\s*>/.test(l.text)) {
      if (open) open.end = l.end;
      else open = { kind: 'quote', start: l.start, end: l.end };
    } else if (open && l.text.trim() !== '') {
      out.push(open);
      open = undefined;
    }
  }
  if (open) out.push(open);
  return out;
}

export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const text_ of text.split('\n')) {
    out.push({ start, end: start + text_.length, text: text_ });
    start += text_.length + 1;
  }
  return out;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

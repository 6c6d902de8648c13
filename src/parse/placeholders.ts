import type { Placeholder } from '../kernel/types.js';
import { FieldClassifier, type FieldKindData } from './field-kind.js';
import { overlapTest } from '../kernel/sorted-spans.js';

/** rules/placeholders.yml */
export interface PlaceholderData extends FieldKindData {
  syntaxes: Array<{ id: string; pattern: string; kind?: 'spintax' | 'missing-token' | 'research'; bracket?: boolean }>;
  helpers: { open: string[]; close: string[]; middle: string[] };
  spin_helpers: string[];
  bracket_lead_words: string[];
  liquid_open: string[];
  liquid_plain: string[];
  instruction_words: number;
}

type Found = Omit<Placeholder, 'part'>;

/** Finds every merge field, helper tag and spintax group in a text, in any common syntax. */
export class PlaceholderScanner {
  readonly fields: FieldClassifier;
  private readonly syntaxes: Array<{ id: string; re: RegExp; kind?: string; bracket?: boolean }>;
  private readonly open: Set<string>;
  private readonly close: Set<string>;
  private readonly middle: Set<string>;
  private readonly spin: Set<string>;
  private readonly leadWords: Set<string>;

  constructor(private readonly data: PlaceholderData) {
    this.fields = new FieldClassifier(data);
    this.syntaxes = data.syntaxes.map((s) => ({ id: s.id, re: new RegExp(s.pattern, 'g'), kind: s.kind, bracket: s.bracket }));
    this.open = new Set(data.helpers.open);
    this.close = new Set(data.helpers.close.map((c) => c.toLowerCase()));
    this.middle = new Set(data.helpers.middle);
    this.spin = new Set(data.spin_helpers);
    this.leadWords = new Set(data.bracket_lead_words);
  }

  scan(text: string, part: 'subject' | 'body'): Placeholder[] {
    if (!mayHoldPlaceholder(text)) return [];
    const candidates: Array<Found & { order: number }> = [];
    this.syntaxes.forEach((syntax, order) => {
      syntax.re.lastIndex = 0;
      for (let m = syntax.re.exec(text); m; m = syntax.re.exec(text)) {
        const found = this.interpret(syntax, m);
        if (found) candidates.push({ ...found, order });
        if (m[0].length === 0) syntax.re.lastIndex++;
      }
    });
    candidates.sort((a, b) => a.start - b.start || a.order - b.order);
    const kept: Found[] = [];
    let until = 0;
    for (const c of candidates) {
      if (c.start < until) continue;
      const { order: _order, ...found } = c;
      kept.push(found);
      until = c.end;
    }
    kept.push(...strayDelimiters(text, kept));
    markUnbalancedBlocks(kept);
    kept.sort((a, b) => a.start - b.start);
    return kept.map((p) => ({ ...p, part }));
  }

  private interpret(syntax: { id: string; kind?: string; bracket?: boolean }, m: RegExpExecArray): Found | undefined {
    const g = m.groups ?? {};
    const base = { start: m.index, end: m.index + m[0].length, raw: m[0], syntax: syntax.id };
    if (syntax.kind === 'missing-token') {
      const rawName = (g.name ?? '').trim();
      return { ...base, rawName, name: rawName ? this.fields.classify(rawName).name : '', kind: 'missing-token' };
    }
    if (syntax.kind === 'spintax') {
      return { ...base, rawName: '', name: '', kind: 'spintax' };
    }
    if (syntax.kind === 'research') {
      const rawName = (g.name ?? '').trim();
      return { ...base, rawName, name: rawName ? this.fields.classify(rawName).name : 'blank', kind: 'research' };
    }
    if (g.expr !== undefined && syntax.id === 'liquid-tag') return this.liquidTag(base, g.expr);
    if (g.expr !== undefined) return this.expression(base, g.expr, syntax.id === 'mailchimp');
    const rawName = (g.name ?? '').trim();
    if (syntax.bracket && !this.looksLikeSlot(rawName)) return undefined;
    if (syntax.bracket && rawName.split(/\s+/).length >= this.data.instruction_words) {
      return { ...base, rawName, name: this.fields.classify(rawName).name, kind: 'research' };
    }
    return this.field(base, rawName, g.fallback);
  }

  private field(base: Pick<Found, 'start' | 'end' | 'raw' | 'syntax'>, rawName: string, fallback?: string): Found {
    const k = this.fields.classify(rawName);
    const found: Found = { ...base, rawName, name: k.name, kind: k.kind };
    if (fallback !== undefined) found.fallback = unquote(fallback.trim());
    return found;
  }

  /** Reads the inside of {{ ... }} or *| ... |*: helpers, fallbacks, filters, spintax. */
  private expression(base: Pick<Found, 'start' | 'end' | 'raw' | 'syntax'>, exprRaw: string, mailchimp: boolean): Found {
    const expr = exprRaw.trim();
    const logic = (rawName: string, malformed?: string): Found => {
      const f: Found = { ...base, rawName, name: rawName, kind: 'logic' };
      if (malformed) f.malformed = malformed;
      return f;
    };
    if (expr === '') return logic('', 'empty placeholder');
    if (mailchimp) {
      const upper = expr.toUpperCase();
      if (/^(IF|IFNOT):/.test(upper)) return logic('#if');
      if (/^ELSEIF:/.test(upper)) return logic('else');
      if (upper === 'ELSE:') return logic('else');
      if (upper === 'END:IF') return logic('/if');
      return this.field(base, expr);
    }
    if (expr.startsWith('#') || expr.startsWith('/')) {
      const head = expr.split(/\s+/)[0]!.toLowerCase();
      if (head.startsWith('#') && this.open.has(head.slice(1))) return logic(head);
      if (this.close.has(head)) return logic(closeName(head));
      return logic(head, `unknown helper ${head}`);
    }
    const lower = expr.toLowerCase();
    if (
      this.middle.has(
        lower
          .split(/\s+/)
          .slice(0, lower.startsWith('else if') ? 2 : 1)
          .join(' '),
      )
    )
      return logic('else');
    if (this.close.has(lower)) return logic(closeName(lower));
    const pipe = expr.split('|').map((s) => s.trim());
    if (pipe.length > 1 && this.spin.has(pipe[0]!.toLowerCase())) {
      return { ...base, rawName: '', name: '', kind: 'spintax' };
    }
    const doublePipe = /^([^|:]+?)\s*\|\|\s*(.*)$/.exec(expr);
    if (doublePipe) return this.field(base, doublePipe[1]!, doublePipe[2]!);
    const liquid = /^([^|:]+?)\s*\|\s*(?:default|fallback)\s*:\s*(.*)$/i.exec(expr);
    if (liquid) return this.field(base, liquid[1]!, liquid[2]!.split('|')[0]!);
    const colon = /^([^|:]+?)\s*:\s*(.*)$/.exec(expr);
    if (colon) return this.field(base, colon[1]!, colon[2]!);
    return this.field(base, pipe[0]!);
  }

  /** `{% if x %}` opens a block, `{% endif %}` closes one, `{%first_name%}` is a field. */
  private liquidTag(base: Pick<Found, 'start' | 'end' | 'raw' | 'syntax'>, exprRaw: string): Found {
    const expr = exprRaw.trim();
    const head = expr.split(/\s+/)[0]!.toLowerCase();
    const logic = (name: string): Found => ({ ...base, rawName: expr, name, kind: 'logic' });
    if (this.data.liquid_open.includes(head)) return logic(`#${head}`);
    if (head.startsWith('end') && this.data.liquid_open.includes(head.slice(3))) return logic(closeName(head));
    if (this.middle.has(head) || this.data.liquid_plain.includes(head)) return logic(head);
    return this.field(base, expr);
  }

  /** Bracketed text is a slot only when it reads like one, not like [sic] or a footnote. */
  private looksLikeSlot(inner: string): boolean {
    const text = inner.trim();
    if (!/[A-Za-z]{2}/.test(text)) return false;
    const letters = text.replace(/[^A-Za-z]/g, '');
    const allCaps = letters === letters.toUpperCase();
    if (allCaps && (/[_]/.test(text) || /\s/.test(text.replace(/\s*(\.\.\.|…)\s*$/, '')))) return true;
    if (/^[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+$/.test(text)) return true;
    if (/^[A-Z]{3,}\s*:/.test(text)) return true;
    if (this.fields.isKnown(text)) return /^[A-Z]/.test(text);
    // "[City/Area]", "[Company/Team]": a choice between fields is a slot when one of them is known.
    if (/^[A-Z]/.test(text) && text.includes('/') && text.split('/').some((part) => this.fields.isKnown(part.trim()))) return true;
    const first = text.split(/\s+/)[0]!.toLowerCase();
    return this.leadWords.has(first) && (allCaps || /^[A-Z]/.test(text));
  }
}

/** Cheap pre-check: most drafts have no delimiter at all. */
function mayHoldPlaceholder(text: string): boolean {
  return /[{}[\]%]|\*\|/.test(text);
}

/** `/if`, `#endif` and `endif` all close an if block. */
function closeName(head: string): string {
  return `/${head.replace(/^[#/]/, '').replace(/^end/, '')}`;
}

function unquote(s: string): string {
  const m = /^(["'“‘])(.*)(["'”’])$/.exec(s);
  return m ? m[2]! : s;
}

/** `{{` or `}}` (or `*|`, `|*`) that no placeholder consumed: a merge field left half-typed. */
function strayDelimiters(text: string, kept: Found[]): Found[] {
  const inKept = overlapTest(kept);
  const covered = (i: number) => inKept(i, i + 1);
  const out: Found[] = [];
  const re = /\{\{|\}\}|\*\||\|\*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (covered(m.index)) continue;
    const opening = m[0] === '{{' || m[0] === '*|';
    // An opener's text runs to the next delimiter or line end, so it never swallows a neighbour.
    // Only the next 40 characters matter (a raw text is cut at 38): slicing to the end of the
    // text made a draft full of stray braces quadratic.
    const rest = /[{}\n*]|\|\*/.exec(text.slice(m.index + 2, m.index + 42));
    const start = m.index;
    const raw = opening ? text.slice(start, m.index + 2 + Math.min(rest ? rest.index : text.length, 38)).trimEnd() : m[0];
    out.push({
      start,
      end: start + raw.length,
      raw,
      syntax: m[0].includes('*') ? 'mailchimp' : 'mustache',
      rawName: '',
      name: '',
      kind: 'logic',
      malformed: opening ? `"${m[0]}" is never closed` : `"${m[0]}" closes nothing`,
    });
  }
  return out;
}

/** Pairs {{#if}} with {{/if}} or {{#endif}}; either side left alone is malformed. */
function markUnbalancedBlocks(found: Found[]): void {
  const ordered = [...found].sort((a, b) => a.start - b.start);
  const stack: Found[] = [];
  for (const p of ordered) {
    if (p.kind !== 'logic' || p.malformed) continue;
    if (p.name.startsWith('#')) stack.push(p);
    else if (p.name.startsWith('/')) {
      if (stack.length === 0) p.malformed = `${p.raw} has no opening block`;
      else stack.pop();
    }
  }
  for (const open of stack) open.malformed = `${open.raw} is never closed`;
}

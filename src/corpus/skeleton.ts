import type { Draft, Placeholder } from '../kernel/types.js';
import { escapeRegExp } from '../parse/regions.js';
import { segmentUnits, type Unit } from '../parse/sentences.js';

/** A unit of the message with its merge data masked to slot words. */
export interface MaskedUnit extends Unit {
  /** The unit's text with placeholders and prospect values replaced by slot words. */
  masked: string;
}

/**
 * What a message says once everything merge-specific is taken out: placeholders and the
 * draft's own prospect values become slot words (`slotcompany`), and the greeting, sign-off,
 * signature, quoted reply and footer are dropped. A template and every copy rendered from it
 * have the same skeleton, so they match each other.
 */
export interface Skeleton {
  subject: string;
  units: MaskedUnit[];
}

const memo = new WeakMap<Draft, Skeleton>();

export function skeletonOf(draft: Draft): Skeleton {
  const hit = memo.get(draft);
  if (hit) return hit;
  const values = prospectPattern(draft);
  const mask = (text: string, from: number, to: number, placeholders: Placeholder[]) => {
    let out = '';
    let at = from;
    for (const p of placeholders) {
      if (p.start < from || p.end > to) continue;
      out += text.slice(at, p.start) + slotText(p);
      at = p.end;
    }
    out += text.slice(at, to);
    return values ? out.replace(values.re, (m) => ` slot${values.keys.get(m.toLowerCase()) ?? 'value'} `) : out;
  };
  const body = draft.body.text;
  const bodyPlaceholders = draft.placeholders.filter((p) => p.part === 'body');
  const units = segmentUnits(body, draft.regions)
    .filter((u) => u.kind === 'sentence' || u.kind === 'bullet')
    .map((u) => ({ ...u, masked: mask(body, u.start, u.end, bodyPlaceholders) }));
  const subjectText = draft.subject?.text ?? '';
  const skeleton = { subject: mask(subjectText, 0, subjectText.length, draft.placeholders.filter((p) => p.part === 'subject')), units };
  memo.set(draft, skeleton);
  return skeleton;
}

/** The whole skeleton as one text, subject first. */
export function skeletonText(s: Skeleton): string {
  return [s.subject, ...s.units.map((u) => u.masked)].join('\n');
}

function slotText(p: Placeholder): string {
  switch (p.kind) {
    case 'logic':
    case 'missing-token':
      return ' ';
    case 'spintax': {
      const inner = p.raw.replace(/^\{\{?\s*(?:random|spin|spintax)?\s*\|?|\}?\}$/gi, '');
      return inner.split('|')[0]!.trim();
    }
    default:
      return ` slot${p.name.replace(/[^a-z0-9]/gi, '').toLowerCase()} `;
  }
}

/** One case-insensitive pattern for all of the draft's prospect values, longest first. */
function prospectPattern(draft: Draft): { re: RegExp; keys: Map<string, string> } | undefined {
  const keys = new Map<string, string>();
  for (const f of Object.values(draft.prospect)) {
    const v = f.value.trim();
    if (v.length < 2 || /^\d+$/.test(v)) continue;
    if (!keys.has(v.toLowerCase())) keys.set(v.toLowerCase(), f.key.replace(/[^a-z0-9]/g, ''));
  }
  if (keys.size === 0) return undefined;
  const alternatives = [...keys.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), keys };
}

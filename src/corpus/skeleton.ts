import type { Draft, Placeholder } from '../kernel/types.js';
import { findWholeWords } from '../parse/whole-words.js';
import { segmentUnits, type Unit } from '../parse/sentences.js';
import { firstStartingAt } from '../kernel/sorted-spans.js';

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

export function skeletonOf(draft: Draft): Skeleton {
  const values = prospectValues(draft);
  const mask = (text: string, from: number, to: number, placeholders: Placeholder[]) => {
    let out = '';
    let at = from;
    // Placeholders are in text order: start at the first in the unit rather than scan them all
    // for every unit, which was quadratic in a draft full of merge fields.
    for (let i = firstStartingAt(placeholders, from); i < placeholders.length && placeholders[i]!.start < to; i++) {
      const p = placeholders[i]!;
      if (p.end > to) continue;
      out += text.slice(at, p.start) + slotText(p);
      at = p.end;
    }
    out += text.slice(at, to);
    if (!values) return out;
    let masked = '';
    let last = 0;
    for (const hit of findWholeWords(out, values.keys.keys())) {
      masked += `${out.slice(last, hit.start)} slot${values.keys.get(hit.value) ?? 'value'} `;
      last = hit.end;
    }
    return masked + out.slice(last);
  };
  const body = draft.body.text;
  const bodyPlaceholders = draft.placeholders.filter((p) => p.part === 'body').sort((a, b) => a.start - b.start);
  const units = segmentUnits(body, draft.regions)
    .filter((u) => u.kind === 'sentence' || u.kind === 'bullet')
    .map((u) => ({ ...u, masked: mask(body, u.start, u.end, bodyPlaceholders) }));
  const subjectText = draft.subject?.text ?? '';
  const skeleton = {
    subject: mask(
      subjectText,
      0,
      subjectText.length,
      draft.placeholders.filter((p) => p.part === 'subject'),
    ),
    units,
  };
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

/** The draft's prospect values, lowercased, with the slot name each is masked as. */
function prospectValues(draft: Draft): { keys: Map<string, string> } | undefined {
  const keys = new Map<string, string>();
  for (const f of Object.values(draft.prospect)) {
    const v = f.value.trim();
    if (v.length < 2 || /^\d+$/.test(v)) continue;
    if (!keys.has(v.toLowerCase())) keys.set(v.toLowerCase(), f.key.replace(/[^a-z0-9]/g, ''));
  }
  return keys.size === 0 ? undefined : { keys };
}

import type { Draft } from '../kernel/types.js';
import { memoizeByObject } from '../kernel/memoize.js';
import { escapeRegExp } from '../parse/regions.js';

/** rules/signals.yml: how senders name themselves and their product. */
export interface SenderNameData {
  /** Words after which the sender names their company or product: "I'm building", "here at". */
  sender_introductions?: string[];
  /** Verbs that follow a product's name when the sender pitches it: "TokenBrake fixes…". */
  product_verbs?: string[];
  /** Words of a first-hand observation ("noticed", "saw"). */
  observations?: string[];
}

const NAME = String.raw`(\p{Lu}[\p{L}\p{N}'’&.-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}'’&.-]*){0,3})`;

/**
 * The names the sender gives their own company and product in the body: what follows "I'm
 * building", "I run", "here at" or "founder of", and a capitalised name that opens a sentence
 * with a pitch verb ("TokenBrake fixes exactly that", "Testsigma helps teams…"). Lowercased
 * words. These are never the prospect, never an anchor of a fact about them, and a sentence
 * they open is the sender's claim.
 */
export function senderNames(draft: Draft, data: SenderNameData, units: ReadonlyArray<{ start: number; end: number }>): Set<string> {
  const out = new Set<string>();
  const text = draft.body.text;
  const add = (name: string) => {
    // "I'm Karo. I run…": a name ends with its sentence.
    const own = name.split(/[.!?](?=[ \t])/)[0]!;
    for (const w of own.replace(/[.,]+$/, '').split(/[ \t]+/)) out.add(w.toLowerCase().replace(/['’]s$/, ''));
  };
  const intro = introductions(data);
  if (intro) {
    // Matched on the lowercased text so the expression needs no case-insensitive Unicode flag;
    // the name after it is read from the text as written, where capitals tell a name.
    const lower = text.toLowerCase();
    if (lower.length === text.length) {
      // "We run a DFW courier network": after "a", a capital starts a description, not a name.
      // "I am from [Proxycurl](https://…)": a Markdown link's text is the name.
      const after = new RegExp(String.raw`[ \t]+(?:the[ \t]+)?\[?${NAME}`, 'uy');
      for (const m of lower.matchAll(intro)) {
        after.lastIndex = m.index! + m[0].length;
        const name = after.exec(text)?.[1];
        if (name) add(name);
      }
    }
  }
  const verbs = productVerbs(data);
  if (verbs) {
    for (const u of units) {
      const m = verbs.exec(text.slice(u.start, u.end));
      if (m && !opensWithObservation(m[1]!, data)) add(m[1]!);
    }
  }
  return out;
}

/** "Noticed Full Blast" or "Saw Acme": an observation, not a name. */
function opensWithObservation(name: string, data: SenderNameData): boolean {
  return observationWords(data).has(name.split(/[ \t]/)[0]!.toLowerCase());
}

/** The one-word observations ("saw", "noticed"): a capitalised one opens a sentence, it names nothing. */
export const observationWords = memoizeByObject((data: SenderNameData): Set<string> => new Set((data.observations ?? []).filter((o) => !o.includes(' '))));

/** One expression per list: the words may be written with any spacing and either apostrophe. */
function alternation(list: string[] | undefined): string | undefined {
  if (!list?.length) return undefined;
  return list
    .map((w) => escapeRegExp(w).replace(/ /g, '[ \\t]+').replace(/'/g, "['’]"))
    .sort((a, b) => b.length - a.length)
    .join('|');
}

const introductions = memoizeByObject((data: SenderNameData): RegExp | null => {
  const alt = alternation(data.sender_introductions);
  return alt ? new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alt})(?=[ \t])`, 'gu') : null;
});

const productVerbs = memoizeByObject((data: SenderNameData): RegExp | null => {
  const alt = alternation(data.product_verbs);
  return alt ? new RegExp(String.raw`^${NAME}[ \t]+(?:${alt})(?![\p{L}\p{N}])`, 'u') : null;
});

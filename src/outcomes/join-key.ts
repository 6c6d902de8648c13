/**
 * How a template's name is compared when outcomes are joined to drafts: without case, accents'
 * forms or punctuation, so "Intro – Q3", "intro-q3" and the file intro_q3.md are one name.
 */
export function templateKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A step as a number where it has one ("Step 2", "2", "#2"), so exports and drafts agree. */
export function stepKey(step: unknown): string {
  if (step === undefined || step === null) return '';
  const s = String(step).trim();
  const n = /\d+/.exec(s);
  return n ? String(Number(n[0])) : templateKey(s);
}

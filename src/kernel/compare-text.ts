/**
 * Orders strings by UTF-16 code units. Used instead of localeCompare so that output order does
 * not depend on the machine's locale, and because the first localeCompare of a process builds
 * an ICU collator, which costs a cold lint about 10 ms.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

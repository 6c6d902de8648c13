import type { Rule } from '../kernel/rule.js';
import type { DraftMode, RuleLevel } from '../kernel/types.js';

/** One example in a rule's data file (rules/<id>.yml), with the level, options and mode it runs at. */
export interface RuleExample {
  name: string;
  text: string;
  mode?: DraftMode;
  /** The kind of file the example is linted as; `md` when absent. */
  format?: 'md' | 'txt' | 'html' | 'eml';
  severity?: RuleLevel;
  options?: Record<string, unknown>;
  findings?: Array<{ messageId: string; line: number; column: number; [detail: string]: unknown }>;
}

/**
 * The config an example runs under: only its rule on, at the example's level and options. The
 * examples test and the docs script both run examples with it, so a page shows what the test checks.
 */
export function exampleConfig(rule: Rule, example: RuleExample, registry: readonly Rule[]): { rules: Record<string, unknown>; mode?: DraftMode } {
  const rules: Record<string, unknown> = Object.fromEntries(registry.map((r) => [r.meta.id, 'off']));
  rules[rule.meta.id] = [example.severity ?? rule.meta.defaultSeverity, example.options ?? {}];
  return { rules, ...(example.mode ? { mode: example.mode } : {}) };
}

/** The file name an example is linted under, which picks its parser. */
export function exampleFileName(example: RuleExample): string {
  return `example.${example.format ?? 'md'}`;
}

import type { Draft, DraftMode, Report, RuleLevel, Severity } from './types.js';

/** One option a rule accepts, in the small schema the config validator reads. */
export interface OptionSpec {
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: number | string | boolean | string[];
  description: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  /** For a list of ids: the list in the rule's data whose entries' `id`s it must name. */
  ids?: string;
}

/**
 * What a rule is, for docs, config validation, SARIF and `GET /v1/rules`. A rule's data and
 * its examples live in rules/<id>.yml.
 */
export interface RuleMeta {
  /** Kebab-case id; also the file name of the rule's module, data and docs page. */
  id: string;
  /** `problem`: the email will read wrong. `suggestion`: it will read like everyone else's. */
  type: 'problem' | 'suggestion';
  /** One sentence; the first line of the docs page says the same. */
  description: string;
  defaultSeverity: RuleLevel;
  /** Message templates keyed by id; `{{name}}` is filled from the report's data. */
  messages: Record<string, string>;
  options: Record<string, OptionSpec>;
  /** Path of the docs page, relative to the package root. */
  docs: string;
  /** The modes the rule checks; absent means both. */
  modes?: DraftMode[];
  /** Shared data files in rules/ the rule reads besides its own, handed over under their names. */
  uses?: string[];
  /**
   * Points a finding takes off the context score, when not the severity's default; with
   * `maxPoints`, the most the rule can take from one draft.
   */
  points?: number;
  maxPoints?: number;
  /** Services the rule reads; the shells load them only when a rule that needs them is on. */
  services?: Array<keyof KernelServices & string>;
  /** What a finding of the rule does to the verdict besides its severity: `needs-signal` asks the rep for research. */
  verdict?: 'needs-signal';
  /**
   * Findings of other rules that one of this rule's findings makes redundant: a finding of
   * `rule` lying inside the span of one of ours (of the listed message ids; all when absent)
   * is dropped by the kernel.
   */
  supersedes?: Array<{ rule: string; messages?: string[] }>;
  /** Teams may add entries to this list of the rule's data (`ruleData` in the config), checked against the rule's schema. */
  extensible?: ExtensibleList;
  /**
   * `form`: the rule checks the email's shape (length, links, subject...) rather than its
   * context. Its warnings and info never change the verdict and its points sit in their own
   * group of the score breakdown; raised to `error` by a team, it blocks like any rule.
   */
  group?: 'form';
  /** Where the rule's default numbers come from, for its docs page (Markdown). */
  source?: string;
}

/** The one list of a rule's data a team may extend; its entries' shape is the rule's schema (rules/schema/<id>.schema.json). */
export interface ExtensibleList {
  /** The key of the list in the data file. */
  list: string;
  /** Fields of an entry that hold phrases, counted on the rule's docs page. */
  phraseFields: string[];
}

/** What a rule gets besides the draft: its options and data, and shared read-only state. */
export interface RuleContext<Options = Record<string, unknown>, Data = unknown> {
  options: Options;
  data: Data;
  severity: Severity;
  /** Shared, read-only services such as the corpus index; absent when not loaded. */
  services: KernelServices;
  /** What the rules share of this draft (skeleton, signals, corpus sentences), worked out once per lint. */
  analysis: import('../analysis/analysis.js').Analysis;
}

/** Read-only services the shells load once and hand to the kernel. */
export interface KernelServices {
  /** The generic-message corpus index, when a corpus is loaded. */
  corpus?: import('../corpus/corpus-index.js').CorpusIndex;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds rules of every option and data type; `unknown` would not accept them (check's parameters are contravariant).
export interface Rule<Options = any, Data = any> {
  meta: RuleMeta;
  /**
   * Builds, once per linter, what the rule works out from its data file (a phrase matcher), so
   * that check only reads it. The shell calls it on the shipped data merged with a team's.
   */
  prepare?(data: Data): Data;
  check(draft: Draft, context: RuleContext<Options, Data>): Report[];
}

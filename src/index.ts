/**
 * The library API of outreach-lint: the same kernel the CLI and server run.
 *
 * ```js
 * import { createLinter } from 'outreach-lint';
 * const linter = await createLinter({ cwd: process.cwd() });
 * const [result] = await linter.lintText(text, 'draft.md');
 * ```
 */
import { configBase, discoverConfig, loadConfigFile } from './config/discover.js';
import { resolveConfig, type ConfigOverrides } from './config/resolve.js';
import type { ConfigFile } from './config/schema.js';
import { validateConfig } from './config/schema.js';
import { OutreachLint } from './outreach-lint.js';
import { allRules } from './rules/index.js';

export interface CreateLinterOptions {
  /** Where to search for a config file; defaults to process.cwd(). */
  cwd?: string;
  /** A config file to use instead of searching. */
  configFile?: string;
  /** A config object to use instead of any file; validated like a file. */
  config?: ConfigFile;
  /** Command-line style overrides (`rules: ['id:severity']`, `mode`, …). */
  overrides?: ConfigOverrides;
}

/** Builds a linter from a config file, a config object or the nearest config to cwd. */
export async function createLinter(options: CreateLinterOptions = {}): Promise<OutreachLint> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = options.config
    ? { config: validateConfig('config', options.config) }
    : options.configFile
      ? loadConfigFile(options.configFile)
      : await discoverConfig(cwd);
  const config = resolveConfig(loaded.config, 'filepath' in loaded ? loaded.filepath : undefined, configBase(loaded, cwd), options.overrides ?? {}, allRules);
  return OutreachLint.create(config);
}

export { OutreachLint, type DraftResult } from './outreach-lint.js';
/** @deprecated The shell's name before 0.2: use `OutreachLint`. */
export { OutreachLint as Linter } from './outreach-lint.js';
export { InputError } from './errors.js';
export { allRules } from './rules/index.js';
export { lintDraft } from './kernel/lint.js';
export { scoreFindings, findingPoints, verdictOf, POINTS, RULE_CAP } from './kernel/score.js';
export type { Rule, RuleMeta, RuleContext, OptionSpec } from './kernel/rule.js';
export type { Draft, Finding, LintResult, Severity, Verdict, DraftMode, Placeholder, Signal, Position } from './kernel/types.js';
export type { ConfigFile } from './config/schema.js';
export type { ResolvedConfig, ConfigOverrides } from './config/resolve.js';

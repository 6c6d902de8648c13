import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { Rule } from '../kernel/rule.js';
import type { DraftMode, RuleLevel } from '../kernel/types.js';
import { parseLevel, type ConfigFile, type RuleSetting } from './schema.js';
import { resolveRuleSettings, unknownRule } from './rule-settings.js';

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** The settings a run uses, after defaults, the config file and command-line flags. */
export interface ResolvedConfig {
  rules: Record<string, { severity: RuleLevel; options: Record<string, unknown> }>;
  mode: DraftMode | 'auto';
  corpus: string[];
  defaultCorpus: boolean;
  ignores: string[];
  maxFileSize: number;
  /** Extra rule data files by rule id, as absolute paths. */
  ruleData: Record<string, string>;
  configFile?: string;
}

/** Flags that override the config file. */
export interface ConfigOverrides {
  /** `--rule id:severity`, repeatable. */
  rules?: string[];
  mode?: DraftMode | 'auto';
  corpus?: string[];
  defaultCorpus?: boolean;
  ignores?: string[];
  maxFileSize?: number;
}

export function resolveConfig(
  file: ConfigFile,
  configFile: string | undefined,
  base: string,
  overrides: ConfigOverrides,
  rules: readonly Rule[],
): ResolvedConfig {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const where = configFile ?? 'config';
  const resolved: ResolvedConfig = {
    rules: resolveRuleSettings(file.rules, where, rules),
    mode: overrides.mode ?? file.mode ?? 'auto',
    corpus: [...(file.corpus ?? []).map((p) => resolve(base, p)), ...(overrides.corpus ?? []).map((p) => resolve(p))],
    defaultCorpus: overrides.defaultCorpus ?? file.defaultCorpus ?? true,
    ignores: [...(file.ignores ?? []), ...(overrides.ignores ?? [])],
    maxFileSize: overrides.maxFileSize ?? file.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ruleData: Object.fromEntries(Object.entries(file.ruleData ?? {}).map(([id, p]) => [id, resolve(base, p)])),
  };
  for (const id of Object.keys(resolved.ruleData)) {
    // Rules whose meta says so take a team's extra phrase lists, matched word by word, never as regexes.
    if (!byId.get(id)?.meta.extensible) {
      const extensible = rules.filter((r) => r.meta.extensible).map((r) => r.meta.id);
      throw new InputError(where, `"ruleData.${id}" cannot be extended`, `extend one of: ${extensible.join(', ')}`);
    }
  }
  if (configFile) resolved.configFile = configFile;

  for (const flag of overrides.rules ?? []) {
    const m = /^([a-z0-9-]+)\s*[:=]\s*(\w+)$/.exec(flag.trim());
    const severity = m ? parseLevel(m[2]) : undefined;
    if (!m || !severity)
      throw new InputError(`--rule ${flag}`, 'is not of the form id:severity', 'write e.g. --rule stock-phrase:off (levels: off, info, warn, error)');
    if (!byId.has(m[1]!)) throw unknownRule(`--rule ${flag}`, 'the rule', m[1]!, rules);
    resolved.rules[m[1]!]!.severity = severity;
  }
  return resolved;
}

/** Only the settings that differ from nothing: what --print-config shows. */
export function printableConfig(config: ResolvedConfig): Record<string, unknown> {
  return {
    ...config,
    rules: Object.fromEntries(Object.entries(config.rules).map(([id, r]) => [id, Object.keys(r.options).length ? [r.severity, r.options] : r.severity])),
  };
}

/** A setting in the shape config files use, for `--init`. */
export type { RuleSetting };

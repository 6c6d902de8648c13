import { InputError } from '../errors.js';
import type { Rule } from '../kernel/rule.js';
import type { RuleLevel } from '../kernel/types.js';
import { parseLevel, validateOptions, type ConfigFile } from './schema.js';

/** Each rule's severity and options: its defaults, with a config's `rules:` laid over them. */
export type RuleSettings = Record<string, { severity: RuleLevel; options: Record<string, unknown> }>;

/**
 * The rules' settings from a config's `rules:` map (`id: level` or `id: [level, { options }]`),
 * checked against the rules' meta. No path or file is involved, so the browser extension
 * settles a team's imported settings with the same code as the CLI.
 */
export function resolveRuleSettings(settings: ConfigFile['rules'], where: string, rules: readonly Rule[]): RuleSettings {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const out: RuleSettings = Object.fromEntries(
    rules.map((r) => [r.meta.id, { severity: r.meta.defaultSeverity, options: validateOptions(where, r.meta.id, r.meta.options) }]),
  );
  for (const [id, setting] of Object.entries(settings ?? {})) {
    const rule = byId.get(id);
    if (!rule) throw unknownRule(where, `rules.${id}`, id, rules);
    const [levelRaw, options] = Array.isArray(setting) ? setting : [setting, undefined];
    const severity = parseLevel(levelRaw);
    if (!severity) {
      throw new InputError(where, `"rules.${id}" is ${JSON.stringify(levelRaw)}`, 'use off, info, warn or error (or [level, { options }])');
    }
    out[id] = { severity, options: validateOptions(where, id, rule.meta.options, options ?? {}) };
  }
  return out;
}

/** The error for a rule id that names no rule, listing the ones that exist. */
export function unknownRule(where: string, key: string, id: string, rules: readonly Rule[]): InputError {
  return new InputError(
    where,
    `${key === 'the rule' ? 'the rule' : `"${key}"`} names no rule "${id}"`,
    `known rules: ${rules.map((r) => r.meta.id).join(', ')}`,
  );
}

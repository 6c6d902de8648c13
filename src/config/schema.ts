import { InputError } from '../errors.js';
import type { OptionSpec } from '../kernel/rule.js';
import type { DraftMode, RuleLevel } from '../kernel/types.js';

/** A rule's setting as written: a level, or [level, options] as in ESLint. */
export type RuleSetting = RuleLevel | 'warn' | 0 | 1 | 2 | [RuleLevel | 'warn' | 0 | 1 | 2, Record<string, unknown>?];

/** The config file, validated. Every key is optional. */
export interface ConfigFile {
  rules?: Record<string, RuleSetting>;
  corpus?: string[];
  defaultCorpus?: boolean;
  ignores?: string[];
  mode?: DraftMode | 'auto';
  maxFileSize?: number;
  /** Extra rule data files, by rule id: the team's own phrases and patterns, added to the shipped ones. */
  ruleData?: Record<string, string>;
}

const KEYS = ['rules', 'corpus', 'defaultCorpus', 'ignores', 'mode', 'maxFileSize', 'ruleData'] as const;
const ALIASES: Record<string, (typeof KEYS)[number]> = {
  default_corpus: 'defaultCorpus',
  max_file_size: 'maxFileSize',
  ignore: 'ignores',
  rule_data: 'ruleData',
};

/** Turns `off | info | warn | warning | error | 0 | 1 | 2` into a level, or undefined. */
export function parseLevel(value: unknown): RuleLevel | undefined {
  switch (value) {
    case 'off':
    case 0:
      return 'off';
    case 'info':
      return 'info';
    case 'warn':
    case 'warning':
    case 1:
      return 'warning';
    case 'error':
    case 2:
      return 'error';
    default:
      return undefined;
  }
}

/** Checks a parsed config file; every complaint names the file and the key. */
export function validateConfig(file: string, raw: unknown): ConfigFile {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(file, 'the config is not a mapping of keys to values', `use keys such as ${KEYS.join(', ')}`);
  }
  const out: ConfigFile = {};
  for (const [rawKey, value] of Object.entries(raw as Record<string, unknown>)) {
    const key = ALIASES[rawKey] ?? rawKey;
    const bad = (what: string, fix: string) => new InputError(file, `"${rawKey}" ${what}`, fix);
    switch (key) {
      case 'rules':
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          throw bad('must be a mapping of rule ids to levels', 'write e.g. "rules: { stock-phrase: warn }"');
        out.rules = value as Record<string, RuleSetting>;
        break;
      case 'corpus':
      case 'ignores': {
        const list = typeof value === 'string' ? [value] : value;
        if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) throw bad('must be a list of paths', `write e.g. "${key}: [path/one, path/two]"`);
        out[key] = list as string[];
        break;
      }
      case 'defaultCorpus':
        if (typeof value !== 'boolean')
          throw bad(`must be true or false, not ${JSON.stringify(value)}`, 'write "defaultCorpus: false" to lint against your corpus only');
        out.defaultCorpus = value;
        break;
      case 'mode':
        if (value !== 'auto' && value !== 'draft' && value !== 'template')
          throw bad(`must be auto, draft or template, not ${JSON.stringify(value)}`, 'fix the value or remove the key');
        out.mode = value;
        break;
      case 'maxFileSize':
        out.maxFileSize = parseSize(value, () =>
          bad(`must be a size such as 2MB or a number of bytes, not ${JSON.stringify(value)}`, 'fix the value or remove the key'),
        );
        break;
      case 'ruleData':
        if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
          throw bad('must map rule ids to data files', 'write e.g. "ruleData: { stock-phrase: team-phrases.yml }"');
        }
        out.ruleData = value as Record<string, string>;
        break;
      default:
        throw new InputError(file, `unknown key "${rawKey}"`, `use one of: ${KEYS.join(', ')}`);
    }
  }
  return out;
}

/** `2MB`, `512 KB`, `1048576`: a size in bytes. */
export function parseSize(value: unknown, fail: () => Error): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.floor(value);
  if (typeof value !== 'string') throw fail();
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(value);
  if (!m) throw fail();
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}

/** Checks one rule's options against its schema and fills in the defaults. */
export function validateOptions(where: string, ruleId: string, spec: Record<string, OptionSpec>, given: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec)) out[name] = s.default;
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new InputError(where, `options of rule "${ruleId}" must be a mapping`, `write e.g. [warn, { ${Object.keys(spec)[0] ?? 'option'}: ... }]`);
  }
  for (const [name, value] of Object.entries(given)) {
    const s = spec[name];
    const key = `rules.${ruleId}.${name}`;
    if (!s) {
      const known = Object.keys(spec);
      throw new InputError(where, `"${key}" is not an option of ${ruleId}`, known.length ? `use one of: ${known.join(', ')}` : `${ruleId} takes no options`);
    }
    const ok =
      s.type === 'string[]'
        ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : typeof value === s.type && (s.type !== 'number' || Number.isFinite(value));
    if (!ok)
      throw new InputError(
        where,
        `"${key}" must be ${s.type === 'string[]' ? 'a list of strings' : `a ${s.type}`}, not ${JSON.stringify(value)}`,
        `see docs/rules/${ruleId}.md`,
      );
    if (typeof value === 'number' && ((s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum))) {
      throw new InputError(where, `"${key}" is ${value}, outside ${s.minimum ?? '-inf'}..${s.maximum ?? 'inf'}`, `choose a value in that range`);
    }
    if (s.enum && !s.enum.includes(value as string)) throw new InputError(where, `"${key}" is ${JSON.stringify(value)}`, `use one of: ${s.enum.join(', ')}`);
    out[name] = value;
  }
  return out;
}

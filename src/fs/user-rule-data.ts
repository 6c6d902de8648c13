import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { parseYamlText } from '../parse/yaml.js';
import type { ExtensibleList } from '../kernel/rule.js';

/**
 * Reads a team's extra phrases or patterns for a rule and checks them. Every phrase is a
 * plain run of words, matched word by word through a trie: text such as "(a+)+$" is only
 * the word "a" to the matcher, so no entry can make matching slow.
 */
export function loadUserRuleData(ruleId: string, shape: ExtensibleList, path: string): Record<string, unknown[]> {
  let data: unknown;
  try {
    data = parseYamlText(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(path, `cannot be read as YAML (${(e as Error).message.split('\n')[0]})`, 'fix the file or remove it from ruleData');
  }
  return { [shape.list]: checkEntries(path, ruleId, shape, data) };
}

/**
 * Checks that a rule's data has its extensible list in the shape the rule reads: every entry a
 * mapping with the required fields, phrase fields lists of short strings, no id twice. The
 * build runs it on the shipped data, the linter on a team's.
 */
export function checkEntries(path: string, ruleId: string, shape: ExtensibleList, data: unknown): unknown[] {
  const list = (data as Record<string, unknown> | null)?.[shape.list];
  if (!Array.isArray(list))
    throw new InputError(path, `has no "${shape.list}" list`, `write "${shape.list}:" with entries like the shipped rules/${ruleId}.yml`);
  const seen = new Set<unknown>();
  list.forEach((entry, i) => {
    const where = `${path}: ${shape.list}[${i}]`;
    if (entry === null || typeof entry !== 'object') throw new InputError(where, 'is not a mapping', `give it ${shape.required.join(', ')}`);
    const e = entry as Record<string, unknown>;
    for (const key of shape.required) if (e[key] === undefined) throw new InputError(where, `has no "${key}"`, `add ${key}`);
    if (seen.has(e.id)) throw new InputError(where, `has the id "${String(e.id)}" of an earlier entry`, 'give each entry its own id');
    seen.add(e.id);
    for (const key of shape.phraseFields) {
      if (e[key] === undefined) continue;
      if (!Array.isArray(e[key]) || (e[key] as unknown[]).some((p) => typeof p !== 'string' || p.length > 200)) {
        throw new InputError(where, `"${key}" must be a list of phrases of at most 200 characters`, 'write each phrase as plain words');
      }
    }
  });
  return list;
}

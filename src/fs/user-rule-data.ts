import { InputError } from '../errors.js';
import type { ExtensibleList } from '../kernel/rule.js';
import { readYamlFile } from './read-yaml-file.js';
import { checkTeamList } from './rule-schema.js';

/**
 * Reads a team's extra phrases or patterns for a rule and checks them against the rule's
 * schema. Every phrase is a plain run of words, matched word by word through a trie: text
 * such as "(a+)+$" is only the word "a" to the matcher, so no entry can make matching slow.
 */
export function loadUserRuleData(ruleId: string, shape: ExtensibleList, path: string): Record<string, unknown[]> {
  const data = readYamlFile(path, 'fix the file or remove it from ruleData');
  checkTeamList(path, ruleId, shape.list, data);
  return { [shape.list]: checkIds(path, shape, data) };
}

/**
 * Checks that no two entries of a rule's extensible list share an id, which a schema cannot
 * say: options such as `ignore` name entries by id. The build runs it on the shipped lists,
 * the linter on a team's, each after the schema.
 */
export function checkIds(path: string, shape: ExtensibleList, data: unknown): unknown[] {
  const list = (data as Record<string, Array<{ id: unknown }>>)[shape.list]!;
  const seen = new Set<unknown>();
  list.forEach((entry, i) => {
    if (seen.has(entry.id))
      throw new InputError(`${path}: ${shape.list}[${i}]`, `has the id "${String(entry.id)}" of an earlier entry`, 'give each entry its own id');
    seen.add(entry.id);
  });
  return list;
}

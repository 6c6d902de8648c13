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
  return { [shape.list]: (data as Record<string, unknown[]>)[shape.list]! };
}

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { yaml } from '../parse/yaml.js';
import { packageRoot } from './package-root.js';
import { readYamlFile } from './read-yaml-file.js';
import { checkRuleData } from './rule-schema.js';

const cache = new Map<string, unknown>();

/**
 * Loads rules/<name>.yml. The build checks each file against its schema and compiles it to
 * JSON under dist/data, so a plain lint pays for neither a YAML parser nor a validator. An
 * edited YAML file newer than its JSON wins, and is checked here. A rule with no data file
 * gets null.
 */
export function loadRuleData<T>(name: string): T {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as T;
  const yml = join(packageRoot, 'rules', `${name}.yml`);
  const json = join(packageRoot, 'dist', 'data', `${name}.json`);
  const jsonTime = mtime(json);
  const ymlTime = mtime(yml);
  let value: unknown = null;
  if (jsonTime !== undefined && jsonTime >= (ymlTime ?? 0)) value = JSON.parse(readFileSync(json, 'utf8'));
  else if (ymlTime !== undefined) {
    // The shipped files use anchors and aliases, so they are parsed without the cap user files get.
    value = readYamlFile(yml, 'fix the edit, or reinstall outreach-lint', (text) => yaml().parse(text));
    checkRuleData(yml, name, value);
  }
  cache.set(name, value);
  return value as T;
}

function mtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

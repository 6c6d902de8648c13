import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { yaml } from '../parse/yaml.js';

/** The package root: src/rules and dist/rules both sit two levels below it. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const cache = new Map<string, unknown>();

/**
 * Loads rules/<name>.yml. The build compiles each file to JSON under dist/data so a plain
 * lint does not pay for a YAML parser; an edited YAML file newer than its JSON wins. A rule
 * with no data file gets null.
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
  else if (ymlTime !== undefined) value = yaml().parse(readFileSync(yml, 'utf8'));
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

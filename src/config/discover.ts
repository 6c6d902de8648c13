import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lilconfigSync } from 'lilconfig';
import { InputError } from '../errors.js';
import { yaml, yamlData } from '../parse/yaml.js';
import { validateConfig, type ConfigFile } from './schema.js';

/** Config file names, searched in this order in each folder from the working directory up. */
export const CONFIG_FILES = [
  'outreach-lint.config.json',
  'outreach-lint.config.yaml',
  'outreach-lint.config.yml',
  '.outreachlintrc',
  '.outreachlintrc.json',
  '.outreachlintrc.yaml',
  '.outreachlintrc.yml',
  'package.json',
];

/** The package.json key that may hold the config. */
export const PACKAGE_KEY = 'outreach-lint';

export interface LoadedConfig {
  config: ConfigFile;
  /** The file it came from; undefined when none was found. */
  filepath?: string;
}

/** Finds the nearest config upward from `cwd` and validates it. */
export async function discoverConfig(cwd: string): Promise<LoadedConfig> {
  // The synchronous explorer: an async search spends a cold start waiting on a dozen stats.
  const explorer = lilconfigSync('outreach-lint', {
    searchPlaces: CONFIG_FILES,
    packageProp: PACKAGE_KEY,
    loaders: { '.json': parseJson, '.yaml': parseYaml, '.yml': parseYaml, noExt: parseYamlOrJson },
  });
  const found = explorer.search(cwd);
  if (!found || found.isEmpty) return found ? { config: {}, filepath: found.filepath } : { config: {} };
  return { config: validateConfig(found.filepath, found.config), filepath: found.filepath };
}

/** Loads the file named by --config. */
export function loadConfigFile(path: string): LoadedConfig {
  const filepath = resolve(path);
  if (!existsSync(filepath)) throw new InputError(path, 'config file not found', 'check the --config path');
  const text = readFileSync(filepath, 'utf8');
  const raw = filepath.endsWith('.json') ? parseJson(filepath, text) : parseYamlOrJson(filepath, text);
  const value = filepath.endsWith('package.json') ? (raw as Record<string, unknown>)[PACKAGE_KEY] : raw;
  return { config: validateConfig(filepath, value), filepath };
}

function parseJson(filepath: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(filepath, `is not valid JSON (${(e as Error).message})`, 'fix the JSON syntax');
  }
}

function parseYaml(filepath: string, text: string): unknown {
  const doc = yaml().parseDocument(text, { prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const line = text.slice(0, err.pos?.[0] ?? 0).split('\n').length;
    throw new InputError(`${filepath}:${line}`, `is not valid YAML (${err.message.split('\n')[0]})`, 'fix the YAML syntax');
  }
  try {
    return yamlData(doc);
  } catch (e) {
    // Too many alias expansions, or an alias to no anchor: the library throws a ReferenceError.
    throw new InputError(filepath, `is not valid YAML (${(e as Error).message.split('\n')[0]})`, 'fix the YAML syntax; a config has no need of aliases');
  }
}

function parseYamlOrJson(filepath: string, text: string): unknown {
  return text.trimStart().startsWith('{') ? parseJson(filepath, text) : parseYaml(filepath, text);
}

/** The folder a config's relative paths are resolved against. */
export function configBase(loaded: LoadedConfig, cwd: string): string {
  return loaded.filepath ? dirname(loaded.filepath) : cwd;
}

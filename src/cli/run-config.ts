import { resolve } from 'node:path';
import { configBase, discoverConfig, loadConfigFile } from '../config/discover.js';
import { resolveConfig, type ConfigOverrides, type ResolvedConfig } from '../config/resolve.js';
import { parseSize } from '../config/schema.js';
import { InputError } from '../errors.js';
import { allRules } from '../rules/index.js';

/** The flags every command that reads a config and a corpus shares. */
export interface ConfigFlags {
  config?: string;
  corpus?: string[];
  defaultCorpus: boolean;
}

/** The config a command runs with: --config or the nearest file, then --corpus and --no-default-corpus. */
export async function runConfig(cwd: string, flags: ConfigFlags, overrides: ConfigOverrides = {}): Promise<ResolvedConfig> {
  const loaded = flags.config ? loadConfigFile(resolve(cwd, flags.config)) : await discoverConfig(cwd);
  return resolveConfig(
    loaded.config,
    loaded.filepath,
    configBase(loaded, cwd),
    { ...overrides, ...(flags.corpus ? { corpus: flags.corpus.map((p) => resolve(cwd, p)) } : {}), ...(flags.defaultCorpus ? {} : { defaultCorpus: false }) },
    allRules,
  );
}

/** `--size-flag value` in bytes; the one wording of its error for every command that takes a size. */
export function sizeFlag(flag: string, value: string, example = '2MB, 512KB or a number of bytes'): number {
  return parseSize(value, () => new InputError(`${flag} ${value}`, 'is not a size', `write e.g. ${example}`));
}

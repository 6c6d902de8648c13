import { resolveConfig } from '../src/config/resolve.js';
import type { DraftMode } from '../src/kernel/types.js';
import { Linter } from '../src/linter.js';
import { allRules } from '../src/rules/index.js';

/** A linter with the default config, optionally with only some rules on. */
export function makeLinter(opts: { only?: string[]; mode?: DraftMode | 'auto' } = {}): Linter {
  const config = resolveConfig({}, undefined, process.cwd(), { mode: opts.mode ?? 'auto' }, allRules);
  if (opts.only) {
    for (const id of Object.keys(config.rules)) if (!opts.only.includes(id)) config.rules[id]!.severity = 'off';
  }
  return new Linter(config);
}

/** Lints text as a file of the given name and returns the single result. */
export async function lintOne(text: string, name = 'draft.md', opts: Parameters<typeof makeLinter>[0] = {}) {
  const results = await makeLinter(opts).lintText(text, name);
  if (results.length !== 1) throw new Error(`expected one draft, got ${results.length}`);
  return results[0]!;
}

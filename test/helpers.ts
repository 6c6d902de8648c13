import { resolveConfig } from '../src/config/resolve.js';
import type { DraftMode } from '../src/kernel/types.js';
import { OutreachLint } from '../src/outreach-lint.js';
import { allRules } from '../src/rules/index.js';

/** A linter with the default config and the shipped corpus, optionally with only some rules on. */
export async function makeLinter(opts: { only?: string[]; mode?: DraftMode | 'auto'; rules?: string[] } = {}): Promise<OutreachLint> {
  const config = resolveConfig({}, undefined, process.cwd(), { mode: opts.mode ?? 'auto', rules: opts.rules ?? [] }, allRules);
  if (opts.only) {
    for (const id of Object.keys(config.rules)) if (!opts.only.includes(id)) config.rules[id]!.severity = 'off';
  }
  return OutreachLint.create(config);
}

/** Lints text as a file of the given name and returns the single result. */
export async function lintOne(text: string, name = 'draft.md', opts: Parameters<typeof makeLinter>[0] = {}) {
  const results = await (await makeLinter(opts)).lintText(text, name);
  if (results.length !== 1) throw new Error(`expected one draft, got ${results.length}`);
  return results[0]!;
}

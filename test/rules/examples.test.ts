import { describe, expect, it } from 'vitest';
import { loadRuleData } from '../../src/fs/rule-data.js';
import { createLinter } from '../../src/index.js';
import type { Rule } from '../../src/kernel/rule.js';
import { exampleConfig, exampleFileName, type RuleExample } from '../../src/rules/example-config.js';
import { allRules } from '../../src/rules/index.js';

/** Lints an example with only its rule on, at the example's level and options, as the docs script does. */
async function lintExample(rule: Rule, ex: RuleExample) {
  const linter = await createLinter({ config: exampleConfig(rule, ex, allRules) as never });
  const results = await linter.lintText(ex.text, exampleFileName(ex));
  expect(results).toHaveLength(1);
  return results[0]!;
}

// Every rule's examples live in rules/<id>.yml; this one test runs them all, as ESLint's
// RuleTester runs valid and invalid cases with exact positions.
for (const rule of allRules) {
  const id = rule.meta.id;
  const data = loadRuleData<{ examples?: { flag?: RuleExample[]; pass?: RuleExample[] } } | null>(id);
  describe(`${id} examples`, () => {
    it('has examples that flag and examples that pass', () => {
      expect(data?.examples?.flag?.length ?? 0).toBeGreaterThan(0);
      expect(data?.examples?.pass?.length ?? 0).toBeGreaterThan(0);
    });
    for (const ex of data?.examples?.flag ?? []) {
      it(`flags: ${ex.name}`, async () => {
        const result = await lintExample(rule, ex);
        // Compare what each expectation names: position, message id, and details such as `phrase`.
        const got = result.findings.map((f) => {
          const want = ex.findings?.find((w) => w.line === f.line && w.column === f.column);
          const e: Record<string, unknown> = { messageId: f.messageId, line: f.line, column: f.column };
          for (const key of Object.keys(want ?? {})) if (!(key in e)) e[key] = key in f ? (f as unknown as Record<string, unknown>)[key] : f.details?.[key];
          return e;
        });
        expect(got).toEqual(ex.findings);
      });
    }
    for (const ex of data?.examples?.pass ?? []) {
      it(`passes: ${ex.name}`, async () => {
        const result = await lintExample(rule, ex);
        expect(result.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    }
  });
}

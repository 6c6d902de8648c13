import { describe, expect, it } from 'vitest';
import { loadRuleData } from '../../src/fs/rule-data.js';
import { createLinter } from '../../src/index.js';
import type { RuleLevel } from '../../src/kernel/types.js';
import { allRules } from '../../src/rules/index.js';

interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  [extra: string]: unknown;
}
interface Example {
  name: string;
  text: string;
  mode?: 'draft' | 'template';
  /** The rule's level and options for this example; the defaults when absent. */
  severity?: RuleLevel;
  options?: Record<string, unknown>;
  findings?: ExpectedFinding[];
}

/** Lints an example with only its rule on, at the example's level and options, as the docs script does. */
async function lintExample(id: string, ex: Example) {
  const rules: Record<string, unknown> = Object.fromEntries(allRules.map((r) => [r.meta.id, 'off']));
  rules[id] = [ex.severity ?? allRules.find((r) => r.meta.id === id)!.meta.defaultSeverity, ex.options ?? {}];
  const linter = await createLinter({ config: { rules, ...(ex.mode ? { mode: ex.mode } : {}) } as never });
  const results = await linter.lintText(ex.text, 'example.md');
  expect(results).toHaveLength(1);
  return results[0]!;
}

// Every rule's examples live in rules/<id>.yml; this one test runs them all, as ESLint's
// RuleTester runs valid and invalid cases with exact positions.
for (const rule of allRules) {
  const id = rule.meta.id;
  const data = loadRuleData<{ examples?: { flag?: Example[]; pass?: Example[] } } | null>(id);
  describe(`${id} examples`, () => {
    it('has examples that flag and examples that pass', () => {
      expect(data?.examples?.flag?.length ?? 0).toBeGreaterThan(0);
      expect(data?.examples?.pass?.length ?? 0).toBeGreaterThan(0);
    });
    for (const ex of data?.examples?.flag ?? []) {
      it(`flags: ${ex.name}`, async () => {
        const result = await lintExample(id, ex);
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
        const result = await lintExample(id, ex);
        expect(result.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    }
  });
}

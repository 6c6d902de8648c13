import { describe, expect, it } from 'vitest';
import { loadRuleData } from '../../src/fs/rule-data.js';
import { allRules } from '../../src/rules/index.js';
import { lintOne } from '../helpers.js';

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
  findings?: ExpectedFinding[];
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
        const result = await lintOne(ex.text, 'example.md', { only: [id], mode: ex.mode ?? 'auto' });
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
        const result = await lintOne(ex.text, 'example.md', { only: [id], mode: ex.mode ?? 'auto' });
        expect(result.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    }
  });
}

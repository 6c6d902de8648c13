import { describe, expect, it } from 'vitest';
import { loadRuleData } from '../../src/rules/data.js';
import { allRules } from '../../src/rules/index.js';
import { lintOne } from '../helpers.js';

interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
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
        const got = result.findings.map((f) => {
          const e: ExpectedFinding = { messageId: f.messageId as string, line: f.line, column: f.column };
          const want = ex.findings?.find((w) => w.line === f.line && w.column === f.column);
          if (want?.endLine !== undefined) e.endLine = f.endLine;
          if (want?.endColumn !== undefined) e.endColumn = f.endColumn;
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

import { describe, expect, it } from 'vitest';
import { makeLinter } from './helpers.js';

describe('OutreachLint', () => {
  it("a request's rule levels reuse the data prepared once per linter, so matchers built on it are not rebuilt", async () => {
    const linter = await makeLinter();
    const configured = new Map(linter.rules.map((r) => [r.rule.meta.id, r]));
    const changed = linter.rulesWith({ 'stock-phrase': 'error', 'vague-personalization': 'info', 'signal-unused': 'off' }, '<request>');
    expect(changed.map((r) => [r.rule.meta.id, r.severity])).toEqual([
      ['unresolved-placeholder', 'error'],
      ['corpus-similarity', 'error'],
      ['stock-sentence', 'warning'],
      ['stock-phrase', 'error'],
      ['merge-only-personalization', 'warning'],
      ['vague-personalization', 'info'],
      ['missing-signal', 'warning'],
      ['length', 'warning'],
      ['reading-level', 'warning'],
      ['question-count', 'warning'],
      ['subject-line', 'warning'],
      ['links', 'warning'],
      ['tracking-and-images', 'warning'],
      ['spam-trigger', 'warning'],
      ['opt-out', 'warning'],
      ['language', 'info'],
    ]);
    for (const r of changed) expect(r.data, r.rule.meta.id).toBe(configured.get(r.rule.meta.id)!.data);
    // Asking twice gives the same data again, not a fresh copy.
    expect(linter.rulesWith({ 'stock-phrase': 'warn' }, '<request>').find((r) => r.rule.meta.id === 'stock-phrase')!.data).toBe(
      configured.get('stock-phrase')!.data,
    );
  });

  it('a rule switched off in the config can be switched on by a request, with its data', async () => {
    const linter = await makeLinter({ rules: ['stock-phrase:off'] });
    expect(linter.rules.some((r) => r.rule.meta.id === 'stock-phrase')).toBe(false);
    const result = await linter.lintPayload({ body: 'Hi Ana,\n\nJust circling back on this.\n' }, '<request>', { 'stock-phrase': 'warn' });
    expect(result.findings.filter((f) => f.ruleId === 'stock-phrase').map((f) => [f.line, f.column, f.details?.phrase])).toEqual([[3, 6, 'circle-back']]);
  });
});

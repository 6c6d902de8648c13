import { describe, expect, it } from 'vitest';
import { createLinter, InputError } from '../src/index.js';

describe('library API', () => {
  it('lints text with a config object', async () => {
    const linter = await createLinter({ config: { mode: 'draft', rules: { 'missing-signal': 'off', 'stock-phrase': 'off' } } });
    const [r] = await linter.lintText('Subject: Hi\n\nHi {{first_name}},\nThe Reno depot opened on 3 May.', 'draft.md');
    expect(r).toMatchObject({ filePath: 'draft.md', verdict: 'block', score: 70, errorCount: 1 });
    expect(r!.findings[0]).toMatchObject({ ruleId: 'unresolved-placeholder', line: 3, column: 4 });
  });

  it('throws an InputError for a bad config object', async () => {
    await expect(createLinter({ config: { mode: 'sometimes' } as never })).rejects.toBeInstanceOf(InputError);
  });
});

import { describe, expect, it } from 'vitest';
import { createLinter, InputError } from '../src/index.js';

describe('library API', () => {
  it('lints text with a config object', async () => {
    const linter = await createLinter({ config: { mode: 'draft', rules: { 'missing-signal': 'off', 'stock-phrase': 'off' } } });
    const [r] = await linter.lintText('Subject: Hi\n\nHi {{first_name}},\nThe Reno depot opened on 3 May.', 'draft.md');
    expect(r).toMatchObject({ filePath: 'draft.md', verdict: 'block', score: 64, errorCount: 1 });
    // 30 for the placeholder, 3 each for the form rules length (too short) and question-count (no question).
    expect(r!.scoreBreakdown).toEqual([
      { ruleId: 'unresolved-placeholder', points: 30, findings: 1 },
      { ruleId: 'length', points: 3, findings: 1, group: 'form' },
      { ruleId: 'question-count', points: 3, findings: 1, group: 'form' },
    ]);
    expect(r!.findings.find((f) => f.severity === 'error')).toMatchObject({ ruleId: 'unresolved-placeholder', line: 3, column: 4 });
  });

  it('throws an InputError for a bad config object', async () => {
    await expect(createLinter({ config: { mode: 'sometimes' } as never })).rejects.toBeInstanceOf(InputError);
  });
});

describe('library API: lintText options and lintFiles', () => {
  it('applies prospect, signal and mode given as options', async () => {
    const linter = await createLinter({ config: {} });
    const [r] = await linter.lintText('Hi Ana,\n\nWe help teams like yours at Tern Freight.', {
      filePath: 'x.txt',
      prospect: { firstName: 'Ana', company: 'Tern Freight' },
    });
    expect(r!.findings.map((f) => f.ruleId)).toContain('merge-only-personalization');
    const [withSignal] = await linter.lintText('Hi Ana,\n\nWe help teams.', {
      prospect: { company: 'Tern Freight' },
      signal: { type: 'expansion', text: 'Opened a Reno depot on 3 March' },
    });
    expect(withSignal!.findings.map((f) => f.ruleId)).toContain('signal-unused');
    const [template] = await linter.lintText('Hi {{first_name}},', { mode: 'draft' });
    expect(template!.mode).toBe('draft');
    expect(template!.verdict).toBe('block');
  });

  it('holds a signal given as an option to the same concreteness check', async () => {
    const linter = await createLinter({ config: {} });
    for (const signal of ['ok', '', { text: 'they are growing' }]) {
      const [r] = await linter.lintText('Hi Ana,\n\nWe help teams like yours at Tern Freight.', {
        prospect: { firstName: 'Ana', company: 'Tern Freight' },
        signal,
      });
      expect(r!.verdict).toBe('needs-signal');
      expect(r!.findings.map((f) => `${f.ruleId}:${f.messageId}`)).toEqual(
        expect.arrayContaining(['missing-signal:weakSignal', 'merge-only-personalization:draft']),
      );
    }
    await expect(linter.lintText('Hi Ana, we help teams.', { signal: { type: 'rumour', text: 'Opened a Reno depot on 3 March' } })).rejects.toThrow(
      /^<text>\.txt: "signal\.type" is "rumour", not a signal type; use one of: other, /,
    );
  });

  it('lints files by glob and returns JSON-contract results', async () => {
    const linter = await createLinter({ config: {} });
    const results = await linter.lintFiles(['examples/*.md']);
    expect(results.map((r) => r.filePath.replace(/.*examples\//, ''))).toEqual([
      'half-rendered.md',
      'quick-question.template.md',
      'researched.md',
      'signal-not-used.md',
    ]);
    const json = JSON.parse(JSON.stringify(results[0]));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['filePath', 'verdict', 'score', 'findings', 'errorCount', 'warningCount']));
    expect(json.draft).toBeUndefined();
    await expect(linter.lintFiles(['nothing/*.md'])).rejects.toThrow('nothing/*.md: no files match this glob');
  });
});

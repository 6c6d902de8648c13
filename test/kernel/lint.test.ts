import { describe, expect, it } from 'vitest';
import { lintDraft, type ActiveRule } from '../../src/kernel/lint.js';
import type { Rule } from '../../src/kernel/rule.js';
import type { Draft, Report, Severity } from '../../src/kernel/types.js';
import { lintOne } from '../helpers.js';

const BODY = 'Alpha beta gamma. Delta epsilon.';

function draft(): Draft {
  const map = { toPosition: (offset: number) => ({ line: 1, column: offset + 1 }) };
  return {
    filePath: 'd.txt',
    format: 'text',
    source: BODY,
    body: { text: BODY, map },
    prospect: {},
    placeholders: [],
    regions: [],
    mode: 'draft',
    attributes: {},
    anchor: { line: 1, column: 1 },
  };
}

function rule(id: string, reports: Report[], meta: Partial<Rule['meta']> = {}): Rule {
  return {
    meta: {
      id,
      type: 'suggestion',
      description: id,
      defaultSeverity: 'warning',
      messages: { whole: 'whole', part: 'part', ask: 'ask' },
      options: {},
      docs: `docs/rules/${id}.md`,
      ...meta,
    },
    check: () => reports,
  };
}

const on = (r: Rule, severity: Severity = 'warning'): ActiveRule => ({ rule: r, severity, options: {}, data: null });
const sentence = (start: number, end: number, messageId = 'whole'): Report => ({ messageId, part: 'body', start, end });

describe('the kernel', () => {
  it('drops a finding inside the span of a finding of a rule whose meta supersedes it, and only of the messages it names', () => {
    const inner = rule('inner', [sentence(0, 5, 'part'), sentence(18, 23, 'part')]);
    const outer = rule('outer', [sentence(0, 17), sentence(18, 32, 'ask')], { supersedes: [{ rule: 'inner', messages: ['whole'] }] });
    const result = lintDraft(draft(), [on(inner), on(outer)]);
    expect(result.findings.map((f) => [f.ruleId, f.column, f.endColumn])).toEqual([
      ['outer', 1, 18],
      ['inner', 19, 24],
      ['outer', 19, 33],
    ]);
    // Without the superseding rule on, nothing is dropped.
    expect(lintDraft(draft(), [on(inner)]).findings).toHaveLength(2);
  });

  it('reports at most at the configured severity: a rule may lower a finding, never raise it', () => {
    const loud = rule('loud', [
      { ...sentence(0, 5), severity: 'error' },
      { ...sentence(6, 10), severity: 'info' },
    ]);
    expect(lintDraft(draft(), [on(loud, 'warning')]).findings.map((f) => f.severity)).toEqual(['warning', 'info']);
    expect(lintDraft(draft(), [on(loud, 'error')]).findings.map((f) => f.severity)).toEqual(['error', 'info']);
    expect(lintDraft(draft(), [on(loud, 'info')]).findings.map((f) => f.severity)).toEqual(['info', 'info']);
  });

  it("takes needs-signal and the rep's question from the meta of the rule that reports it", () => {
    const prompt = { question: 'Which fact?', types: [], answer: 'Answer with --signal' };
    const asks = rule('asks', [{ ...sentence(0, 5, 'ask'), prompt }], { verdict: 'needs-signal' });
    const result = lintDraft(draft(), [on(asks)]);
    expect(result.verdict).toBe('needs-signal');
    expect(result.prompt).toEqual(prompt);
    expect(result.findings[0]).not.toHaveProperty('prompt');
    // A rule whose meta does not say so neither asks nor holds the draft.
    const other = lintDraft(draft(), [on(rule('plain', [{ ...sentence(0, 5, 'ask'), prompt }]))]);
    expect([other.verdict, other.prompt]).toEqual(['revise', undefined]);
  });

  it("keeps a rule's details apart from the fields every finding has", () => {
    const sneaky = rule('sneaky', [{ ...sentence(0, 5), details: { line: 99, message: 'overwritten', phrase: 'x' } }]);
    const [f] = lintDraft(draft(), [on(sneaky)]).findings;
    expect(f).toMatchObject({ line: 1, column: 1, message: 'whole', details: { line: 99, message: 'overwritten', phrase: 'x' } });
  });
});

describe('stock-sentence over stock-phrase, with the shipped rules', () => {
  const text =
    'Hi Ana,\n\nI hope this message finds you well. I wanted to follow up on my previous emails regarding ESG reporting at Brackwater, as I understand that your inbox is likely very full.\n';
  it('a cliché inside a sentence that stands verbatim in the corpus is reported once, as the stock sentence', async () => {
    const both = await lintOne(text, 'draft.md', { only: ['stock-sentence', 'stock-phrase'] });
    const phrases = both.findings.filter((f) => f.ruleId === 'stock-phrase');
    const sentences = both.findings.filter((f) => f.ruleId === 'stock-sentence');
    expect(sentences.map((f) => [f.line, f.column, f.messageId])).toEqual([
      [3, 1, 'stock'],
      [3, 37, 'stock'],
    ]);
    expect(phrases).toEqual([]);
    const alone = await lintOne(text, 'draft.md', { only: ['stock-phrase'] });
    expect(alone.findings.map((f) => [f.line, f.column, f.details?.phrase])).toEqual([
      [3, 3, 'hope-finds-you-well'],
      [3, 39, 'just-following-up'],
    ]);
  });

  it("keeps a form rule's warnings out of the verdict and its points in a group of their own, but lets its error block", () => {
    const form = rule('form-check', [sentence(0, 5)], { group: 'form', points: 3, maxPoints: 3 });
    const context = rule('context-check', [sentence(6, 10)]);
    const alone = lintDraft(draft(), [on(form)]);
    expect(alone.verdict).toBe('pass');
    expect(alone.score).toBe(97);
    expect(alone.scoreBreakdown).toEqual([{ ruleId: 'form-check', points: 3, findings: 1, group: 'form' }]);
    const both = lintDraft(draft(), [on(form), on(context)]);
    expect(both.verdict).toBe('revise');
    expect(both.scoreBreakdown).toEqual([
      { ruleId: 'context-check', points: 12, findings: 1 },
      { ruleId: 'form-check', points: 3, findings: 1, group: 'form' },
    ]);
    // A team that raises a form rule to error gets a hard pre-send block.
    expect(lintDraft(draft(), [on(form, 'error')]).verdict).toBe('block');
  });

  it('reports the form metrics of every draft, whether or not a rule fired', () => {
    // Flesch-Kincaid: 0.39 × 5/2 words a sentence + 11.8 × 11/5 syllables a word − 15.59 = 11.3.
    expect(lintDraft(draft(), []).metrics).toEqual({ words: 5, sentences: 2, grade: 11.3, questions: 0, links: 0 });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBrowserLinter, type BrowserAssets } from '../../src/browser/browser-linter.js';
import { isInputError } from '../../src/errors.js';
import { makeLinter } from '../helpers.js';

const DATA = 'dist/data';
/** What the extension bundles, read here from the build's output as its worker fetches it. */
function assets(settings?: unknown): BrowserAssets {
  const data: Record<string, unknown> = {};
  for (const f of readdirSync(DATA)) if (f.endsWith('.json')) data[f.slice(0, -5)] = JSON.parse(readFileSync(join(DATA, f), 'utf8'));
  const bytes = (f: string) => new Uint8Array(readFileSync(join(DATA, f)));
  return { data, corpusIndex: bytes('corpus-index.bin'), wordVectors: bytes('word-vectors.bin'), englishWords: bytes('english-words.bin'), settings };
}

const browser = createBrowserLinter(assets());
const cli = await makeLinter();

const BODY = 'Hi Dana,\n\nI hope this email finds you well. We help companies like yours grow revenue with our platform.\n\nBest,\nSam';

describe('the browser shell', () => {
  it('judges every synthetic eval email exactly as the CLI does', async () => {
    const files = ['generic', 'merge-only', 'vague', 'researched', 'research-slot', 'holdout'].flatMap((d) =>
      readdirSync(join('eval', d))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join('eval', d, f)),
    );
    expect(files.length).toBeGreaterThan(200);
    // The shipped corpus index, read from its bytes.
    expect(browser.corpusMessages).toBe(968);
    for (const file of files) {
      const [want] = await cli.lintFile(file);
      const d = want!.draft;
      const prospect = Object.fromEntries(Object.entries(d.prospect).map(([k, f]) => [k, f.value]));
      const got = browser.lint({ ...(d.subject ? { subject: d.subject.text } : {}), body: d.body.text, prospect, ...(d.signal ? { signal: d.signal } : {}) });
      const shape = (r: { verdict: string; score: number; findings: Array<{ ruleId: string; message: string }> }) => ({
        verdict: r.verdict,
        score: r.score,
        findings: r.findings.map((f) => `${f.ruleId}: ${f.message}`).sort(),
      });
      expect(shape(got), file).toEqual(shape(want!));
    }
  });

  it('says where each finding is in the subject input or the body, and leaves whole-email findings without a span', () => {
    const r = browser.lint({ subject: 'QUICK QUESTION!!', body: BODY });
    const at = (id: string) => r.findings.filter((f) => f.ruleId === id).map((f) => f.span);
    expect(at('subject-line')).toEqual([
      { field: 'subject', start: 0, end: 16 },
      { field: 'subject', start: 14, end: 16 },
    ]);
    expect(at('missing-signal')).toEqual([undefined]);
    const stock = r.findings.find((f) => f.ruleId === 'stock-sentence')!;
    expect(BODY.slice(stock.span!.start, stock.span!.end)).toBe('I hope this email finds you well.');
  });

  it('lints a body with no subject field, and a body that opens with "---" as text, not front matter', () => {
    const plain = browser.lint({ body: BODY });
    expect(plain.findings.find((f) => f.ruleId === 'stock-sentence')!.span).toEqual({ field: 'body', start: 10, end: 43 });
    const dashes = browser.lint({ body: `---\n${BODY}` });
    expect(dashes.verdict).toBe('needs-signal');
    expect(dashes.findings.find((f) => f.ruleId === 'stock-sentence')!.span).toEqual({ field: 'body', start: 14, end: 47 });
  });

  it("holds the draft to the rep's signal, and checks a signal with the CLI's own concreteness check", () => {
    const signal = { type: 'launch', text: 'Launched the Tessaro Harbor app for fleet drivers on 12 November' };
    expect(browser.lint({ body: BODY, signal }).findings.map((f) => f.ruleId)).toContain('signal-unused');
    expect(browser.signalWeakness("they're growing", { body: BODY })).toBe('it has 2 words; one concrete fact takes at least four');
    expect(browser.signalWeakness(signal.text, { body: BODY })).toBeUndefined();
    expect(browser.signalTypes.map((t) => t.id)).toContain('funding');
  });

  it('applies a team settings file as the CLI reads one, and refuses a bad one in one line', () => {
    const team = createBrowserLinter(assets({ rules: { 'stock-phrase': 'off', 'missing-signal': 'error' } }));
    const r = team.lint({ body: BODY });
    expect(r.findings.some((f) => f.ruleId === 'stock-phrase')).toBe(false);
    expect(r.verdict).toBe('block');
    let caught: unknown;
    try {
      createBrowserLinter(assets({ rules: { 'stock-phrases': 'off' } }));
    } catch (e) {
      caught = e;
    }
    expect(isInputError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/^team settings: "rules\.stock-phrases" names no rule "stock-phrases"; known rules: .*stock-phrase/);
    expect((caught as Error).message).not.toContain('\n');
  });
});

/**
 * The shell the browser extension runs: the same kernel, rules, rule data and corpus index as
 * the CLI, handed in as bytes and objects instead of read from files, so it works with no file
 * system and no network. It lints what a compose box holds (a subject and a body) and says
 * where each finding is in those two fields.
 */
import { provideWordFilter } from '../analysis/english-words.js';
import { signalWeakness, type SignalData } from '../analysis/analyze.js';
import { resolveRuleSettings } from '../config/rule-settings.js';
import { validateConfig } from '../config/schema.js';
import { CorpusIndex } from '../corpus/corpus-index.js';
import { provideWordVectors, WordVectors } from '../corpus/word-vectors.js';
import { lintDraft, type ActiveRule } from '../kernel/lint.js';
import { ownRuleData } from '../kernel/own-rule-data.js';
import type { KernelServices } from '../kernel/rule.js';
import type { Draft, Finding, LintResult, Signal } from '../kernel/types.js';
import { readProspect } from '../parse/front-matter.js';
import { parseEnvOf } from '../parse/parse-env-of.js';
import { LineIndex } from '../parse/source-map.js';
import { parseTextDraft } from '../parse/text-draft.js';
import { allRules } from '../rules/index.js';

/** What the extension bundles: dist/data's JSON by name, and the three binary tables. */
export interface BrowserAssets {
  /** Rule data and lexicons by file name (`signals`, `stock-phrase`…), as dist/data holds them. */
  data: Record<string, unknown>;
  corpusIndex?: Uint8Array;
  wordVectors?: Uint8Array;
  englishWords?: Uint8Array;
  /** A team's settings in the shape of a config file; only `rules` applies in a browser. */
  settings?: unknown;
}

/** What a compose box holds. */
export interface ComposeDraft {
  /** The subject input's text; undefined when the box has no subject field. */
  subject?: string;
  body: string;
  /** From the To field: `email`, `full_name`, `first_name`… */
  prospect?: Record<string, string>;
  signal?: { type?: string; text: string };
}

/** Where a finding is in the compose box: its field and offsets into that field's text. */
export interface ComposeSpan {
  field: 'subject' | 'body';
  start: number;
  end: number;
}

export interface ComposeFinding extends Finding {
  /** Undefined for a finding about the whole draft. */
  span?: ComposeSpan;
}

export interface ComposeResult extends Omit<LintResult, 'findings'> {
  findings: ComposeFinding[];
}

export interface BrowserLinter {
  lint(draft: ComposeDraft): ComposeResult;
  /** Why a signal the rep typed is not concrete, or undefined when it is: the CLI's own check. */
  signalWeakness(text: string, draft: ComposeDraft): string | undefined;
  /** The signal types the question offers, with a label and an example each. */
  readonly signalTypes: ReadonlyArray<{ id: string; label: string; example: string }>;
  /** How many messages the corpus index holds; undefined without one. */
  readonly corpusMessages: number | undefined;
}

const SUBJECT_PREFIX = 'Subject: ';

/** Builds a linter from bundled assets. Throws an InputError when the team settings are wrong. */
export function createBrowserLinter(assets: BrowserAssets): BrowserLinter {
  const load = (name: string) => assets.data[name] ?? null;
  const { wordVectors, englishWords } = assets;
  if (wordVectors) provideWordVectors(() => WordVectors.fromBytes(wordVectors));
  if (englishWords) provideWordFilter(() => englishWords);
  const settings = resolveRuleSettings(validateConfig('team settings', assets.settings).rules, 'team settings', allRules);
  const rules: ActiveRule[] = allRules.flatMap((rule) => {
    const { severity, options } = settings[rule.meta.id]!;
    if (severity === 'off') return [];
    const raw = ownRuleData(rule.meta.id, rule.meta.uses ?? [], load);
    return [{ rule, severity, options, data: rule.prepare ? rule.prepare(raw) : raw }];
  });
  const services: KernelServices = {};
  if (assets.corpusIndex) services.corpus = CorpusIndex.fromBytes(assets.corpusIndex);
  const env = parseEnvOf(load);
  const signals = load('signals') as SignalData;

  const parse = (draft: ComposeDraft): { parsed: Draft; text: string; bodyStart: number } => {
    // The subject goes on a `Subject:` line as in a .txt draft; a body with no subject field
    // that opens with "---" must not be read as front matter, so it gets a blank line first.
    const head = draft.subject !== undefined ? `${SUBJECT_PREFIX}${draft.subject.replace(/[\r\n]+/g, ' ')}\n` : /^---/.test(draft.body) ? '\n' : '';
    const text = head + draft.body;
    const parsed = parseTextDraft('compose.txt', text, 'text', { ...env, prospect: readProspect('compose box', draft.prospect ?? {}) });
    parsed.detached = true;
    if (draft.signal?.text) {
      const signal: Signal = { text: draft.signal.text };
      if (draft.signal.type) signal.type = draft.signal.type;
      parsed.signal = signal;
    }
    return { parsed, text, bodyStart: head.length };
  };

  return {
    signalTypes: signals.types.map((t) => ({ id: t.id, label: t.label, example: t.example })),
    corpusMessages: services.corpus?.n,
    lint(draft) {
      const { parsed, text, bodyStart } = parse(draft);
      const result = lintDraft(parsed, rules, services);
      const index = new LineIndex(text);
      const subjectStart = SUBJECT_PREFIX.length;
      const findings = result.findings.map((f): ComposeFinding => {
        const start = index.offset({ line: f.line, column: f.column });
        const end = index.offset({ line: f.endLine, column: f.endColumn });
        // A finding at the draft's anchor with no extent is about the whole draft.
        if (start === end && f.line === parsed.anchor.line && f.column === parsed.anchor.column) return f;
        if (draft.subject !== undefined && start < bodyStart) {
          return { ...f, span: { field: 'subject', start: Math.max(0, start - subjectStart), end: Math.max(0, Math.min(end, bodyStart - 1) - subjectStart) } };
        }
        return { ...f, span: { field: 'body', start: start - bodyStart, end: end - bodyStart } };
      });
      return { ...result, findings };
    },
    signalWeakness(text, draft) {
      return signalWeakness(text, parse(draft).parsed, signals, services.corpus);
    },
  };
}

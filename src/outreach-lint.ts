import { resolve } from 'node:path';
import { InputError } from './errors.js';
import { readDraftFile } from './fs/read-draft-file.js';
import { useShippedData } from './fs/shipped-data.js';
import { closest } from './corpus/dice.js';
import type { ResolvedConfig } from './config/resolve.js';
import { lintDraft, type ActiveRule } from './kernel/lint.js';
import type { KernelServices, Rule } from './kernel/rule.js';
import type { Draft, DraftMode, LintResult } from './kernel/types.js';
import type { ParseEnv } from './parse/build-draft.js';
import { parseDrafts, type ParseOptions } from './parse/parse-file.js';
import { readProspect, readSignal } from './parse/front-matter.js';
import { readPayload, type PayloadPaths } from './parse/payload.js';
import { draftOf } from './parse/payload-draft.js';
import { parseLevel } from './config/schema.js';
import { readSidecar, signalHome } from './signal/store.js';
import { loadUserRuleData } from './fs/user-rule-data.js';
import { createParseEnv } from './parse/parse-env.js';
import { loadRuleData } from './fs/rule-data.js';
import { ownRuleData } from './kernel/own-rule-data.js';
import { allRules } from './rules/index.js';
import type { SignalData } from './analysis/analyze.js';

export interface LintTextOptions {
  /** Name of the draft; its extension picks the parser (.txt, .md, .eml, .html, .json). */
  filePath?: string;
  /** Prospect profile fields, snake_case or camelCase. */
  prospect?: Record<string, unknown>;
  /** A research signal, as in front matter: `{ type, text, captured_at }` or the text. */
  signal?: unknown;
  mode?: DraftMode;
}

/** A lint result with the draft it came from, for formatters that show the offending line. */
export interface DraftResult extends LintResult {
  readonly draft: Draft;
}

/**
 * The I/O shell every entry point shares (the CLI, the server, the review, the library): it
 * loads rule data and the corpus once, reads and parses files, and hands each draft to the
 * kernel's `lintDraft`, which reads no file and runs anywhere. ESLint draws the same line
 * between its `ESLint` class and its `Linter`.
 */
export class OutreachLint {
  readonly rules: ActiveRule[];
  readonly env: ParseEnv;
  /** The signal types of rules/signals.yml; a saved signal must be one of them, or "other". */
  private readonly signalTypes: ReadonlySet<string>;
  /**
   * Each rule's options and data, prepared the first time the rule is on (in the config or in
   * a request), so that a request that changes levels reuses the same data objects and the
   * matchers built on them, and a rule that is off costs nothing.
   */
  private readonly prepared = new Map<string, Omit<ActiveRule, 'severity'>>();
  private readonly byId: ReadonlyMap<string, Rule>;

  constructor(
    readonly config: ResolvedConfig,
    readonly services: KernelServices = {},
    registry: readonly Rule[] = allRules,
  ) {
    useShippedData();
    this.env = createParseEnv(config.mode);
    this.signalTypes = new Set(['other', ...loadRuleData<SignalData>('signals').types.map((t) => t.id)]);
    this.byId = new Map(registry.map((r) => [r.meta.id, r]));
    this.rules = registry.flatMap((rule) => {
      const severity = config.rules[rule.meta.id]?.severity;
      return severity && severity !== 'off' ? [{ ...this.prepare(rule), severity }] : [];
    });
  }

  /** A rule's options and its data with a team's entries merged in and its prepare step run, once. */
  private prepare(rule: Rule): Omit<ActiveRule, 'severity'> {
    let ready = this.prepared.get(rule.meta.id);
    if (!ready) {
      const options = this.config.rules[rule.meta.id]?.options ?? {};
      const raw = withUserData(ownRuleData(rule.meta.id, rule.meta.uses ?? [], loadRuleData), rule, this.config.ruleData[rule.meta.id]);
      const data = rule.prepare ? rule.prepare(raw) : raw;
      checkIds(rule, options, data, this.config.configFile ?? 'config');
      this.prepared.set(rule.meta.id, (ready = { rule, options, data }));
    }
    return ready;
  }

  /**
   * A linter with its services loaded: the corpus index when a corpus rule is on. Corpus
   * files that cannot be read are passed to onFileError and left out.
   */
  static async create(
    config: ResolvedConfig,
    opts: { parse?: ParseOptions; onFileError?: (e: InputError) => void; cacheDir?: string; prospect?: Record<string, string> } = {},
  ): Promise<OutreachLint> {
    const services: KernelServices = {};
    const needsCorpus = allRules.some((r) => r.meta.services?.includes('corpus') && config.rules[r.meta.id] && config.rules[r.meta.id]!.severity !== 'off');
    if (needsCorpus) {
      const { loadCorpus } = await import('./corpus/load-corpus.js');
      const loaded = await loadCorpus(createParseEnv(), {
        paths: config.corpus,
        useDefault: config.defaultCorpus,
        ...(opts.parse ? { parse: opts.parse } : {}),
        ...(opts.onFileError ? { onFileError: opts.onFileError } : {}),
        ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
      });
      if (loaded) services.corpus = loaded.index;
    }
    const linter = new OutreachLint(config, services);
    if (opts.parse) linter.parseOptions = opts.parse;
    if (opts.prospect) linter.env.prospect = readProspect('--prospect', opts.prospect);
    return linter;
  }

  /** Options for formats that take them (CSV columns). */
  parseOptions: ParseOptions = {};

  /** Lints one draft that is already parsed, with the configured rules or the ones given. */
  lintDraft(draft: Draft, rules: ActiveRule[] = this.rules): DraftResult {
    this.checkSignalType(draft);
    const result = lintDraft(draft, rules, this.services);
    Object.defineProperty(result, 'draft', { value: draft, enumerable: false });
    return result as DraftResult;
  }

  /**
   * Every path a signal comes in by (front matter, a sidecar, JSON, HTTP, the library) passes
   * here, so an unknown type is refused once, naming the field, instead of being taken as a
   * signal of no known kind.
   */
  private checkSignalType(draft: Draft): void {
    const type = draft.signal?.type;
    if (type === undefined || this.signalTypes.has(type)) return;
    const at = draft.signal!.position;
    const where = `${draft.filePath}${draft.index !== undefined ? `[${draft.index}]` : ''}${at ? `:${at.line}:${at.column}` : ''}`;
    throw new InputError(
      where,
      `"signal.type" is ${JSON.stringify(type)}, not a signal type`,
      `use one of: ${[...this.signalTypes].join(', ')}, or leave it out`,
      'signal.type',
    );
  }

  /** Lints the drafts in some bytes; `name` picks the parser by its extension. */
  async lintBytes(name: string, bytes: Uint8Array): Promise<DraftResult[]> {
    return this.parseAndLint(name, bytes, this.env, detach);
  }

  /** The one path from bytes to results; `adjust` sets what the caller knows besides the file. */
  private async parseAndLint(name: string, bytes: Uint8Array, env: ParseEnv, adjust?: (d: Draft) => void): Promise<DraftResult[]> {
    const out: DraftResult[] = [];
    await this.parseAndLintEach(name, bytes, env, adjust, (r) => {
      out.push(r);
    });
    return out;
  }

  /**
   * parseAndLint a draft at a time: each result goes to `each` (with how many drafts the file
   * holds) and is let go, with the analysis memoised on its draft, before the next is linted.
   * So a CSV export of thousands of rows never holds all their analyses at once.
   */
  private async parseAndLintEach(
    name: string,
    bytes: Uint8Array,
    env: ParseEnv,
    adjust: ((d: Draft) => void) | undefined,
    each: (r: DraftResult, drafts: number) => void | Promise<void>,
  ): Promise<void> {
    const drafts: Array<Draft | undefined> = await parseDrafts(name, bytes, env, this.parseOptions);
    for (let i = 0; i < drafts.length; i++) {
      const d = drafts[i]!;
      drafts[i] = undefined;
      adjust?.(d);
      await each(this.lintDraft(d), drafts.length);
    }
  }

  /**
   * Lints text, by default as a .txt draft (`filePath` picks the format by its extension).
   * `prospect`, `signal` and `mode` apply as if they were in the draft's front matter.
   */
  async lintText(text: string, options: string | LintTextOptions = {}): Promise<DraftResult[]> {
    const opts = typeof options === 'string' ? { filePath: options } : options;
    const name = opts.filePath ?? '<text>.txt';
    const env = { ...this.env };
    if (opts.prospect) env.prospect = { ...(env.prospect ?? {}), ...readProspect(name, opts.prospect) };
    if (opts.mode) env.mode = opts.mode;
    const signal = opts.signal === undefined ? undefined : readSignal(name, opts.signal);
    return this.parseAndLint(name, new TextEncoder().encode(text), env, (d) => {
      detach(d);
      if (signal) d.signal = signal;
    });
  }

  /** Lints a JSON payload as the HTTP server receives it, optionally with rule levels of its own. */
  async lintPayload(payload: unknown, name = '<request>', rules?: Record<string, unknown>, named: PayloadPaths = {}): Promise<DraftResult> {
    const draft = await draftOf(name, readPayload(name, payload, this.env.payloads, named), this.env);
    detach(draft);
    return this.lintDraft(draft, rules ? this.rulesWith(rules, name) : this.rules);
  }

  /** The active rules with some levels changed, as a request's `rules: { id: level }` asks. */
  rulesWith(levels: Record<string, unknown>, where: string): ActiveRule[] {
    if (levels === null || typeof levels !== 'object' || Array.isArray(levels)) {
      throw new InputError(where, '"rules" must be an object of rule ids to levels', 'send e.g. "rules": {"stock-phrase": "off"}');
    }
    const out = new Map(this.rules.map((r) => [r.rule.meta.id, r]));
    for (const [id, level] of Object.entries(levels)) {
      const rule = this.byId.get(id);
      if (!rule) throw new InputError(where, `"rules.${id}" names no rule`, `known rules: ${[...this.byId.keys()].join(', ')}`);
      const severity = parseLevel(level);
      if (!severity) throw new InputError(where, `"rules.${id}" is ${JSON.stringify(level)}`, 'use off, info, warn or error');
      if (severity === 'off') out.delete(id);
      else out.set(id, { ...this.prepare(rule), severity });
    }
    return [...this.byId.values()].flatMap((r) => out.get(r.meta.id) ?? []);
  }

  /** Lints the files that paths, folders and globs name, as the command line does. */
  async lintFiles(patterns: string[], cwd = process.cwd()): Promise<DraftResult[]> {
    const { expandPaths } = await import('./fs/expand-paths.js');
    const expanded = await expandPaths(patterns, { cwd, ignores: this.config.ignores, useIgnore: true });
    if (expanded.errors[0]) throw expanded.errors[0];
    const out: DraftResult[] = [];
    for (const file of expanded.files) out.push(...(await this.lintFile(resolve(cwd, file))));
    return out;
  }

  /** Reads and lints one file, refusing files over the size limit. */
  async lintFile(path: string): Promise<DraftResult[]> {
    return (await this.readAndLint(path)).results;
  }

  /**
   * Reads, parses and lints one file, and returns its bytes too, so that a signal saved
   * afterwards can check the file did not change in between.
   */
  async readAndLint(path: string): Promise<{ bytes: Uint8Array; results: DraftResult[] }> {
    const bytes = await readDraftFile(path, this.config.maxFileSize);
    return { bytes, results: await this.parseAndLint(path, bytes, this.env, sidecarSignal(path)) };
  }

  /**
   * Reads and lints one file as lintFile does, handing over each draft's result as it is
   * linted (with how many drafts the file holds), for a caller that keeps only a summary of
   * each: a review of large exports.
   */
  async lintFileEach(path: string, each: (r: DraftResult, drafts: number) => void | Promise<void>): Promise<void> {
    const bytes = await readDraftFile(path, this.config.maxFileSize);
    await this.parseAndLintEach(path, bytes, this.env, sidecarSignal(path), each);
  }
}

/** A signal saved in a sidecar (for .eml, .html and .json drafts) joins the drafts that have none of their own. */
function sidecarSignal(path: string): ((d: Draft) => void) | undefined {
  const saved = signalHome(path) === 'sidecar' ? readSidecar(path) : undefined;
  return saved && ((d) => (d.signal ??= saved));
}

function detach(draft: Draft): void {
  draft.detached = true;
}

/** Options that name entries of the rule's data (`ignore: [quick-chat]`) must name ones that exist. */
function checkIds(rule: Rule, options: Record<string, unknown>, data: unknown, where: string): void {
  for (const [name, spec] of Object.entries(rule.meta.options)) {
    if (!spec.ids) continue;
    const known = new Set(((data as Record<string, Array<{ id: string }>>)[spec.ids] ?? []).map((e) => e.id));
    const unknown = (options[name] as string[]).find((id) => !known.has(id));
    if (unknown !== undefined) {
      const near = closest([...known], unknown);
      throw new InputError(
        where,
        `"rules.${rule.meta.id}" option ${name} names "${unknown}", which is not one of its ${spec.ids}`,
        `use ids from rules/${rule.meta.id}.yml${near.length ? ` (such as ${near.join(', ')})` : ''}`,
      );
    }
  }
}

/** The shipped data with a team's extra entries appended to its lists. */
function withUserData(data: unknown, rule: Rule, path: string | undefined): unknown {
  if (!path || !rule.meta.extensible) return data;
  const extra = loadUserRuleData(rule.meta.id, rule.meta.extensible, path);
  const merged = { ...(data as Record<string, unknown>) };
  for (const [key, list] of Object.entries(extra)) merged[key] = [...((merged[key] as unknown[]) ?? []), ...list];
  return merged;
}

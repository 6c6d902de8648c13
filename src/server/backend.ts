import type { ResolvedConfig } from '../config/resolve.js';
import type { OutreachLint } from '../outreach-lint.js';
import type { PayloadPaths } from '../parse/payload.js';
import { answerLint, type LintRoute, type Reply } from './answer.js';

/** Where the server's lints run: in its own thread, or in a lint thread it can stop. */
export interface LintBackend {
  answer(route: LintRoute, text: string, named?: PayloadPaths): Promise<Reply>;
  /** The config the linter runs with, for GET /v1/rules. */
  readonly config: ResolvedConfig;
  /** Messages in the corpus index, or null without one, for GET /healthz. */
  readonly corpusMessages: number | null;
  readonly ruleCount: number;
  /** Lints waiting or running, for GET /healthz. */
  readonly pending: number;
  close(): Promise<void>;
}

/**
 * Lints in the calling thread. No deadline can stop a lint here, and nothing else is
 * answered while one runs: `serve` uses the lint thread instead; this serves the library and
 * tests that hand createLintServer an OutreachLint.
 */
export function inProcessBackend(linter: OutreachLint, batchLimit: number): LintBackend {
  return {
    answer: (route, text, named) => answerLint(linter, route, text, batchLimit, named),
    config: linter.config,
    corpusMessages: linter.services.corpus?.n ?? null,
    ruleCount: linter.rules.length,
    pending: 0,
    close: async () => {},
  };
}

import type { RuleMeta } from '../kernel/rule.js';
import type { DraftResult } from '../outreach-lint.js';

/** ANSI styling, or identity functions when colour is off. */
export interface Colors {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  underline(s: string): string;
}

export interface FormatContext {
  cwd: string;
  color: Colors;
  rules: readonly RuleMeta[];
  /** Package version, for SARIF's tool.driver. */
  version: string;
}

/** Turns results into the text written to stdout or --output-file. */
export type Formatter = (results: DraftResult[], context: FormatContext) => string;

import { isInputError } from '../errors.js';
import type { DraftResult, OutreachLint } from '../outreach-lint.js';
import type { PayloadPaths } from '../parse/payload.js';

/** What the server sends back for one request. */
export interface Reply {
  status: number;
  body: unknown;
  verdict?: string;
  headers?: Record<string, string>;
  /** The request body as received, kept only for --log-bodies. */
  requestBody?: string;
}

/** The routes whose answer is a lint. */
export type LintRoute = '/v1/lint' | '/v1/lint/batch';

/**
 * The answer to a lint request's body: parse the JSON, lint the draft or the batch, and map
 * bad input to 400 or 422. Pure but for the linter, so that it runs the same in the server's
 * own thread or in the lint thread that keeps it responsive.
 */
export async function answerLint(linter: OutreachLint, route: LintRoute, text: string, batchLimit: number, named: PayloadPaths = {}): Promise<Reply> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { status: 400, body: { error: `malformed JSON: ${(e as Error).message}` } };
  }
  try {
    return route === '/v1/lint' ? await lintSingle(linter, json, named) : await lintBatch(linter, json, batchLimit, named);
  } catch (e) {
    if (isInputError(e)) return { status: 422, body: { error: `${e.problem}; ${e.fix}`, field: e.field ? `${e.file}.${e.field}` : e.file } };
    throw e;
  }
}

async function lintSingle(linter: OutreachLint, json: unknown, named: PayloadPaths): Promise<Reply> {
  // A tool that always sends a list may send a list of one.
  const one = Array.isArray(json) && json.length === 1;
  const result = await lintOne(linter, one ? json[0] : json, one ? 'request[0]' : 'request', named);
  return { status: 200, body: result, verdict: String(result.verdict) };
}

async function lintBatch(linter: OutreachLint, json: unknown, batchLimit: number, named: PayloadPaths): Promise<Reply> {
  const items = Array.isArray(json) ? json : (json as { drafts?: unknown })?.drafts;
  if (!Array.isArray(items)) return { status: 422, body: { error: 'a batch is a JSON array of drafts (or {"drafts": [...]})', field: 'request' } };
  if (items.length > batchLimit) {
    return { status: 413, body: { error: `the batch holds ${items.length} drafts; the limit is ${batchLimit}`, field: 'request' } };
  }
  const results: Array<Record<string, unknown>> = [];
  for (const [i, item] of items.entries()) results.push(await lintOne(linter, item, `request[${i}]`, named));
  const verdicts = results.map((r) => r.verdict);
  const worst = ['block', 'needs-signal', 'revise', 'pass'].find((v) => verdicts.includes(v as never)) ?? 'pass';
  return { status: 200, body: { results }, verdict: worst };
}

async function lintOne(linter: OutreachLint, json: unknown, where: string, named: PayloadPaths): Promise<Record<string, unknown>> {
  const rules = json !== null && typeof json === 'object' ? (json as { rules?: Record<string, unknown> }).rules : undefined;
  return toResponse(await linter.lintPayload(json, where, rules, named));
}

/** The response body: the JSON result contract, the research-signal question among it when a rule asked one. */
function toResponse(r: DraftResult): Record<string, unknown> {
  const { filePath: _file, mode, ...rest } = r;
  return { ...rest, mode };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { OutreachLint } from '../outreach-lint.js';
import type { PayloadPaths } from '../parse/payload.js';
import { allRules } from '../rules/index.js';
import type { LintRoute, Reply } from './answer.js';
import { inProcessBackend, type LintBackend } from './backend.js';
import { bearerMatches } from './auth.js';
import { BodyError, readBody } from './read-body.js';
import { round } from '../kernel/round.js';

export interface ServeOptions {
  /** Largest request body in bytes (default 256 KB). */
  bodyLimit: number;
  /** Most drafts in one batch request (default 100). */
  batchLimit: number;
  /** How long a request may take to arrive, in ms (default 5000). */
  timeoutMs: number;
  /** When set, every route but /healthz needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Log request bodies too; off by default so that email text never reaches logs. */
  logBodies: boolean;
  /** Where the one-line JSON request log goes. */
  log: (line: string) => void;
  version: string;
  /**
   * What a lint request that cannot be checked gets: its 4xx/5xx status (the default), or
   * `block`, a 200 with verdict block and the reason, for tools that treat any non-2xx answer
   * as delivered and send the email unchecked. The header `X-Outreach-Lint-On-Error` sets it
   * per request.
   */
  onError?: 'status' | 'block';
}

/** `?subject=…&body=…&prospect=…`: where a payload of the caller's own layout keeps the draft. */
function namedPaths(url: string): PayloadPaths {
  const query = new URL(url, 'http://localhost').searchParams;
  const named: PayloadPaths = {};
  for (const key of ['subject', 'body', 'prospect'] as const) {
    const v = query.get(key);
    if (v) named[key] = v;
  }
  return named;
}

/** The header a caller sets to choose the on-error behaviour for one request. */
export const ON_ERROR_HEADER = 'x-outreach-lint-on-error';

/**
 * A lint request the server could not check, answered so that a tool that sends on any
 * non-2xx holds the email instead: 200, verdict block, and what went wrong. A wrong token
 * (401) and a wrong route stay as they are, since they are the integration's mistake.
 */
function failClosed(req: IncomingMessage, reply: Reply, fallback: 'status' | 'block'): Reply {
  const asked = String(req.headers[ON_ERROR_HEADER] ?? '').toLowerCase();
  const mode = asked === 'block' || asked === 'status' ? asked : fallback;
  const path = (req.url ?? '/').split('?')[0]!;
  if (mode !== 'block' || reply.status < 400 || reply.status === 401 || reply.status === 404 || reply.status === 405) return reply;
  if (path !== '/v1/lint' && path !== '/v1/lint/batch') return reply;
  const body = reply.body as { error?: string; field?: string };
  const error = { status: reply.status, message: body.error ?? 'the request could not be linted', ...(body.field ? { field: body.field } : {}) };
  return { status: 200, verdict: 'block', body: { verdict: 'block', score: 0, findings: [], errorCount: 0, warningCount: 0, error } };
}

/**
 * The pre-send hook: node:http around the same kernel the CLI runs. Routes:
 * POST /v1/lint, POST /v1/lint/batch, GET /v1/rules, GET /healthz.
 */
export function createLintServer(lints: OutreachLint | LintBackend, opts: ServeOptions): Server & { drain(): Promise<void> } {
  let draining = false;
  const backend = 'answer' in lints ? lints : inProcessBackend(lints, opts.batchLimit);

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    handle(req)
      .catch((e: unknown) => ({ status: 500, body: { error: 'internal error', detail: (e as Error).message } }) as Reply)
      .then((raw) => {
        const reply = failClosed(req, raw, opts.onError ?? 'status');
        send(res, reply, draining);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const entry: Record<string, unknown> = {
          time: new Date().toISOString(),
          method: req.method,
          path: req.url,
          status: reply.status,
          ms: round(ms, 2),
        };
        if (reply.verdict) entry.verdict = reply.verdict;
        if (reply.requestBody !== undefined) entry.body = reply.requestBody;
        opts.log(JSON.stringify(entry));
      });
  });
  server.requestTimeout = opts.timeoutMs + 1000;
  server.headersTimeout = Math.min(opts.timeoutMs, 60_000);
  server.keepAliveTimeout = 5000;

  async function handle(req: IncomingMessage): Promise<Reply> {
    if (draining) return { status: 503, body: { error: 'server is shutting down' }, headers: { 'retry-after': '1' } };
    const path = (req.url ?? '/').split('?')[0]!;
    const route = ROUTES[path];
    if (!route) return { status: 404, body: { error: `no route ${path}; try POST /v1/lint, POST /v1/lint/batch, GET /v1/rules or GET /healthz` } };
    if (req.method !== route.method) return { status: 405, body: { error: `${path} takes ${route.method}` }, headers: { allow: route.method } };
    if (opts.token && path !== '/healthz' && !bearerMatches(req, opts.token)) {
      return { status: 401, body: { error: 'missing or wrong bearer token' }, headers: { 'www-authenticate': 'Bearer' } };
    }
    if (route.method === 'GET') return route.get!();
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
      return { status: 415, body: { error: `content type must be application/json, not ${type || 'missing'}` } };
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, opts.bodyLimit, opts.timeoutMs);
    } catch (e) {
      if (e instanceof BodyError) return { status: e.status, body: { error: e.message } };
      throw e;
    }
    const text = raw.toString('utf8');
    const reply = await backend.answer(path as LintRoute, text, namedPaths(req.url ?? '/'));
    if (opts.logBodies) reply.requestBody = text;
    return reply;
  }

  const ROUTES: Record<string, { method: 'GET' | 'POST'; get?: () => Reply }> = {
    '/healthz': {
      method: 'GET',
      get: () => ({
        status: 200,
        body: {
          status: 'ok',
          version: opts.version,
          corpus: backend.corpusMessages === null ? null : { messages: backend.corpusMessages },
          rules: backend.ruleCount,
          // Lints waiting or running: /healthz answers even while the lint thread is busy.
          pending: backend.pending,
          // For soak tests: memory and open handles should stay flat under load.
          rssMb: Math.round(process.memoryUsage().rss / 1048576),
          handles: process.getActiveResourcesInfo().length,
        },
      }),
    },
    '/v1/rules': {
      method: 'GET',
      get: () => ({
        status: 200,
        body: {
          rules: allRules.map((r) => ({
            id: r.meta.id,
            description: r.meta.description,
            type: r.meta.type,
            severity: backend.config.rules[r.meta.id]?.severity ?? r.meta.defaultSeverity,
            defaultSeverity: r.meta.defaultSeverity,
            docs: r.meta.docs,
            ...(r.meta.group ? { group: r.meta.group } : {}),
            ...(r.meta.source ? { source: r.meta.source } : {}),
          })),
        },
      }),
    },
    '/v1/lint': { method: 'POST' },
    '/v1/lint/batch': { method: 'POST' },
  };

  // Stop listening, let requests in flight finish (their connections then close), refuse
  // new requests on kept-alive connections with 503, and resolve once every socket is gone.
  const drain = () =>
    new Promise<void>((resolve) => {
      draining = true;
      server.close(() => resolve());
      server.closeIdleConnections();
    });

  return Object.assign(server, { drain });
}

function send(res: ServerResponse, reply: Reply, closing: boolean): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(closing ? { connection: 'close' } : {}),
    ...reply.headers,
  });
  res.end(text);
}

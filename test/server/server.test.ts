import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLintServer } from '../../src/server/app.js';
import { makeLinter } from '../helpers.js';

const TOKEN = 's3cret-token';
const logs: string[] = [];
let base: { port: number };
let open: { port: number };
let verbose: { port: number };
let closers: Array<() => Promise<void>> = [];

async function start(opts: { token?: string; logBodies?: boolean; onError?: 'status' | 'block' } = {}) {
  const linter = await makeLinter();
  const server = createLintServer(linter, {
    bodyLimit: 4096,
    batchLimit: 3,
    timeoutMs: 400,
    logBodies: !!opts.logBodies,
    log: (l) => logs.push(l),
    version: '9.9.9',
    ...(opts.token ? { token: opts.token } : {}),
    ...(opts.onError ? { onError: opts.onError } : {}),
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  closers.push(() => server.drain());
  return { port: (server.address() as AddressInfo).port };
}

beforeAll(async () => {
  open = await start({ logBodies: false });
  base = await start({ token: TOKEN });
  verbose = await start({ logBodies: true });
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

function call(
  port: number,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(open.port, 'POST', path, typeof body === 'string' ? body : JSON.stringify(body), headers);

const GENERIC = {
  subject: 'Quick question',
  body: 'Hi Ana,\n\nWe help logistics teams pay carriers faster. Worth a call next week?',
  prospect: { firstName: 'Ana', company: 'Tern Freight' },
};

describe('POST /v1/lint', () => {
  it('answers with the verdict, score, findings and the signal question', async () => {
    const r = await post('/v1/lint', GENERIC);
    expect(r.status).toBe(200);
    expect(r.json.verdict).toBe('needs-signal');
    expect(r.json.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('missing-signal');
    expect(r.json.prompt.question).toBe('What is the one research signal that matters most to Tern Freight right now?');
    expect(r.json.prompt.types).toHaveLength(14);
    expect(r.json.score).toBeLessThan(100);
  });

  it('counts positions in the text sent: subject on line 1, body from line 3', async () => {
    const r = await post('/v1/lint', { subject: 'Hi {{first_name}}', body: 'Hello {{company}}', mode: 'draft', rules: { 'missing-signal': 'off' } });
    expect(
      r.json.findings
        .filter((f: { ruleId: string }) => f.ruleId === 'unresolved-placeholder')
        .map((f: { line: number; column: number }) => `${f.line}:${f.column}`),
    ).toEqual(['1:13', '3:7']);
    expect(r.json.verdict).toBe('block');
  });

  it('takes a saved signal and per-request rule levels', async () => {
    const r = await post('/v1/lint', {
      ...GENERIC,
      signal: { type: 'expansion', text: 'Tern opened a Reno depot on 3 March' },
      rules: { 'signal-unused': 'error' },
    });
    expect(r.json.findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`)).toContain('signal-unused:error');
    expect(r.json.verdict).toBe('block');
  });

  it.each([
    ['an empty string', ''],
    ['an empty text', { text: '' }],
    ['one letter', 'x'],
    ['a vague text with a type', { type: 'funding', text: 'they are growing fast' }],
  ])('a signal that is %s opens nothing: needs-signal, with the reason', async (_name, signal) => {
    const r = await post('/v1/lint', { ...GENERIC, signal });
    expect(r.status).toBe(200);
    expect(r.json.verdict).toBe('needs-signal');
    const f = r.json.findings.find((x: { messageId: string }) => x.messageId === 'weakSignal');
    expect(f.message).toMatch(/^The research signal saved with this draft \(".*"\) is not concrete: it /);
    expect(r.json.findings.map((x: { ruleId: string }) => x.ruleId)).not.toContain('signal-unused');
    expect(r.json.prompt.answer).toBe(
      'Answer by sending the signal with the draft: "signal": {"type": "<type>", "text": "<the signal, in your words>"} in its JSON, or "signal:" in its front matter',
    );
    expect(f.prompt).toBeUndefined();
  });

  it('422 naming the request for HTML nested too deeply', async () => {
    const r = await post('/v1/lint', { subject: 'Hi', html: `${'<b>'.repeat(510)}Hi Dana${'</b>'.repeat(510)}` });
    expect(r).toMatchObject({ status: 422, json: { field: 'request' } });
    expect(r.json.error).toMatch(/^HTML is nested more than 500 elements deep; /);
  });

  it('422 naming the field for a signal type that does not exist', async () => {
    const r = await post('/v1/lint', { ...GENERIC, signal: { type: 'bogus', text: 'y' } });
    expect(r.status).toBe(422);
    expect(r.json.field).toBe('request.signal.type');
    expect(r.json.error).toMatch(/^"signal\.type" is "bogus", not a signal type; use one of: other, funding, hiring, .*, or leave it out$/);
    const batch = await post('/v1/lint/batch', [GENERIC, { ...GENERIC, signal: { type: 'gossip', text: 'Opened a Reno depot on 3 March' } }]);
    expect(batch).toMatchObject({ status: 422, json: { field: 'request[1].signal.type' } });
  });

  it.each([
    ['Instantly / Smartlead', { email_subject: 'Quick question', email_body: 'Hi {{first_name}}, we help teams.', lead: { first_name: 'Ana' } }],
    ['Smartlead HTML', { email_subject: 'Quick question', email_html: '<p>Hi {{first_name}},</p><p>we help teams.</p>', lead: { first_name: 'Ana' } }],
    [
      'Outreach text-editor extension',
      { subject: 'Quick question', bodyHtml: '<div>Hi {{first_name}},<br>we help teams.</div>', prospect: { first_name: 'Ana' } },
    ],
    ['HTML sent as body', { subject: 'Quick question', body: '<p>Hi {{first_name}},</p><p>we help teams.</p>', prospect: { first_name: 'Ana' } }],
  ])('reads the %s payload', async (_name, payload) => {
    const r = await post('/v1/lint', payload);
    expect(r.status).toBe(200);
    const f = r.json.findings.find((x: { ruleId: string }) => x.ruleId === 'unresolved-placeholder');
    expect(f.message).toBe('Unresolved placeholder {{first_name}}: fill in the first name before sending.');
  });

  it('400 for malformed JSON, 415 for another content type, 422 naming the field', async () => {
    expect((await post('/v1/lint', '{"subject": ')).status).toBe(400);
    expect((await post('/v1/lint', '{"subject": ')).json.error).toMatch(/^malformed JSON: /);
    const wrongType = await call(open.port, 'POST', '/v1/lint', 'hello', { 'content-type': 'text/plain' });
    expect(wrongType).toMatchObject({ status: 415, json: { error: 'content type must be application/json, not text/plain' } });
    const schema = await post('/v1/lint', { subject: 5, body: 'x' });
    expect(schema).toMatchObject({
      status: 422,
      json: { field: 'request.subject', error: '"subject" is number, not text; give the subject as a JSON string' },
    });
    expect((await post('/v1/lint', { subject: 'x' })).json).toEqual({
      field: 'request',
      error: 'has no "body" or "html"; add the email text as "body" (plain text) or "html"',
    });
    expect((await post('/v1/lint', { body: 'x', rules: { 'no-such': 'off' } })).status).toBe(422);
  });

  it('413 over the body limit', async () => {
    const r = await post('/v1/lint', { body: 'x'.repeat(5000) });
    expect(r.status).toBe(413);
    expect(r.json.error).toMatch(/limit is 4096|4096-byte limit/);
  });

  it('408 when the body trickles in past the timeout', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: open.port, method: 'POST', path: '/v1/lint', headers: { 'content-type': 'application/json', 'content-length': '100' } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', reject);
      req.write('{"body": "');
    });
    expect(status).toBe(408);
  });
});

describe('other routes', () => {
  it('POST /v1/lint/batch lints each draft, names the bad one, and bounds the size', async () => {
    const ok = await post('/v1/lint/batch', [GENERIC, { body: 'Hi {{first_name}}', mode: 'draft' }]);
    expect(ok.status).toBe(200);
    expect(ok.json.results.map((r: { verdict: string }) => r.verdict)).toEqual(['needs-signal', 'block']);
    expect((await post('/v1/lint/batch', { drafts: [GENERIC] })).json.results).toHaveLength(1);
    const bad = await post('/v1/lint/batch', [GENERIC, { subject: 1, body: 'x' }]);
    expect(bad).toMatchObject({ status: 422, json: { field: 'request[1].subject' } });
    expect((await post('/v1/lint/batch', [GENERIC, GENERIC, GENERIC, GENERIC])).status).toBe(413);
    expect((await post('/v1/lint/batch', GENERIC)).status).toBe(422);
  });

  it('GET /v1/rules lists ids, descriptions and severities; GET /healthz reports health', async () => {
    const rules = await call(open.port, 'GET', '/v1/rules');
    expect(rules.status).toBe(200);
    expect(rules.json.rules.map((r: { id: string }) => r.id)).toEqual([
      'unresolved-placeholder',
      'corpus-similarity',
      'stock-sentence',
      'stock-phrase',
      'merge-only-personalization',
      'vague-personalization',
      'missing-signal',
      'signal-unused',
      'length',
      'reading-level',
      'question-count',
      'subject-line',
      'links',
      'tracking-and-images',
      'spam-trigger',
      'opt-out',
      'language',
    ]);
    expect(rules.json.rules[0]).toMatchObject({ severity: 'error', description: expect.stringMatching(/merge fields/) });
    expect(rules.json.rules[0].group).toBeUndefined();
    // The form rules say so, and where their default numbers come from.
    expect(rules.json.rules.find((r: { id: string }) => r.id === 'length')).toMatchObject({ group: 'form', source: expect.stringMatching(/Boomerang/) });
    const health = await call(open.port, 'GET', '/healthz');
    expect(health).toMatchObject({ status: 200, json: { status: 'ok', version: '9.9.9', corpus: { messages: 968 } } });
  });

  it('404 for an unknown path, 405 with Allow for a wrong method', async () => {
    expect((await call(open.port, 'GET', '/nope')).status).toBe(404);
    const wrong = await call(open.port, 'GET', '/v1/lint');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
  });

  it('logs one JSON line per request, without the email text', async () => {
    logs.length = 0;
    await post('/v1/lint', GENERIC);
    expect(logs).toHaveLength(1);
    const entry = JSON.parse(logs[0]!);
    expect(Object.keys(entry).sort()).toEqual(['method', 'ms', 'path', 'status', 'time', 'verdict']);
    expect(entry).toMatchObject({ method: 'POST', path: '/v1/lint', status: 200, verdict: 'needs-signal' });
    expect(logs[0]).not.toContain('carriers');
  });

  it('logs the request body only with --log-bodies', async () => {
    logs.length = 0;
    await call(verbose.port, 'POST', '/v1/lint', JSON.stringify(GENERIC));
    await call(verbose.port, 'POST', '/v1/lint', '{"broken');
    expect(logs.map((l) => JSON.parse(l).body)).toEqual([JSON.stringify(GENERIC), '{"broken']);
  });
});

describe('bearer token', () => {
  it('401 without the token or with a wrong one; 200 with it; /healthz stays open', async () => {
    const body = JSON.stringify(GENERIC);
    expect((await call(base.port, 'POST', '/v1/lint', body)).status).toBe(401);
    const wrong = await call(base.port, 'POST', '/v1/lint', body, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
    expect((await call(base.port, 'POST', '/v1/lint', body, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await call(base.port, 'GET', '/v1/rules')).status).toBe(401);
    expect((await call(base.port, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('failing closed for tools that send on any non-2xx', () => {
  it('--on-error block answers 200, verdict block, with the reason; the header chooses per request', async () => {
    const closed = await start({ onError: 'block' });
    const empty = await call(closed.port, 'POST', '/v1/lint', JSON.stringify({ subject: 'Hi', bodyText: '', bodyHtml: '' }), {
      'content-type': 'application/json',
    });
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({
      verdict: 'block',
      score: 0,
      findings: [],
      errorCount: 0,
      warningCount: 0,
      error: {
        status: 422,
        message:
          'bodyText is empty; bodyHtml is empty, and no other body field holds text; send the email text in one of them; an empty email cannot be checked',
        field: 'request.bodyText',
      },
    });
    const broken = await call(closed.port, 'POST', '/v1/lint', '{"subject": ', { 'content-type': 'application/json' });
    expect([broken.status, broken.json.verdict, broken.json.error.status]).toEqual([200, 'block', 400]);
    const big = await call(closed.port, 'POST', '/v1/lint', JSON.stringify({ body: 'x'.repeat(5000) }), { 'content-type': 'application/json' });
    expect([big.status, big.json.verdict, big.json.error.status]).toEqual([200, 'block', 413]);
    const asStatus = await call(closed.port, 'POST', '/v1/lint', '{"subject": ', { 'content-type': 'application/json', 'x-outreach-lint-on-error': 'status' });
    expect(asStatus.status).toBe(400);
    // The default server keeps its statuses unless the request asks.
    const asked = await call(open.port, 'POST', '/v1/lint', '{"subject": ', { 'content-type': 'application/json', 'x-outreach-lint-on-error': 'block' });
    expect([asked.status, asked.json.verdict]).toEqual([200, 'block']);
    expect((await call(open.port, 'GET', '/v1/nothing', undefined, { 'x-outreach-lint-on-error': 'block' })).status).toBe(404);
  });

  it('reads a list of one on /v1/lint as that draft', async () => {
    const r = await post('/v1/lint', [GENERIC]);
    expect(r.status).toBe(200);
    expect(r.json.verdict).toBe('needs-signal');
    expect((await post('/v1/lint', [GENERIC, GENERIC])).status).toBe(422);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/outreach-lint.js');

/** Starts the real `outreach-lint serve` on a free loopback port. */
function serve(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; port: number; out: string[]; err: string[] }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    const err: string[] = [];
    child.stdout!.on('data', (d) => out.push(...String(d).split('\n').filter(Boolean)));
    child.stderr!.on('data', (d) => {
      err.push(...String(d).split('\n').filter(Boolean));
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err.join('\n'));
      if (m) ok({ child, port: Number(m[1]), out, err });
    });
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${err.join('\n')}`)));
  });
}

describe('outreach-lint serve', () => {
  it('binds to loopback, finishes requests in flight on SIGTERM, refuses new ones, and exits 0', async () => {
    const { child, port, out, err } = await serve();
    // A request whose body is still arriving when SIGTERM comes.
    const inFlight = new Promise<{ status: number; body: string }>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/lint', headers: { 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => ok({ status: res.statusCode!, body }));
      });
      req.on('error', fail);
      req.write('{"subject": "Quick question", ');
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end('"body": "Hi Ana, we help teams."}'), 300);
      }, 200);
    });
    const done = await inFlight;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body).verdict).toBe('needs-signal');
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    expect(code).toBe(0);
    expect(err).toContain('outreach-lint serve: draining requests in flight, then stopping');
    expect(JSON.parse(out[0]!)).toMatchObject({ method: 'POST', path: '/v1/lint', status: 200 });
    await expect(new Promise((ok, fail) => request({ host: '127.0.0.1', port, path: '/healthz' }, ok).on('error', fail).end())).rejects.toThrow(/ECONNREFUSED/);
  });

  it('takes the token from OUTREACH_LINT_TOKEN', async () => {
    const { child, port } = await serve([], { OUTREACH_LINT_TOKEN: 'abc' });
    const status = (auth?: string) =>
      new Promise<number>((ok, fail) =>
        request({ host: '127.0.0.1', port, path: '/v1/rules', headers: auth ? { authorization: auth } : {} }, (res) => {
          res.resume();
          ok(res.statusCode!);
        })
          .on('error', fail)
          .end(),
      );
    expect(await status()).toBe(401);
    expect(await status('Bearer abc')).toBe(200);
    child.kill('SIGTERM');
    await new Promise((ok) => child.on('exit', ok));
  });
});

/** One request to the server; resolves with the status, the parsed body and how long it took. */
function call(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; json: any; ms: number }> {
  const started = performance.now();
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => ok({ status: res.statusCode!, json: text ? JSON.parse(text) : undefined, ms: performance.now() - started }));
    });
    req.on('error', fail);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Polls /healthz until the server reports a lint in hand; each answer must come while that lint runs. */
async function untilLinting(port: number): Promise<{ status: number; json: any; ms: number }> {
  for (let i = 0; i < 500; i++) {
    const health = await call(port, 'GET', '/healthz');
    if (health.json?.pending === 1) return health;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the server never reported the lint as pending');
}

// About 200 KB of plain prose: a lint of it takes far longer than the 100 ms deadline set here.
const LONG = { subject: 'Hi', body: 'We help logistics teams pay carriers faster and cut invoice disputes by 40% in a quarter.\n'.repeat(2200) };

describe('outreach-lint serve under a lint that runs long', () => {
  it('answers 503 past the lint deadline, keeps answering /healthz meanwhile, and lints the next request', async () => {
    const { child, port } = await serve(['--lint-timeout', '100', '--body-limit', '1MB']);
    try {
      let settled = false;
      const slow = call(port, 'POST', '/v1/lint', LONG).finally(() => (settled = true));
      const health = await untilLinting(port);
      expect(health.status).toBe(200);
      expect(settled).toBe(false);
      const stopped = await slow;
      expect(stopped.status).toBe(503);
      expect(stopped.json.error).toBe('the lint took longer than 100 ms and was stopped; send a shorter draft, or start serve with a larger --lint-timeout');
      const next = await call(port, 'POST', '/v1/lint', { subject: 'Quick question', body: 'Hi Ana, we help teams.' });
      expect(next.status).toBe(200);
      expect(next.json.verdict).toBe('needs-signal');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('SIGTERM ends it within the drain deadline even while a lint is running', async () => {
    const { child, port, err } = await serve(['--lint-timeout', '60000', '--drain-timeout', '300', '--body-limit', '1MB']);
    const slow = call(port, 'POST', '/v1/lint', { ...LONG, body: LONG.body.repeat(4) }).catch((e: Error) => e);
    await untilLinting(port);
    const sent = performance.now();
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    expect(performance.now() - sent).toBeLessThan(5000);
    expect(code).toBe(0);
    expect(err).toContain('outreach-lint serve: requests still open after 300 ms; closing them');
    await slow;
  });
});

describe('stdin mode for scripts', () => {
  it('lints an .eml from stdin as JSON with lint exit codes', async () => {
    const { spawnSync } = await import('node:child_process');
    const { readFileSync } = await import('node:fs');
    const r = spawnSync(process.execPath, [BIN, '--stdin', '--stdin-filename', 'draft.eml', '--format', 'json'], {
      input: readFileSync('examples/generic-followup.eml'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const [res] = JSON.parse(r.stdout);
    expect(res).toMatchObject({ filePath: 'draft.eml', verdict: 'needs-signal' });
  });
});

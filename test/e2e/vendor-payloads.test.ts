import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each vendor's payloads as its documentation lays them out (test/fixtures/payloads/<vendor>/,
// with a README naming the pages), posted to a real `serve`, piped through --stdin, and set
// beside the same email given plainly as {subject, body, prospect}.
const BIN = resolve('bin/outreach-lint.js');
const ROOT = resolve('test/fixtures/payloads');

interface Expected {
  subject?: string;
  body: string;
  prospect: Record<string, string>;
  contentType?: string;
  subjectPath?: string;
  bodyPath?: string;
}

// A HubSpot workflow webhook sends the contact, not an email: the account keeps the draft in
// properties it names itself, so the caller names them too (?subject=&body=, --json-*).
const NAMED_BY_CALLER = /^hubspot\/workflow-webhook/;
const named = (c: { vendor: string; file: string; expected?: Expected }) =>
  NAMED_BY_CALLER.test(`${c.vendor}/${c.file}`)
    ? { subject: c.expected!.subjectPath!.replace(/\.value$/, ''), body: c.expected!.bodyPath!.replace(/\.value$/, '') }
    : undefined;
interface Result {
  verdict: string;
  findings: Array<{ ruleId: string; messageId: string }>;
}

const vendors = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const cases = vendors.flatMap((vendor) => {
  const dir = join(ROOT, vendor);
  const expected = existsSync(join(dir, 'expected.json')) ? (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>) : {};
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'expected.json')
    .map((file) => ({ vendor, file, payload: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown, expected: expected[file] }));
});

let child: ChildProcess;
let port: number;
beforeAll(async () => {
  await new Promise<void>((ok, fail) => {
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err);
      if (m) {
        port = Number(m[1]);
        ok();
      }
    });
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
});
afterAll(() => {
  child?.kill('SIGTERM');
});

function post(body: unknown, contentType: string, paths?: { subject: string; body: string }): Promise<{ status: number; json: any }> {
  const query = paths ? `?${new URLSearchParams(paths)}` : '';
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/v1/lint${query}`, headers: { 'content-type': contentType } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => ok({ status: res.statusCode!, json: JSON.parse(text) }));
    });
    req.on('error', fail);
    req.end(JSON.stringify(body));
  });
}

/** One --stdin run for a list of drafts, as a sequencing tool's script would pipe them. */
function stdinResults(drafts: unknown[], paths?: { subject: string; body: string }): Result[] {
  const flags = paths ? ['--json-subject', paths.subject, '--json-body', paths.body] : [];
  const r = spawnSync(process.execPath, [BIN, '--stdin', '--stdin-filename', 'drafts.json', '-f', 'json', '--no-interactive', ...flags], {
    input: JSON.stringify(drafts),
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  if (r.status === 2) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Result[];
}

const rules = (r: Result) => [...new Set(r.findings.map((f) => `${f.ruleId}:${f.messageId}`))].sort();
const withBody = cases.filter((c) => c.expected);

describe("the sequencing tools' own payloads", () => {
  let viaStdin: Result[];
  let plain: Result[];
  beforeAll(() => {
    // The payloads of known layouts in one run, as a script would pipe a batch; the others one by one with their paths.
    const known = withBody.filter((c) => !named(c));
    const known$ = stdinResults(known.map((c) => c.payload));
    viaStdin = withBody.map((c) => (named(c) ? stdinResults([c.payload], named(c))[0]! : known$[known.indexOf(c)]!));
    plain = stdinResults(withBody.map((c) => ({ subject: c.expected!.subject, body: c.expected!.body, prospect: c.expected!.prospect })));
  });

  it('refuses a webhook that carries no email, saying where it looked', async () => {
    const payload = JSON.parse(readFileSync(join(ROOT, 'lemlist/no-body/emails-sent.webhook.json'), 'utf8'));
    const r = await post(payload, 'application/json');
    expect(r.status).toBe(422);
    expect(r.json).toEqual({ field: 'request', error: 'has no "body" or "html"; add the email text as "body" (plain text) or "html"' });
  });

  it('has a fixture with a body for every vendor', () => {
    expect(new Set(withBody.map((c) => c.vendor))).toEqual(new Set(vendors));
  });

  it.each(withBody.map((c, i) => [`${c.vendor}/${c.file}`, c, i] as const))('%s: HTTP, --stdin and the plain email agree', async (_name, c, i) => {
    const http = await post(c.payload, c.expected!.contentType ?? 'application/json', named(c));
    expect(http.status, JSON.stringify(http.json)).toBe(200);
    expect(http.json.verdict).toBe(viaStdin[i]!.verdict);
    expect(rules(http.json)).toEqual(rules(viaStdin[i]!));
    expect(http.json.verdict).toBe(plain[i]!.verdict);
    expect(rules(http.json)).toEqual(rules(plain[i]!));
    if (c.file.includes('.generic.')) {
      expect(['needs-signal', 'block']).toContain(http.json.verdict);
      expect(rules(http.json).some((r) => r.startsWith('stock-phrase:'))).toBe(true);
    }
  });
});

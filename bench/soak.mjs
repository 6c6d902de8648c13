// Soak: 50,000 mixed valid and invalid requests against the real `outreach-lint serve` on
// loopback. Reports 5xx responses (there must be none), the server's RSS and open handles
// at the start and the end. Run with `node bench/soak.mjs [requests]`.
import autocannon from 'autocannon';
import { DRAFT, startServer } from './server-bench.mjs';

const total = Number(process.argv[2] ?? 50_000);
const json = { 'content-type': 'application/json' };
const requests = [
  { method: 'POST', path: '/v1/lint', headers: json, body: JSON.stringify(DRAFT) },
  { method: 'POST', path: '/v1/lint/batch', headers: json, body: JSON.stringify([DRAFT, { body: 'Hi {{first_name}}', mode: 'draft' }]) },
  { method: 'POST', path: '/v1/lint', headers: json, body: '{"subject": "broken' },
  { method: 'POST', path: '/v1/lint', headers: { 'content-type': 'text/plain' }, body: 'hello' },
  { method: 'POST', path: '/v1/lint', headers: json, body: JSON.stringify({ subject: 5, body: 'x' }) },
  { method: 'POST', path: '/v1/lint', headers: json, body: JSON.stringify({ body: 'x'.repeat(300 * 1024) }) },
  { method: 'GET', path: '/nope' },
  { method: 'GET', path: '/v1/rules' },
  {
    method: 'POST',
    path: '/v1/lint',
    headers: json,
    body: JSON.stringify({ html: `<div><p>{{#if x}}${'<b>'.repeat(500)}</div>`, rules: { 'stock-phrase': 'off' } }),
  },
];

const { child, port } = await startServer(['bin/outreach-lint.js', 'serve', '--port', '0']);
const health = async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
await autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, amount: 2000, requests });
const before = await health();
const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 20, amount: total, requests });
const after = await health();
child.kill('SIGTERM');
await new Promise((ok) => child.on('exit', ok));
const codes = Object.entries(result.statusCodeStats ?? {})
  .map(([code, s]) => `${code}: ${s.count}`)
  .join(', ');
const fiveXX = Object.entries(result.statusCodeStats ?? {})
  .filter(([c]) => c.startsWith('5'))
  .reduce((n, [, s]) => n + s.count, 0);
console.log(`soak: ${result.requests.total} requests in ${result.duration.toFixed(1)} s, ${Math.round(result.requests.average)} req/s`);
console.log(`status codes: ${codes}`);
console.log(`5xx: ${fiveXX}; errors: ${result.errors}; timeouts: ${result.timeouts}`);
console.log(`server RSS: ${before.rssMb} MB after warm-up, ${after.rssMb} MB at the end`);
console.log(`open handles: ${before.handles} after warm-up, ${after.handles} at the end`);
if (fiveXX > 0 || result.errors > 0) process.exitCode = 1;

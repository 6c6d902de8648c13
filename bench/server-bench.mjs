// Load on the pre-send hook: autocannon against the real `outreach-lint serve` on loopback with
// a realistic 150-word draft and the shipped corpus, at 10 and 100 connections, then 1,000
// connections to show it does not fall over; a bare node:http server that reads the body and
// answers a fixed JSON, right after at 10 connections, for the share of it serve reaches; and the
// same handler on fastify for comparison.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { peakRssMb, table } from './measure.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);

export const DRAFT = {
  subject: 'Quick question about carrier payments',
  body: `Hi Noor,

I hope this finds you well. I came across Lattice Freight and was really impressed by how fast your team is growing.

We help logistics companies like yours pay carriers faster and cut invoice disputes in half. Our platform plugs into your TMS, reads every carrier invoice, checks it against the rate confirmation and flags accessorial charges that do not match. Most customers see disputes drop by around 40% in the first quarter, and their AP teams stop chasing paperwork.

A few things teams usually like:
- automatic matching of invoices to loads
- one dashboard for every carrier payment
- same-day payouts for carriers who want them

Would you be open to a quick 15-minute call next week to see if this could help Lattice Freight? I'm happy to work around your schedule.

Best,
Mo`,
  prospect: { first_name: 'Noor', company: 'Lattice Freight', title: 'Controller', industry: 'logistics' },
};

export function startServer(args) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err);
      if (m) ok({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => fail(new Error(`server exited ${code}: ${err}`)));
  });
}

export function load(port, connections, seconds) {
  return autocannon({
    url: `http://127.0.0.1:${port}/v1/lint`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DRAFT),
    connections,
    duration: seconds,
  });
}

async function alive(port) {
  const r = await fetch(`http://127.0.0.1:${port}/healthz`);
  return r.status === 200;
}

/** A row of the table: req/s, latencies and errors, and the share of the bare server's req/s. */
function row(label, r, bare) {
  const rps = Math.round(r.requests.average);
  return [label, rps, `${r.latency.p50} ms`, `${r.latency.p99} ms`, r.errors + r.timeouts, r.non2xx, bare ? `${((100 * rps) / bare).toFixed(1)}%` : ''];
}

export async function serverBench({ seconds = 8 } = {}) {
  const rows = [];
  const bareServer = await startServer(['bench/bare-server.mjs']);
  await load(bareServer.port, 10, 2);
  const bareRun = await load(bareServer.port, 10, seconds);
  const bare = Math.round(bareRun.requests.average);
  bareServer.child.kill('SIGTERM');
  await new Promise((ok) => bareServer.child.on('exit', ok));
  const { child, port } = await startServer(['bin/outreach-lint.js', 'serve', '--port', '0']);
  await load(port, 10, 2); // warm
  const rss = [];
  for (const c of [10, 100]) {
    const r = await load(port, c, seconds);
    rows.push(row(`node:http, ${c} connections`, r, c === 10 ? bare : 0));
  }
  const storm = await load(port, 1000, 3);
  rows.push(row('node:http, 1,000 connections', storm, 0));
  const stillUp = await alive(port);
  rss.push(stillUp ? 'alive after 1,000 connections' : 'DOWN after 1,000 connections');
  const peak = peakRssMb(child.pid);
  rss.push(`peak RSS of the one-process server after all of it: ${peak === undefined ? 'unknown (no /proc)' : `${peak.toFixed(0)} MB`}`);
  child.kill('SIGTERM');
  await new Promise((ok) => child.on('exit', ok));

  const two = await startServer(['bin/outreach-lint.js', 'serve', '--port', '0', '--workers', '2']);
  await load(two.port, 10, 2);
  for (const c of [10, 100]) {
    const r = await load(two.port, c, seconds);
    rows.push(row(`node:http, --workers 2, ${c} connections`, r, c === 10 ? bare : 0));
  }
  two.child.kill('SIGTERM');
  await new Promise((ok) => two.child.on('exit', ok));

  const fast = await startServer(['bench/fastify-server.mjs']);
  await load(fast.port, 10, 2);
  const f = await load(fast.port, 10, seconds);
  rows.push(row('fastify 5, same handler, 10 connections', f, bare));
  rows.push(row('bare node:http, reads the body, fixed JSON, 10 connections', bareRun, bare));
  fast.child.kill('SIGTERM');
  await new Promise((ok) => fast.child.on('exit', ok));
  return `${table(['server (POST /v1/lint, 150-word draft)', 'req/s', 'p50', 'p99', 'errors', 'non-2xx', 'of bare node:http'], rows)}\n${rss.join('\n')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await serverBench());

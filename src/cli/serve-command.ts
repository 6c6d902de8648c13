import { InputError } from '../errors.js';
import { createLintServer } from '../server/app.js';
import type { Io } from './lint-command.js';
import { runConfig, sizeFlag } from './run-config.js';
import { EXIT_OK } from './report-error.js';

export interface ServeFlags {
  host: string;
  port: string;
  config?: string;
  token?: string;
  bodyLimit: string;
  batchLimit: string;
  timeout: string;
  lintTimeout: string;
  drainTimeout: string;
  onError: string;
  logBodies?: boolean;
  corpus?: string[];
  defaultCorpus: boolean;
  workers: string;
}

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

/**
 * `outreach-lint serve`: loads the config and corpus once, then answers until SIGTERM or
 * SIGINT, when it drains requests in flight and exits 0.
 */
export async function runServe(flags: ServeFlags, io: Io, signals: NodeJS.EventEmitter = process): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError(`--port ${flags.port}`, 'is not a port number', 'use 0-65535 (0 picks a free port)');
  const num = (v: string, flag: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InputError(`${flag} ${v}`, 'is not a whole number', `use ${min} or more`);
    return n;
  };
  const bodyLimit = sizeFlag('--body-limit', flags.bodyLimit, '256KB or 1MB');
  const batchLimit = num(flags.batchLimit, '--batch-limit', 1);
  const timeoutMs = num(flags.timeout, '--timeout', 100);
  const lintTimeoutMs = num(flags.lintTimeout, '--lint-timeout', 10);
  const drainTimeoutMs = num(flags.drainTimeout, '--drain-timeout', 0);
  if (flags.onError !== 'status' && flags.onError !== 'block')
    throw new InputError(`--on-error ${flags.onError}`, 'is not a choice', 'use status (4xx/5xx, the default) or block (200 with verdict block)');
  const onError = flags.onError;
  const env = io.env ?? process.env;
  const token = flags.token ?? env.OUTREACH_LINT_TOKEN;
  const workers = num(flags.workers, '--workers', 1);
  const cluster = (await import('node:cluster')).default;
  if (workers > 1 && cluster.isPrimary) return runPrimary(workers, cluster, flags, io, signals);

  const config = await runConfig(io.cwd, flags);
  const { LintThread } = await import('../server/lint-thread.js');
  const lints = await LintThread.start(config, batchLimit, lintTimeoutMs);
  const server = createLintServer(lints, {
    bodyLimit,
    batchLimit,
    timeoutMs,
    ...(token ? { token } : {}),
    logBodies: !!flags.logBodies,
    onError,
    log: (line) => io.stdout.write(`${line}\n`),
    version: io.version,
  });
  if (!LOOPBACK.test(flags.host) && !token) {
    io.stderr.write(
      `outreach-lint serve: warning: listening on ${flags.host} without a token; anyone who can reach it can use it (set --token or OUTREACH_LINT_TOKEN)\n`,
    );
  }
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        new InputError(
          `${flags.host}:${port}`,
          `cannot listen (${e.code ?? e.message})`,
          e.code === 'EADDRINUSE' ? 'pick another --port' : 'check --host and --port',
        ),
      ),
    );
    server.listen(port, flags.host, () => ok());
  });
  const address = server.address();
  if (cluster.isPrimary) io.stderr.write(`outreach-lint serve: listening on ${urlOf(address)}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      if (cluster.isPrimary) io.stderr.write('outreach-lint serve: draining requests in flight, then stopping\n');
      // Requests still open at the drain deadline are cut off, so SIGTERM always ends the server.
      const deadline = setTimeout(() => {
        io.stderr.write(`outreach-lint serve: requests still open after ${drainTimeoutMs} ms; closing them\n`);
        server.closeAllConnections();
        void lints.close();
      }, drainTimeoutMs);
      void server.drain().then(() => {
        clearTimeout(deadline);
        done();
      });
    };
    signals.once('SIGTERM', stop);
    signals.once('SIGINT', stop);
  });
  await lints.close();
  if (cluster.isPrimary) io.stderr.write('outreach-lint serve: stopped\n');
  // A worker's channel to the primary would keep it alive after its server closed.
  else cluster.worker?.disconnect();
  return EXIT_OK;
}

function urlOf(address: ReturnType<import('node:net').Server['address']>): string {
  return typeof address === 'object' && address
    ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
    : String(address);
}

/**
 * With --workers N the primary forks N processes that share the listening socket, each with
 * its own linter; SIGTERM is passed on, and the primary exits once every worker has drained.
 */
async function runPrimary(
  workers: number,
  cluster: typeof import('node:cluster').default,
  flags: ServeFlags,
  io: Io,
  signals: NodeJS.EventEmitter,
): Promise<number> {
  let listening = 0;
  let failed = false;
  await new Promise<void>((ok, fail) => {
    cluster.on('listening', (_w, address) => {
      if (++listening === workers) {
        io.stderr.write(`outreach-lint serve: listening on http://${flags.host}:${address.port} with ${workers} workers\n`);
        ok();
      }
    });
    cluster.on('exit', (_w, code) => {
      if (listening < workers && code !== 0) {
        failed = true;
        fail(new InputError('outreach-lint serve', `a worker exited with code ${code} before listening`, 'run with --workers 1 to see its error'));
      }
    });
    for (let i = 0; i < workers; i++) cluster.fork();
  });
  await new Promise<void>((done) => {
    const stop = () => {
      io.stderr.write('outreach-lint serve: draining requests in flight, then stopping\n');
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    };
    signals.once('SIGTERM', stop);
    signals.once('SIGINT', stop);
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) done();
    });
  });
  io.stderr.write('outreach-lint serve: stopped\n');
  return failed ? 2 : EXIT_OK;
}

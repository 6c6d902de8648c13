import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/resolve.js';
import { InputError } from '../errors.js';
import type { PayloadPaths } from '../parse/payload.js';
import type { LintRoute, Reply } from './answer.js';
import type { LintBackend } from './backend.js';

interface Job {
  id: number;
  route: LintRoute;
  text: string;
  named: PayloadPaths;
  resolve: (reply: Reply) => void;
}

type FromWorker =
  | { type: 'ready'; corpusMessages: number | null; ruleCount: number }
  | { type: 'reply'; id: number; reply: Reply }
  | { type: 'failed'; error: { file?: string; problem?: string; fix?: string; message?: string } };

/**
 * Runs `serve`'s lints in a worker thread, one at a time, each within a deadline. A lint that
 * runs past it is answered 503 and its thread is stopped and started afresh, so one hostile
 * request can neither hold the others nor keep the server from /healthz and SIGTERM.
 */
export class LintThread implements LintBackend {
  private worker!: Worker;
  private ready = false;
  private queue: Job[] = [];
  private current: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private closed = false;
  corpusMessages: number | null = null;
  ruleCount = 0;

  private constructor(
    readonly config: ResolvedConfig,
    private readonly batchLimit: number,
    private readonly deadlineMs: number,
  ) {}

  /** Starts the thread and resolves once its linter is loaded; a bad config or corpus rejects with its InputError. */
  static async start(config: ResolvedConfig, batchLimit: number, deadlineMs: number): Promise<LintThread> {
    const thread = new LintThread(config, batchLimit, deadlineMs);
    await thread.spawn();
    return thread;
  }

  get pending(): number {
    return this.queue.length + (this.current ? 1 : 0);
  }

  answer(route: LintRoute, text: string, named: PayloadPaths = {}): Promise<Reply> {
    if (this.closed) return Promise.resolve(shuttingDown());
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, route, text, named, resolve });
      this.pump();
    });
  }

  /** Stops the thread; lints still waiting or running are answered 503. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    for (const job of [...(this.current ? [this.current] : []), ...this.queue]) job.resolve(shuttingDown());
    this.current = undefined;
    this.queue = [];
    await this.worker.terminate();
  }

  private spawn(): Promise<void> {
    this.ready = false;
    const worker = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: { config: this.config, batchLimit: this.batchLimit } });
    this.worker = worker;
    return new Promise((ok, fail) => {
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          this.ready = true;
          this.corpusMessages = m.corpusMessages;
          this.ruleCount = m.ruleCount;
          ok();
          this.pump();
        } else if (m.type === 'failed') {
          const e = m.error;
          fail(e.file !== undefined ? new InputError(e.file, e.problem!, e.fix!) : new Error(e.message));
        } else if (this.current?.id === m.id) {
          this.finish(m.reply);
        }
      });
      worker.on('error', (e) => {
        fail(e);
        if (worker === this.worker) this.replace({ status: 500, body: { error: 'internal error', detail: e.message } });
      });
    });
  }

  private pump(): void {
    if (!this.ready || this.current || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.current = job;
    this.worker.postMessage({ id: job.id, route: job.route, text: job.text, named: job.named });
    this.timer = setTimeout(() => this.replace(overDeadline(this.deadlineMs)), this.deadlineMs);
  }

  private finish(reply: Reply): void {
    this.clearTimer();
    const job = this.current!;
    this.current = undefined;
    job.resolve(reply);
    this.pump();
  }

  /** Answers the lint in hand, stops its thread and starts a new one for the lints that wait. */
  private replace(reply: Reply): void {
    if (this.closed) return;
    this.ready = false;
    this.clearTimer();
    const job = this.current;
    this.current = undefined;
    job?.resolve(reply);
    const old = this.worker;
    void old.terminate();
    this.spawn().catch(() => {
      // The config loaded once already; should a restart fail, say so to every waiting lint.
      for (const job of this.queue) job.resolve({ status: 500, body: { error: 'internal error', detail: 'the lint thread could not be restarted' } });
      this.queue = [];
    });
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function overDeadline(ms: number): Reply {
  return {
    status: 503,
    body: { error: `the lint took longer than ${ms} ms and was stopped; send a shorter draft, or start serve with a larger --lint-timeout` },
    headers: { 'retry-after': '1' },
  };
}

function shuttingDown(): Reply {
  return { status: 503, body: { error: 'server is shutting down' }, headers: { 'retry-after': '1' } };
}

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/resolve.js';
import { InputError } from '../errors.js';
import { packageRoot } from '../fs/package-root.js';
import type { ParseOptions } from '../parse/parse-file.js';
import type { ReviewRecord, WorkerRecordOptions } from './review-record.js';

/** A file for a worker to review: its place in the input and its path. */
export interface WorkerTask {
  index: number;
  file: string;
}

/** What a worker sends back for a file: its records, or the error that stopped it. */
export type WorkerReply =
  | { index: number; records: ReviewRecord[]; error?: undefined }
  | { index: number; records?: undefined; error: { input?: { file: string; problem: string; fix: string }; message: string; stack?: string } };

// Two files in flight per worker, so that a worker never waits on the main thread between files.
const IN_FLIGHT = 2;

/**
 * Reviews `files` on `jobs` threads: this one, with `here` (the linter it already has), and
 * jobs - 1 worker threads (none when jobs is 1), each with its own linter built from `config`. Each lane takes the
 * next file when it is done with one, so a slow file holds up only its own lane. `onFile`
 * gets each file's records, or its error rebuilt as the error this thread would have met (an
 * InputError stays one), in the order the files finish, not the input order.
 */
export async function reviewFiles(
  files: string[],
  opts: { config: ResolvedConfig; parse: ParseOptions; jobs: number; record: WorkerRecordOptions; here: (file: string) => Promise<ReviewRecord[]> },
  onFile: (index: number, outcome: { records: ReviewRecord[] } | { error: Error }) => void,
): Promise<void> {
  const script = join(packageRoot, 'dist', 'review', 'review-worker.js');
  let next = 0;
  let done = 0;
  if (files.length === 0) return;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolvePool, rejectPool) => {
      const finished = (index: number, outcome: { records: ReviewRecord[] } | { error: Error }) => {
        // A failure to keep a record (the temporary folder full, say) stops the review with its error, from any lane.
        try {
          onFile(index, outcome);
        } catch (e) {
          rejectPool(e);
          return;
        }
        done++;
        if (done === files.length) resolvePool();
      };
      const send = (w: Worker) => {
        if (next < files.length) {
          w.postMessage({ index: next, file: files[next]! } satisfies WorkerTask);
          next++;
        }
      };
      for (let j = 0; j < Math.min(opts.jobs, files.length) - 1; j++) {
        const w = new Worker(script, { workerData: { config: opts.config, parse: opts.parse, record: opts.record } });
        workers.push(w);
        w.on('error', rejectPool);
        w.on('exit', (code) => {
          if (done < files.length) rejectPool(new Error(`a review worker stopped (exit code ${code}) with ${files.length - done} files left`));
        });
        w.on('message', (m: WorkerReply | { ready: true }) => {
          if ('ready' in m) {
            for (let k = 0; k < IN_FLIGHT; k++) send(w);
            return;
          }
          finished(m.index, m.records ? { records: m.records } : { error: rebuild(m.error) });
          send(w);
        });
      }
      // This thread's lane: one file at a time, yielding between files so that workers' replies are taken in.
      const lane = async () => {
        while (next < files.length) {
          const index = next++;
          let outcome: { records: ReviewRecord[] } | { error: Error };
          try {
            outcome = { records: await opts.here(files[index]!) };
          } catch (e) {
            outcome = { error: e as Error };
          }
          finished(index, outcome);
          await new Promise((r) => setImmediate(r));
        }
      };
      lane().catch(rejectPool);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function rebuild(e: NonNullable<WorkerReply['error']>): Error {
  const error = e.input ? new InputError(e.input.file, e.input.problem, e.input.fix) : new Error(e.message);
  if (e.stack) error.stack = e.stack;
  return error;
}

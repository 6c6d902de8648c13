import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/resolve.js';
import { isInputError } from '../errors.js';
import { OutreachLint } from '../outreach-lint.js';
import type { ParseOptions } from '../parse/parse-file.js';
import { reviewFile, type WorkerRecordOptions } from './review-record.js';
import type { WorkerReply, WorkerTask } from './review-pool.js';

// A review's worker thread: the same linter as the main thread's, built from the same resolved
// config, linting the files it is sent one at a time. Corpus files that cannot be read were
// reported by the main thread, which loaded the same corpus first.
const { config, parse, record } = workerData as { config: ResolvedConfig; parse: ParseOptions; record: WorkerRecordOptions };
const linter = await OutreachLint.create(config, { parse, onFileError: () => {} });
const corpusDrafts = new Map();
const port = parentPort!;
port.on('message', async ({ index, file }: WorkerTask) => {
  let reply: WorkerReply;
  try {
    const records = await reviewFile(linter, file, { ...record, corpusDrafts });
    reply = { index, records };
    port.postMessage(
      reply,
      records.map((r) => r.shingles.buffer as ArrayBuffer),
    );
  } catch (e) {
    const error = e as Error;
    reply = {
      index,
      error: isInputError(e)
        ? { input: { file: e.file, problem: e.problem, fix: e.fix }, message: e.message, ...(e.stack ? { stack: e.stack } : {}) }
        : { message: error?.message ?? String(e), ...(error?.stack ? { stack: error.stack } : {}) },
    };
    port.postMessage(reply);
  }
});
port.postMessage({ ready: true });

import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/resolve.js';
import { isInputError } from '../errors.js';
import { OutreachLint } from '../outreach-lint.js';
import type { PayloadPaths } from '../parse/payload.js';
import { answerLint, type LintRoute, type Reply } from './answer.js';

/**
 * The lint thread of `serve`: it loads the config's rules and corpus once, then answers one
 * request body at a time. The server's own thread stays free for /healthz, new connections
 * and SIGTERM, and can stop this thread when a lint runs past its deadline.
 */
const { config, batchLimit } = workerData as { config: ResolvedConfig; batchLimit: number };
const port = parentPort!;

try {
  const linter = await OutreachLint.create(config);
  // One lint before saying ready loads what the rules load lazily (matchers, the syllable
  // counter, the link finder), so a request's deadline measures its own lint and not the
  // thread's warm-up, also on the thread that replaces one stopped past its deadline.
  await linter.lintPayload({ subject: 'Warm-up', body: 'Hi Ana,\n\nSaw the Reno depot opened on 3 May. Worth a call?\n' }, '<warm-up>');
  port.on('message', async (job: { id: number; route: LintRoute; text: string; named: PayloadPaths }) => {
    let reply: Reply;
    try {
      reply = await answerLint(linter, job.route, job.text, batchLimit, job.named);
    } catch (e) {
      reply = { status: 500, body: { error: 'internal error', detail: (e as Error).message } };
    }
    port.postMessage({ type: 'reply', id: job.id, reply });
  });
  port.postMessage({ type: 'ready', corpusMessages: linter.services.corpus?.n ?? null, ruleCount: linter.rules.length });
} catch (e) {
  // Sent as parts: an InputError does not survive the thread boundary as itself.
  port.postMessage({ type: 'failed', error: isInputError(e) ? { file: e.file, problem: e.problem, fix: e.fix } : { message: (e as Error).message } });
}

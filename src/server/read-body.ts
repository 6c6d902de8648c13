import type { IncomingMessage } from 'node:http';

/** Why a request body could not be read, with the status it earns. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a request body up to `limit` bytes and within `timeoutMs`. Over the limit the read
 * stops at once (413); a body that trickles in too slowly is cut off (408).
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyError(413, `request body is ${declared} bytes; the limit is ${limit}`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish(new BodyError(408, `request body did not arrive within ${timeoutMs} ms`)), timeoutMs);
    const finish = (err?: Error) => {
      clearTimeout(timer);
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onError);
      if (err) {
        req.resume();
        reject(err);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) finish(new BodyError(413, `request body is over the ${limit}-byte limit`));
      else chunks.push(c);
    };
    const onEnd = () => finish();
    const onError = (e: Error) => finish(new BodyError(400, `request body could not be read (${e.message})`));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * A reader that goes away early (`outreach-lint drafts/ | head -1`) breaks the pipe, and Node
 * reports that as an unhandled 'error' with a stack trace. The output was not wanted any
 * more, so the error is dropped: the run finishes and exits with its own code, as `ls | head`
 * does, and nothing further is written to the stream.
 */
export function quietOnBrokenPipe<T extends NodeJS.WriteStream>(stream: T): T {
  if (!stream.listeners('error').includes(ignoreBrokenPipe)) stream.on('error', ignoreBrokenPipe);
  return stream;
}

function ignoreBrokenPipe(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
  throw e;
}

import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The tag every HTML review report carries in its head. A report saved in the folder it
 * reviews would otherwise be found by the next run and reviewed as one more template.
 */
export const REPORT_MARKER = '<meta name="generator" content="outreach-lint">';

// The tag sits in the first few lines of the head; no need to read a large report whole.
const HEAD_BYTES = 2048;

/** True when the file at `path` is an outreach-lint HTML report; false when it is not or cannot be read. */
export function isReviewReport(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, head, 0, HEAD_BYTES, 0);
    return head.subarray(0, n).toString('utf8').includes(REPORT_MARKER);
  } catch {
    // An unreadable file is not skipped here: reading it for the lint reports the problem.
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

import { closeSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes a file so that readers see either the old or the new content, never a mix: a temp
 * file in the target's folder, fsync, then rename over the target. The target's mode is kept.
 * A symbolic link is written through: its real target is replaced and the link stays a link.
 */
export function writeFileAtomic(linkOrPath: string, content: string | Uint8Array): void {
  const path = realTarget(linkOrPath);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const fd = openSync(tmp, 'w', mode ?? 0o666);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    safeUnlink(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    safeUnlink(tmp);
    throw e;
  }
  try {
    const dir = openSync(dirname(path), 'r');
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    // Some filesystems cannot fsync a folder; the rename is still atomic.
  }
}

/** The file a path ends at once every link is followed, even when that file is yet to be made. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  // realpath fails on a dangling link too; renaming over it would replace the link.
  let link: string;
  try {
    if (!lstatSync(path).isSymbolicLink()) return path;
    link = readlinkSync(path);
  } catch {
    return path;
  }
  return realTarget(resolve(dirname(path), link));
}

function safeUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

import * as fs from 'node:fs';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/fs/atomic-write.js';

// A spy on the rename shows where the temp file was and what it replaced, which the
// finished tree alone cannot tell.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, renameSync: vi.fn(real.renameSync) };
});

const NEW = Buffer.from('---\nsignal:\n  text: Raised a €9M Series A\n---\nHej Åsa,\n');

/** A folder with the link in one subfolder and its target in another, as dotfile managers lay them out. */
function linked(relative: boolean) {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'olatomic-')));
  mkdirSync(join(root, 'drafts'));
  mkdirSync(join(root, 'store'));
  const target = join(root, 'store', 'a.md');
  const link = join(root, 'drafts', 'a.md');
  symlinkSync(relative ? '../store/a.md' : target, link);
  return { root, target, link };
}

afterEach(() => vi.mocked(fs.renameSync).mockClear());

describe('writeFileAtomic', () => {
  it('replaces a regular file, keeps its mode and leaves no temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'olatomic-'));
    const path = join(dir, 'a.md');
    writeFileSync(path, 'Hi\n');
    chmodSync(path, 0o640);
    writeFileAtomic(path, NEW);
    expect(readFileSync(path)).toEqual(NEW);
    expect(statSync(path).mode & 0o7777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  for (const relative of [true, false]) {
    it(`writes through ${relative ? 'a relative' : 'an absolute'} symbolic link to its target; the link stays a link`, () => {
      const { root, target, link } = linked(relative);
      writeFileSync(target, 'Hi\n');
      chmodSync(target, 0o600);
      const pointsAt = readlinkSync(link);
      writeFileAtomic(link, NEW);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(pointsAt);
      expect(readFileSync(target)).toEqual(NEW);
      expect(statSync(target).mode & 0o7777).toBe(0o600);
      const [from, to] = vi.mocked(fs.renameSync).mock.calls[0]!;
      expect(dirname(String(from))).toBe(join(root, 'store'));
      expect(to).toBe(target);
      expect(readdirSync(join(root, 'drafts'))).toEqual(['a.md']);
      expect(readdirSync(join(root, 'store'))).toEqual(['a.md']);
    });
  }

  it('creates the missing target of a dangling link rather than replacing the link', () => {
    const { target, link } = linked(true);
    writeFileAtomic(link, NEW);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target)).toEqual(NEW);
  });

  it('follows a chain of links to the last one', () => {
    const { root, target, link } = linked(true);
    writeFileSync(target, 'Hi\n');
    const outer = join(root, 'outer.md');
    symlinkSync('drafts/a.md', outer);
    writeFileAtomic(outer, NEW);
    expect(lstatSync(outer).isSymbolicLink()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target)).toEqual(NEW);
  });
});

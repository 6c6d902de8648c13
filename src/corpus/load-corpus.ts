import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { InputError, isInputError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { ParseEnv } from '../parse/build-draft.js';
import { parseDrafts, type ParseOptions } from '../parse/parse-file.js';
import { packageRoot } from '../fs/package-root.js';
import { contentHash, folderFingerprint, listCorpusFiles, readCorpusFile } from './corpus-files.js';
import { CorpusIndex, ON_DEMAND_ARRAYS, type IndexHeader, type IndexInput } from './corpus-index.js';
import { CorruptIndexError, encodeIndex, INDEX_FORMAT, readIndex } from './index-file.js';
import { skeletonOf, skeletonText } from './skeleton.js';
import { stopwatch } from './stopwatch.js';
import { shippedWordVectors } from './word-vectors.js';
import { useShippedData } from '../fs/shipped-data.js';

/** The shipped corpus, and where its prebuilt index lives. */
export const SHIPPED_CORPUS = join(packageRoot, 'corpus');
export const SHIPPED_INDEX = join(packageRoot, 'dist', 'data', 'corpus-index.bin');
const SHIPPED_MANIFEST = join(packageRoot, 'dist', 'data', 'corpus-manifest.json');

export interface CorpusOptions {
  paths: string[];
  useDefault: boolean;
  parse?: ParseOptions;
  /** Where cached indexes go; see cacheDir(). */
  cacheDir?: string;
  /** Called for each corpus file that cannot be read; the rest are still indexed. */
  onFileError?: (e: InputError) => void;
  /** Build afresh even when a prebuilt or cached index would do (`corpus build`). */
  rebuild?: boolean;
}

/** How the index was obtained, for `corpus stats` and the benchmarks. */
export interface CorpusLoad {
  index: CorpusIndex;
  source: 'prebuilt' | 'cache' | 'built';
  loadMs: number;
  cacheFile?: string;
}

/**
 * Loads the corpus index: the shipped corpus's prebuilt index when only it is used and it is
 * current, else a cached index for this exact content, else a fresh build that is then
 * cached. A stale or corrupted cache file is rebuilt and replaced.
 */
export async function loadCorpus(env: ParseEnv, opts: CorpusOptions): Promise<CorpusLoad | undefined> {
  useShippedData();
  const elapsed = stopwatch();
  const roots = [...(opts.useDefault ? [SHIPPED_CORPUS] : []), ...opts.paths.map((p) => resolve(p))];
  if (roots.length === 0) return undefined;
  if (opts.useDefault && opts.paths.length === 0 && !opts.rebuild) {
    const prebuilt = tryPrebuilt();
    if (prebuilt) return { index: prebuilt, source: 'prebuilt', loadMs: elapsed() };
  }
  const files = listCorpusFiles(roots, displayPath);

  const hash = contentHash(files, pipelineVersion(opts.parse));
  const dir = opts.cacheDir ?? cacheDir();
  const cacheFile = join(dir, `index-${hash.slice(0, 24)}.bin`);
  const cached = opts.rebuild ? undefined : readIndexFile(cacheFile, hash);
  if (cached) return { index: cached, source: 'cache', loadMs: elapsed(), cacheFile };

  const contents = files.map((f) => ({ path: f.path, bytes: readCorpusFile(f.abs) }));
  const index = await buildIndex(contents, hash, env, opts);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(cacheFile, indexFileBytes(index));
  } catch {
    // A read-only cache folder only costs the next run a rebuild.
  }
  return { index, source: 'built', loadMs: elapsed(), cacheFile };
}

/** Parses corpus files into index inputs and builds the index. */
export async function buildIndex(
  contents: Array<{ path: string; bytes: Uint8Array }>,
  hash: string,
  env: ParseEnv,
  opts: Pick<CorpusOptions, 'parse' | 'onFileError'> = {},
): Promise<CorpusIndex> {
  const corpusEnv: ParseEnv = { ...env, mode: 'auto' };
  const inputs: IndexInput[] = [];
  for (const file of contents) {
    let drafts: Awaited<ReturnType<typeof parseDrafts>>;
    try {
      drafts = await parseDrafts(file.path, file.bytes, corpusEnv, opts.parse ?? {});
    } catch (e) {
      if (isInputError(e) && opts.onFileError) {
        opts.onFileError(e);
        continue;
      }
      throw e;
    }
    for (const d of drafts) {
      const skeleton = skeletonOf(d);
      const a = d.attributes;
      const id = d.index === undefined ? file.path : d.format === 'csv' ? `${file.path}:${String(a.line)}` : `${file.path}[${d.index}]`;
      const step = Number(a.step);
      inputs.push({
        meta: {
          id,
          archetype: typeof a.archetype === 'string' ? a.archetype : folderName(file.path),
          ...(Number.isFinite(step) && step > 0 ? { step } : {}),
          variant: typeof a.variant === 'string' ? a.variant : d.mode === 'template' ? 'template' : 'message',
        },
        skeleton: skeletonText(skeleton),
        units: skeleton.units.map((u) => u.masked),
      });
    }
  }
  if (inputs.length === 0) throw new InputError(contents[0]?.path ?? 'corpus', 'no corpus message could be read', 'check the corpus files');
  return CorpusIndex.build(inputs, hash);
}

/** The index as the bytes of an index file, its sentence and message text last, read on demand. */
export function indexFileBytes(index: CorpusIndex): Buffer {
  return encodeIndex(index.header, index.toArrays(), ON_DEMAND_ARRAYS);
}

/** Reads an index file; undefined when it is missing, stale or corrupt. */
export function readIndexFile(path: string, hash?: string, verify = true): CorpusIndex | undefined {
  useShippedData();
  if (!existsSync(path)) return undefined;
  try {
    const { header, arrays } = readIndex<IndexHeader>(path, { verify });
    if (hash !== undefined && header.hash !== hash) return undefined;
    return CorpusIndex.fromArrays(header, arrays);
  } catch (e) {
    if (e instanceof CorruptIndexError || e instanceof Error) return undefined;
    throw e;
  }
}

function tryPrebuilt(): CorpusIndex | undefined {
  if (!existsSync(SHIPPED_MANIFEST)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(SHIPPED_MANIFEST, 'utf8')) as { fingerprint: string; format: number };
    if (manifest.format !== INDEX_FORMAT || manifest.fingerprint !== folderFingerprint(SHIPPED_CORPUS)) return undefined;
  } catch {
    return undefined;
  }
  return readIndexFile(SHIPPED_INDEX, undefined, false);
}

/** Builds the shipped corpus's index into dist/ (run by `npm run build`). */
export async function prebuildShippedIndex(env: ParseEnv): Promise<CorpusIndex> {
  useShippedData();
  const files = listCorpusFiles([SHIPPED_CORPUS], displayPath);
  const contents = files.map((f) => ({ path: f.path, bytes: readCorpusFile(f.abs) }));
  const index = await buildIndex(contents, contentHash(files, pipelineVersion()), env);
  mkdirSync(dirname(SHIPPED_INDEX), { recursive: true });
  writeFileAtomic(SHIPPED_INDEX, indexFileBytes(index));
  writeFileAtomic(SHIPPED_MANIFEST, JSON.stringify({ fingerprint: folderFingerprint(SHIPPED_CORPUS), format: INDEX_FORMAT, hash: index.header.hash }));
  return index;
}

/**
 * Cached indexes go to $XDG_CACHE_HOME/outreach-lint when that is set, else to
 * node_modules/.cache/outreach-lint of the nearest project, else to the user's cache folder.
 */
export function cacheDir(cwd = process.cwd(), env = process.env): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'outreach-lint');
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'outreach-lint');
    if (dirname(dir) === dir) break;
  }
  const home = homedir();
  return home ? join(home, '.cache', 'outreach-lint') : join(tmpdir(), 'outreach-lint-cache');
}

/** What besides the files decides the index: its format and the masking data. */
function pipelineVersion(parse?: ParseOptions): string {
  const data = ['placeholders', 'regions'].map((n) => {
    const json = join(packageRoot, 'dist', 'data', `${n}.json`);
    return existsSync(json) ? readFileSync(json, 'utf8') : readFileSync(join(packageRoot, 'rules', `${n}.yml`), 'utf8');
  });
  return `format ${INDEX_FORMAT}\nwords ${shippedWordVectors()?.header.key ?? 'none'}\n${JSON.stringify(parse ?? {})}\n${data.join('\n')}`;
}

/** Shipped corpus paths show as corpus/...; user paths relative to the working folder. */
function displayPath(absPath: string): string {
  const inShipped = relative(packageRoot, absPath);
  if (absPath.startsWith(SHIPPED_CORPUS)) return inShipped;
  const rel = relative(process.cwd(), absPath);
  return rel.startsWith('..') ? absPath : rel;
}

function folderName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.length > 1 ? parts[parts.length - 2]! : 'user';
}

import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { indexFileBytes, loadCorpus } from '../corpus/load-corpus.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { createParseEnv } from '../parse/parse-env.js';
import { formatOptions, type Io } from './lint-command.js';
import { runConfig } from './run-config.js';
import { EXIT_FATAL, EXIT_OK, reportError } from './report-error.js';

export interface CorpusFlags {
  config?: string;
  defaultCorpus: boolean;
  csvSubject?: string;
  csvBody?: string;
  json?: boolean;
  debug?: boolean;
  /** `corpus build --out FILE`: the index as a file, for the browser extension's options page. */
  out?: string;
}

/** `corpus build` forces a fresh index; `corpus stats` uses the cached or prebuilt one. */
export async function runCorpus(action: 'build' | 'stats', paths: string[], flags: CorpusFlags, io: Io): Promise<number> {
  const config = await runConfig(io.cwd, { ...flags, defaultCorpus: true });
  const userPaths = paths.length ? paths.map((p) => resolve(io.cwd, p)) : config.corpus;
  const useDefault = flags.defaultCorpus && config.defaultCorpus;
  if (!useDefault && userPaths.length === 0) throw new InputError('corpus', 'no corpus to index', 'name corpus folders or files, or drop --no-default-corpus');
  let failed = false;
  const result = await loadCorpus(createParseEnv(), {
    paths: userPaths,
    useDefault,
    parse: formatOptions(flags),
    onFileError: (e) => {
      failed = true;
      reportError(e, !!flags.debug, io.stderr);
    },
    ...(action === 'build' ? { rebuild: true } : {}),
  });
  const index = result!.index;
  const out = action === 'build' && flags.out ? resolve(io.cwd, flags.out) : undefined;
  if (out) writeFileAtomic(out, indexFileBytes(index));
  const archetypes = new Map<string, number>();
  for (const m of index.messages) archetypes.set(m.archetype, (archetypes.get(m.archetype) ?? 0) + 1);
  const stats = {
    messages: index.n,
    sentences: index.sentenceCount,
    terms: index.header.terms,
    archetypes: Object.fromEntries([...archetypes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    hash: index.header.hash,
    builtAt: index.header.builtAt,
    buildMs: index.header.buildMs,
    loadMs: Math.round(result!.loadMs * 10) / 10,
    source: result!.source,
    ...(result!.cacheFile ? { cacheFile: result!.cacheFile } : {}),
    ...(out ? { out } : {}),
  };
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
  } else {
    const lines = [
      `messages    ${stats.messages}`,
      `sentences   ${stats.sentences}`,
      `terms       ${stats.terms}`,
      `archetypes  ${archetypes.size}`,
      ...[...Object.entries(stats.archetypes)].map(([a, n]) => `  ${String(n).padStart(5)}  ${a}`),
      `built       ${stats.builtAt} in ${stats.buildMs} ms`,
      `loaded      ${stats.loadMs} ms (${stats.source}${stats.cacheFile ? `, ${stats.cacheFile}` : ''})`,
      ...(out ? [`written to  ${out}`] : []),
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return failed ? EXIT_FATAL : EXIT_OK;
}

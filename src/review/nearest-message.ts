import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../fs/package-root.js';
import type { Draft } from '../kernel/types.js';
import { createParseEnv } from '../parse/parse-env.js';
import { parseDrafts, type ParseOptions } from '../parse/parse-file.js';

/**
 * A corpus message named by its index id (`path`, `path[i]` for one of a JSON file's drafts,
 * `path:line` for a CSV row), read and parsed as the index read it, so that the report can
 * show it and mark the sentences a template shares with it. Undefined when the file is gone
 * or no longer parses: the report then shows the template alone.
 */
export async function readCorpusMessage(id: string, parse: ParseOptions = {}): Promise<Draft | undefined> {
  const [, file, index, line] = /^(.*?)(?:\[(\d+)\]|:(\d+))?$/.exec(id)!;
  const path = [join(packageRoot, file!), resolve(file!)].find((p) => existsSync(p));
  if (!path) return undefined;
  try {
    const drafts = await parseDrafts(file!, readFileSync(path), createParseEnv(), parse);
    if (index !== undefined) return drafts.find((d) => d.index === Number(index));
    if (line !== undefined) return drafts.find((d) => String(d.attributes.line) === line);
    return drafts[0];
  } catch {
    return undefined;
  }
}

import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');
let loaded: YamlModule | undefined;

/**
 * The YAML library, loaded on first use: drafts without front matter and a build whose rule
 * data is precompiled to JSON never pay for it.
 */
export function yaml(): YamlModule {
  loaded ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return loaded;
}

/**
 * How far aliases may expand when YAML becomes data (the library counts each alias use
 * weighted by the aliases inside what it points to). Front matter and sidecars hold a few
 * keys and have no use for aliases; a low cap refuses a "billion laughs" document after a
 * handful of steps instead of the library's default 100.
 */
export const MAX_ALIAS_COUNT = 20;

/**
 * A parsed document as plain data with alias expansion capped at MAX_ALIAS_COUNT. Throws a
 * ReferenceError (the library's) when aliases expand further or point at no anchor.
 */
export function yamlData(doc: import('yaml').Document): unknown {
  return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/**
 * Parses a small YAML file the user wrote (a sidecar, team rule data) into plain data, with
 * aliases capped as in yamlData. Throws the library's error, whose first line says what is wrong.
 */
export function parseYamlText(text: string): unknown {
  return yaml().parse(text, { maxAliasCount: MAX_ALIAS_COUNT, prettyErrors: false });
}

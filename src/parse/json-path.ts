/**
 * Paths into parsed JSON, as the payload data writes them: dotted keys, `name[]` for the
 * first element of an array, and `name[key=value]` for the first element whose `key` is
 * `value` (JSON:API's `included[type=prospect]`). A path that meets anything else holds nothing.
 */
export function atPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const step of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    const m = /^([^[\]]*)(?:\[(?:([^=\]]+)=([^\]]*))?\])?$/.exec(step);
    if (!m) return undefined;
    const [, key, matchKey, matchValue] = m;
    if (key) node = (node as Record<string, unknown>)[key!];
    if (step.endsWith(']')) {
      if (!Array.isArray(node)) return undefined;
      node =
        matchKey === undefined
          ? node[0]
          : node.find((x) => x !== null && typeof x === 'object' && String((x as Record<string, unknown>)[matchKey]) === matchValue);
    }
  }
  return node;
}

/**
 * A rule's own data (rules/<id>.yml without its examples) plus the shared files its meta says
 * it uses, read through `load`: the Node shells read dist/data, the extension its bundled copy.
 */
export function ownRuleData(id: string, uses: readonly string[], load: (name: string) => unknown): Record<string, unknown> {
  const { examples: _examples, ...own } = (load(id) as Record<string, unknown> | null) ?? {};
  for (const name of uses) own[name] = load(name);
  return own;
}

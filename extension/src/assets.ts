/** The extension's own bundled files (rule data, corpus index, tables), read from its package: never the network. */

export async function ruleData(): Promise<Record<string, unknown>> {
  return (await fetch(chrome.runtime.getURL('data/rule-data.json'))).json() as Promise<Record<string, unknown>>;
}

export async function assetBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(chrome.runtime.getURL(path))).arrayBuffer());
}

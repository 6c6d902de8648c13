/**
 * `node:module` for the browser bundle: src/parse/yaml.ts loads the YAML library on first use
 * with createRequire, which a browser has not. Here the library is bundled and handed out.
 */
import * as yamlModule from 'yaml';

export function createRequire(_from: string): (id: string) => unknown {
  return (id) => {
    if (id === 'yaml') return yamlModule;
    throw new Error(`${id} is not bundled with the extension`);
  };
}

import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { parseYamlText } from '../parse/yaml.js';
import { fileError } from './file-error.js';

/**
 * Reads a YAML file a person wrote or edited (a sidecar, a team's rule data, an edited rules
 * file). A file that cannot be read, or is not YAML, is one line naming it, with `fix`.
 */
export function readYamlFile(path: string, fix: string, parse: (text: string) => unknown = parseYamlText): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw fileError(path, e);
  }
  try {
    return parse(text);
  } catch (e) {
    throw new InputError(path, `is not valid YAML (${(e as Error).message.split('\n')[0]})`, fix);
  }
}

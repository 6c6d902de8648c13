import pc from 'picocolors';
import type { Colors } from '../formatters/types.js';

/**
 * Colour is on for a terminal and off for pipes and files; a non-empty NO_COLOR turns it
 * off and a non-empty FORCE_COLOR (other than 0) on; --color / --no-color win over both.
 */
export function chooseColors(flag: boolean | undefined, toTerminal: boolean, env: NodeJS.ProcessEnv = process.env): Colors {
  let on = toTerminal;
  if (env.NO_COLOR) on = false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') on = true;
  if (flag !== undefined) on = flag;
  return pc.createColors(on);
}

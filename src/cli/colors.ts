import pc from 'picocolors';
import type { Colors } from '../formatters/types.js';

/**
 * Colour is on for a terminal and off for pipes and files; NO_COLOR turns it off and
 * FORCE_COLOR on, and --color / --no-color win over both.
 */
export function chooseColors(flag: boolean | undefined, toTerminal: boolean, env: NodeJS.ProcessEnv = process.env): Colors {
  let on = toTerminal;
  if (env.NO_COLOR) on = false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') on = true;
  if (flag !== undefined) on = flag;
  return pc.createColors(on);
}

import { spawn } from 'node:child_process';

/** One exchange with a program in a terminal: wait for text on screen, then type. */
export interface Step {
  waitFor: RegExp;
  send: string;
}

/**
 * Runs a command under `script`, which gives it a pseudo-terminal, and plays the steps.
 * Resolves with everything the terminal showed (ANSI codes removed) and the exit code.
 */
export function runInPty(
  command: string,
  cwd: string,
  steps: Step[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 20_000,
): Promise<{ screen: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let raw = '';
    let step = 0;
    let seenUpTo = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out at step ${step} waiting for ${steps[step]?.waitFor}; screen:\n${strip(raw)}`));
    }, timeoutMs);
    const advance = () => {
      while (step < steps.length) {
        const text = strip(raw).slice(seenUpTo);
        const m = steps[step]!.waitFor.exec(text);
        if (!m) return;
        seenUpTo += m.index + m[0].length;
        const { send } = steps[step]!;
        step++;
        // Typed one key at a time, as a person would, so the prompt sees each keypress.
        setTimeout(() => typeOut(child.stdin!, send), 150);
      }
    };
    child.stdout!.on('data', (d: Buffer) => {
      raw += d.toString('utf8');
      advance();
    });
    child.stderr!.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ screen: strip(raw), code });
    });
  });
}

function typeOut(stdin: NodeJS.WritableStream, keys: string): void {
  const chars = [...keys];
  const next = () => {
    const c = chars.shift();
    if (c === undefined) return;
    stdin.write(c);
    setTimeout(next, 5);
  };
  next();
}

export function strip(s: string): string {
  // eslint-disable-next-line no-control-regex
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences start with ESC.
  return s.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\u001b[>=]|\r/g, '');
}

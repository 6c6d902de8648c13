/** What a command reads and writes: the process's streams in the CLI, buffers in tests. */
export interface Io {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  /** Standard input as a stream, for the interactive signal prompt. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  readStdin(): Promise<Uint8Array>;
  env?: NodeJS.ProcessEnv;
  version: string;
}

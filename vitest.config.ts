import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default is a worker per core less one: one here. Many test files spend most of
    // their time waiting on the CLI, server or browser they start, so two share two cores well
    // (npm test 178 s -> 99-101 s here, with 300 property runs); three made the browser tests miss their waits.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A wait on a browser or a server that another test file is slowing down: long enough for a
    // loaded machine, and a wait that succeeds returns at once.
    expect: { poll: { timeout: 10_000 } },
  },
});

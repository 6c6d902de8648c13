import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM module shared with the benchmarks
import { bestTime, GROWTH_SIZES_KB, HOSTILE_SHAPES } from '../bench/hostile-shapes.mjs';
import { makeLinter } from './helpers.js';

// The shapes that found quadratic work, and realistic text; `npm run bench` times them all.
const TESTED = [
  'one long token',
  'consonants, no vowel',
  '"%a" repeated',
  '". " repeated',
  '"{{a}} " repeated',
  '"{{---" lines (found by the fuzzer)',
  'stock phrase repeated',
  'realistic text',
  'distinct unknown words',
  'links with no space between them',
  'a name before "blog" repeated',
  "the prospect's activity on the sender's product",
  'parts of their site in one sentence',
];
const shapes = Object.fromEntries(TESTED.map((n) => [n, (HOSTILE_SHAPES as Record<string, (bytes: number) => string>)[n]!]));
const sizes = GROWTH_SIZES_KB as number[];

// Time is measured as a ratio between sizes in one process, never against a fixed budget:
// this machine is shared and noisy. From 25 KB to 200 KB the input grows 8 times; linear
// work grows about as much (less, where a fixed cost dominates the small case), and work
// that grows with the square of the input grows 64 times.
describe('lint time grows linearly with the input', async () => {
  const linter = await makeLinter();
  await linter.lintText('Hi Dana, warm up the linter before timing it.', 'warm.txt');
  // The smallest case is the divisor, so it is timed twice and the better run kept.
  const time = (text: string, runs: number) => bestTime(() => linter.lintText(text, 'hostile.txt'), runs) as Promise<number>;

  for (const [name, make] of Object.entries(shapes)) {
    it(`${name}: 8 times the input takes at most about 8 times as long`, async () => {
      const ms: number[] = [];
      for (const kb of sizes) ms.push(await time(make(kb * 1024), kb === sizes[0] ? 2 : 1));
      const growth = ms[ms.length - 1]! / Math.max(ms[0]!, 1);
      expect(growth, `ms at ${sizes.join('/')} KB: ${ms.map((m) => m.toFixed(0)).join('/')}`).toBeLessThan(20);
    }, 120_000);
  }
});

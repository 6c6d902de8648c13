// How lint time grows with the size of hostile and realistic drafts: each shape at 25, 50,
// 100 and 200 KB in one process, printed as a Markdown table of time as a ratio to the 25 KB
// case (linear work: about 2, 4 and 8). Run with `npm run bench:growth`; the table in
// docs/bad-input.md comes from it.
import { createLinter } from '../dist/index.js';
import { bestTime, GROWTH_SIZES_KB, HOSTILE_SHAPES } from './hostile-shapes.mjs';

const linter = await createLinter({ config: {} });
await linter.lintText('Hi Dana, warm up the linter before timing it.', 'warm.txt');

const rows = [];
for (const [name, make] of Object.entries(HOSTILE_SHAPES)) {
  const ms = [];
  for (const kb of GROWTH_SIZES_KB) {
    const text = make(kb * 1024);
    ms.push(await bestTime(() => linter.lintText(text, 'hostile.txt'), 3));
  }
  rows.push(
    `| ${name} | ${ms[0].toFixed(0)} ms | ${ms
      .slice(1)
      .map((m) => `${(m / ms[0]).toFixed(1)}x`)
      .join(' | ')} |`,
  );
}
console.log(
  `| input shape | ${GROWTH_SIZES_KB[0]} KB | ${GROWTH_SIZES_KB.slice(1)
    .map((kb) => `${kb} KB`)
    .join(' | ')} |`,
);
console.log(
  `| --- | --- | ${GROWTH_SIZES_KB.slice(1)
    .map(() => '---')
    .join(' | ')} |`,
);
for (const r of rows) console.log(r);

// How a warm lint grows with the draft's length: 50, 150 and 600 words, shipped corpus.
import { createLinter } from '../dist/index.js';
import { median, table, time } from './measure.mjs';
import { DRAFT } from './server-bench.mjs';

export async function draftLength() {
  const linter = await createLinter({ config: {} });
  const words = DRAFT.body.split(/\s+/);
  const rows = [];
  for (const n of [50, 150, 600]) {
    const body = Array.from({ length: Math.ceil(n / words.length) }, () => DRAFT.body)
      .join('\n\n')
      .split(/(\s+)/)
      .slice(0, n * 2)
      .join('');
    const text = `Subject: ${DRAFT.subject}\n\n${body}\n`;
    for (let i = 0; i < 20; i++) await linter.lintText(text, 'd.txt');
    const ts = [];
    for (let i = 0; i < 60; i++) ts.push(await time(() => linter.lintText(text, 'd.txt')));
    rows.push([`${n} words`, `${median(ts).toFixed(2)} ms`]);
  }
  return table(['warm lint, shipped corpus', 'median per draft'], rows);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await draftLength());

// What a request that sets rule levels costs beside one that does not: the same payload to
// the same linter, the two kinds interleaved so that both see the same machine.
import { createLinter } from '../dist/index.js';
import { median, table, time } from './measure.mjs';
import { DRAFT } from './server-bench.mjs';

export async function requestLevels({ rounds = 400 } = {}) {
  const linter = await createLinter({ config: {} });
  const plain = { subject: DRAFT.subject, body: DRAFT.body };
  const levels = { rules: { 'stock-phrase': 'error', 'vague-personalization': 'info', 'signal-unused': 'off' } };
  for (let i = 0; i < 50; i++) {
    await linter.lintPayload(plain);
    await linter.lintPayload(plain, '<request>', levels.rules);
  }
  const without = [];
  const withLevels = [];
  for (let i = 0; i < rounds; i++) {
    without.push(await time(() => linter.lintPayload(plain)));
    withLevels.push(await time(() => linter.lintPayload(plain, '<request>', levels.rules)));
  }
  const a = median(without);
  const b = median(withLevels);
  return table(
    ['library lint of one payload', 'median', 'ratio'],
    [
      ['without rules:', `${a.toFixed(3)} ms`, '1.00'],
      ['with rules: {3 levels}', `${b.toFixed(3)} ms`, (b / a).toFixed(2)],
    ],
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await requestLevels());

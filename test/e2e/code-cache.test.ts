import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';

// The build writes V8's code cache for the CLI bundle; bin/outreach-lint.js hands it to
// vm.Script with this same wrapper. A cache V8 rejects (stale, or written for another
// bundle) would silently cost every cold lint ~9%.
describe('the CLI bundle code cache', () => {
  it('is accepted by this Node for the bundle the bin runs', () => {
    const wrapper = '(function (exports, require, module, __filename, __dirname, __olImport) {';
    expect(readFileSync(resolve('bin/outreach-lint.js'), 'utf8')).toContain(wrapper);
    const bundle = resolve('dist/cli-bundle/main.cjs');
    const script = new Script(`${wrapper}${readFileSync(bundle, 'utf8')}\n})`, { filename: bundle, cachedData: readFileSync(`${bundle}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });
});

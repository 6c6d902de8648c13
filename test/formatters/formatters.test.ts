import { describe, expect, it } from 'vitest';
import { github } from '../../src/formatters/github.js';
import { junit } from '../../src/formatters/junit.js';
import { stylish } from '../../src/formatters/stylish.js';
import { chooseColors } from '../../src/cli/colors.js';
import type { FormatContext } from '../../src/formatters/types.js';
import { lintOne } from '../helpers.js';

const ctx: FormatContext = { cwd: '/', color: chooseColors(false, false, {}), rules: [], version: '0.0.0' };

describe('formatters', () => {
  it('github escapes newlines, percent signs, colons and commas', async () => {
    const r = await lintOne('Hi {{first_name}},', 'a,b:c%.md', { mode: 'draft', only: ['unresolved-placeholder'] });
    r.findings[0]!.message = '50% done\nnext';
    expect(github([r], ctx)).toBe(
      '::error file=a%2Cb%3Ac%25.md,line=1,endLine=1,col=4,endColumn=18,title=outreach-lint (unresolved-placeholder)::50%25 done%0Anext\n',
    );
  });

  it('junit escapes XML and drops characters XML cannot hold', async () => {
    const r = await lintOne('Hi {{first_name}},', 'x<&>.md', { mode: 'draft', only: ['unresolved-placeholder'] });
    r.findings[0]!.message = 'a "b" <c> & \u0001d';
    const xml = junit([r], ctx);
    expect(xml).toContain('<testsuite name="x&lt;&amp;&gt;.md" tests="1" failures="1" errors="0">');
    expect(xml).toContain('message="a &quot;b&quot; &lt;c&gt; &amp; d"');
  });

  it('stylish clips a long line around the finding', async () => {
    const long = `${'word '.repeat(60)}{{company}} ${'tail '.repeat(30)}`;
    const r = await lintOne(long, 'long.txt', { mode: 'draft', only: ['unresolved-placeholder'] });
    const lines = stylish([r], ctx).split('\n');
    expect(lines[2]).toBe('  91 words · grade 32 · 0 questions · 0 links');
    const snippet = lines[4]!;
    const carets = lines[5]!;
    expect(snippet.trim().startsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThan(130);
    expect(snippet.indexOf('{{company}}')).toBe(carets.indexOf('^'));
    expect(carets.trim()).toBe('^^^^^^^^^^^');
  });

  it('colour choice follows NO_COLOR, FORCE_COLOR, the terminal and the flags', () => {
    const on = (flag: boolean | undefined, tty: boolean, env: NodeJS.ProcessEnv) => chooseColors(flag, tty, env).red('x') !== 'x';
    expect(on(undefined, true, {})).toBe(true);
    expect(on(undefined, false, {})).toBe(false);
    expect(on(undefined, true, { NO_COLOR: '1' })).toBe(false);
    expect(on(undefined, false, { FORCE_COLOR: '1' })).toBe(true);
    expect(on(false, true, { FORCE_COLOR: '1' })).toBe(false);
    expect(on(true, false, { NO_COLOR: '1' })).toBe(true);
  });
});

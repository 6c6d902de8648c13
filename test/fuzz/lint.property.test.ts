import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { json } from '../../src/formatters/json.js';
import { chooseColors } from '../../src/cli/colors.js';
import { allRules } from '../../src/rules/index.js';
import { InputError } from '../../src/errors.js';
import { makeLinter } from '../helpers.js';

const linter = await makeLinter();
const ctx = { cwd: '/', color: chooseColors(false, false, {}), rules: allRules.map((r) => r.meta), version: '0' };
// FUZZ_CASES is the whole campaign (npm run fuzz:campaign): five string formats and a quarter
// each of four byte formats make six times RUNS cases. FUZZ_RUNS sets RUNS itself.
const RUNS = process.env.FUZZ_CASES ? Math.ceil(Number(process.env.FUZZ_CASES) / 6) : Number(process.env.FUZZ_RUNS ?? 300);
const TIMEOUT = Math.max(300_000, RUNS * 30);
const formatters = await Promise.all(Object.entries(FORMATTERS).map(async ([name, load]) => [name, await load()] as const));

/** Every output format renders the results; the machine-readable ones parse back. */
function renderAll(results: Parameters<(typeof formatters)[number][1]>[0]): void {
  for (const [name, format] of formatters) {
    const out = format(results, ctx);
    expect(typeof out).toBe('string');
    if (name === 'json' || name === 'sarif') JSON.parse(out);
    if (name === 'junit') expect(out.startsWith('<?xml')).toBe(true);
  }
}

/** Text built from the pieces that trip email parsers: placeholders, delimiters, front matter, MIME. */
const emailish = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom(
        '{{',
        '}}',
        '{{first_name}}',
        '{{#if x}}',
        '{{/if}}',
        '*|',
        '|*',
        '*|FNAME|*',
        '[[MISSING TOKEN',
        '%',
        '{a|b}',
        '[First Name]',
        '<<',
        '>>',
        '___',
        '{%',
        '%}',
        '#{',
        '${',
      ),
      fc.constantFrom(
        '---\n',
        'prospect:\n',
        '  first_name: Ana\n',
        'signal: x\n',
        'Subject: ',
        '\r\n',
        '\n\n',
        '> quoted\n',
        '-- \n',
        'On Tue wrote:\n',
        'Hi ,\n',
        'Unsubscribe\n',
      ),
      fc.constantFrom(
        '$1.5M',
        'e.g.',
        'Inc.',
        'a.m.',
        'Q3',
        '3 November',
        '"quoted words here"',
        'P.S. ',
        'Congrats on the recent success!',
        'your post on freight audits',
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('linting arbitrary input', () => {
  it.each(['x.md', 'x.txt', 'x.html', 'x.json', 'x.eml'])(
    'never throws anything but a one-line InputError, keeps positions in the file, and is deterministic (%s)',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(emailish, async (text) => {
          let results: Awaited<ReturnType<typeof linter.lintText>>;
          try {
            results = await linter.lintText(text, name);
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            expect((e as Error).message).not.toContain('\n');
            return;
          }
          const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
          for (const r of results) {
            for (const f of r.findings) {
              expect(f.line).toBeGreaterThanOrEqual(1);
              expect(f.column).toBeGreaterThanOrEqual(1);
              expect(f.endLine).toBeGreaterThanOrEqual(f.line);
              if (name !== 'x.eml') expect(f.endLine).toBeLessThanOrEqual(Math.max(lines, 1) + 1);
            }
            expect(r.score).toBeGreaterThanOrEqual(0);
            expect(r.score).toBeLessThanOrEqual(100);
          }
          renderAll(results);
          const again = await linter.lintText(text, name);
          expect(JSON.parse(json(again, ctx))).toEqual(JSON.parse(json(results, ctx)));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

/** Raw bytes, broken MIME with missing boundaries, bad base64 and huge headers, and deep broken HTML. */
const hostile = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc
    .tuple(fc.string({ maxLength: 30 }), fc.constantFrom('quoted-printable', 'base64', '7bit', 'x-bogus'), fc.string({ maxLength: 200 }), fc.nat(3000))
    .map(([b, enc, body, header]) =>
      new TextEncoder().encode(
        `Subject: =?UTF-8?B?${b}?=\r\nX-Huge: ${'h'.repeat(header)}\r\nContent-Type: multipart/alternative; boundary="${b}"\r\nContent-Transfer-Encoding: ${enc}\r\n\r\n--${b}\r\nContent-Type: text/plain\r\n\r\n${body}==\r\n`,
      ),
    ),
  fc
    .nat(3000)
    .map((depth) => new TextEncoder().encode(`<html><body>${'<div><p><b>'.repeat(depth)}Hi {{first_name}}${'</b></i>'.repeat(depth / 2)}<table><tr><td>x`)),
);

describe('linting hostile bytes', () => {
  it.each(['x.eml', 'x.html', 'x.txt', 'x.json'])(
    'never throws anything but a one-line InputError (%s)',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(hostile, async (bytes) => {
          try {
            renderAll(await linter.lintBytes(name, bytes));
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            expect((e as Error).message).not.toContain('\n');
          }
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    },
    TIMEOUT,
  );
});

/**
 * A random draft and the same draft eight times over, up to about 300 KB: the long one must
 * take at most about eight times as long. Timed as a ratio in one process, never against a
 * fixed budget; work that grows with the square of the input would take 64 times as long.
 */
describe('linting random input at hostile sizes', () => {
  const SIZE_RUNS = Number(process.env.FUZZ_SIZE_RUNS ?? 3);
  const time = async (text: string, name: string) => {
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      try {
        await linter.lintText(text, name);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
      }
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  it(
    'takes time proportional to the size of the input',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          emailish.filter((t) => t.length > 0),
          fc.integer({ min: 4, max: 37 }),
          fc.constantFrom('x.md', 'x.txt', 'x.html', 'x.json'),
          async (unit, kb, name) => {
            // The unit repeated to `kb` KB, then to eight times that.
            const small = unit.repeat(Math.max(1, Math.ceil((kb * 1024) / unit.length)));
            const large = small.repeat(8);
            const ratio = (await time(large, name)) / Math.max(await time(small, name), 2);
            expect(ratio, `${name}, ${small.length} then ${large.length} characters of ${JSON.stringify(unit.slice(0, 60))}`).toBeLessThan(20);
          },
        ),
        { numRuns: SIZE_RUNS },
      );
    },
    Math.max(600_000, SIZE_RUNS * 60_000),
  );
});

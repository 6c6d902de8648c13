import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { json } from '../../src/formatters/json.js';
import { sarif } from '../../src/formatters/sarif.js';
import { chooseColors } from '../../src/cli/colors.js';
import { allRules } from '../../src/rules/index.js';
import { InputError } from '../../src/errors.js';
import { makeLinter } from '../helpers.js';

const linter = await makeLinter();
const ctx = { cwd: '/', color: chooseColors(false, false, {}), rules: allRules.map((r) => r.meta), version: '0' };
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

/** Text built from the pieces that trip email parsers: placeholders, delimiters, front matter, MIME. */
const emailish = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('{{', '}}', '{{first_name}}', '{{#if x}}', '{{/if}}', '*|', '|*', '*|FNAME|*', '[[MISSING TOKEN', '%', '{a|b}', '[First Name]', '<<', '>>', '___', '{%', '%}', '#{', '${'),
      fc.constantFrom('---\n', 'prospect:\n', '  first_name: Ana\n', 'signal: x\n', 'Subject: ', '\r\n', '\n\n', '> quoted\n', '-- \n', 'On Tue wrote:\n', 'Hi ,\n', 'Unsubscribe\n'),
      fc.constantFrom('$1.5M', 'e.g.', 'Inc.', 'a.m.', 'Q3', '3 November', '"quoted words here"', 'P.S. ', 'Congrats on the recent success!', 'your post on freight audits'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('linting arbitrary input', () => {
  it.each(['x.md', 'x.txt', 'x.html', 'x.json', 'x.eml'])('never throws anything but a one-line InputError, keeps positions in the file, and is deterministic (%s)', async (name) => {
    await fc.assert(
      fc.asyncProperty(emailish, async (text) => {
        let results;
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
        JSON.parse(json(results, ctx));
        JSON.parse(sarif(results, ctx));
        const again = await linter.lintText(text, name);
        expect(JSON.parse(json(again, ctx))).toEqual(JSON.parse(json(results, ctx)));
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});

/** Raw bytes, broken MIME with missing boundaries, bad base64 and huge headers, and deep broken HTML. */
const hostile = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc
    .tuple(fc.string({ maxLength: 30 }), fc.constantFrom('quoted-printable', 'base64', '7bit', 'x-bogus'), fc.string({ maxLength: 200 }), fc.nat(3000))
    .map(([b, enc, body, header]) => new TextEncoder().encode(`Subject: =?UTF-8?B?${b}?=\r\nX-Huge: ${'h'.repeat(header)}\r\nContent-Type: multipart/alternative; boundary="${b}"\r\nContent-Transfer-Encoding: ${enc}\r\n\r\n--${b}\r\nContent-Type: text/plain\r\n\r\n${body}==\r\n`)),
  fc.nat(400).map((depth) => new TextEncoder().encode(`<html><body>${'<div><p><b>'.repeat(depth)}Hi {{first_name}}${'</b></i>'.repeat(depth / 2)}<table><tr><td>x`)),
);

describe('linting hostile bytes', () => {
  it.each(['x.eml', 'x.html', 'x.txt', 'x.json'])('never throws anything but a one-line InputError (%s)', async (name) => {
    await fc.assert(
      fc.asyncProperty(hostile, async (bytes) => {
        try {
          const results = await linter.lintBytes(name, bytes);
          JSON.parse(json(results, ctx));
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  }, 300_000);
});

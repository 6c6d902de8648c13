import { describe, expect, it } from 'vitest';
import { isInputError } from '../../src/errors.js';
import { nestsDeeperThan } from '../../src/parse/html-depth.js';
import { htmlTitle, htmlToText, MAX_HTML_DEPTH } from '../../src/parse/html-text.js';
import { parseDrafts } from '../../src/parse/parse-file.js';
import { makeLinter } from '../helpers.js';

const linter = await makeLinter();
const parse = (name: string, text: string) => parseDrafts(name, new TextEncoder().encode(text), linter.env);
const nest = (depth: number, tag = 'div') => `${`<${tag}>`.repeat(depth)}Hi Dana${`</${tag}>`.repeat(depth)}`;
const TOO_DEEP = `HTML is nested more than ${MAX_HTML_DEPTH} elements deep; close the tags that are left open, or remove wrapper elements`;

/** Milliseconds one call takes. */
function timed(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

describe('nestsDeeperThan', () => {
  it('counts open elements the way the HTML parser nests them', () => {
    expect(nestsDeeperThan(nest(10), 10)).toBe(false);
    expect(nestsDeeperThan(nest(11), 10)).toBe(true);
    // End tags close up to the matching element; stray end tags change nothing.
    expect(nestsDeeperThan('<div><b><i>x</div>'.repeat(50), 3)).toBe(false);
    expect(nestsDeeperThan(`${'</span>'.repeat(100)}${nest(3)}`, 3)).toBe(false);
  });

  it('does not count what adds no level: void and self-closed tags, comments, script and style text', () => {
    expect(nestsDeeperThan('<br><img src=x><hr><svg><path d="M0"/></svg>'.repeat(100), 2)).toBe(false);
    expect(nestsDeeperThan(`<!-- ${'<div>'.repeat(50)} --><style>${'<div>'.repeat(50)}</style><script>if (a<b) x()</script>`, 1)).toBe(false);
  });

  it('reads unclosed <p>, <li>, cells and rows as siblings, as browsers do', () => {
    expect(nestsDeeperThan(`<p>${'one<p>'.repeat(2000)}`, 2)).toBe(false);
    expect(nestsDeeperThan(`<ul>${'<li>item'.repeat(2000)}</ul>`, 2)).toBe(false);
    expect(nestsDeeperThan(`<table>${'<tr><td>a<td>b'.repeat(2000)}</table>`, 3)).toBe(false);
    expect(nestsDeeperThan('<p>text<div>block</div>'.repeat(2000), 2)).toBe(false);
  });

  it('is linear on 1 MB of hostile input', () => {
    const mb = (unit: string) => unit.repeat(Math.ceil((1024 * 1024) / unit.length));
    for (const input of [
      mb('<div>'),
      mb('<a'),
      mb('<!--'),
      mb('<b></i>'),
      mb('<li><b>'),
      mb('</span>'),
      mb('<p>x'),
      mb('<script>'),
      mb('<x '),
      `<${'a'.repeat(1024 * 1024)}`,
    ]) {
      expect(timed(() => nestsDeeperThan(input, MAX_HTML_DEPTH))).toBeLessThan(1000);
    }
  });
});

describe('HTML nested too deeply', () => {
  it('is one InputError naming the input, for .html, .eml and JSON drafts', async () => {
    await expect(parse('deep.html', `<html><body>${nest(2000)}</body></html>`)).rejects.toThrow(`deep.html: ${TOO_DEEP}`);
    const eml = `From: a@example.com\r\nSubject: Hi\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${nest(2000)}\r\n`;
    await expect(parse('deep.eml', eml)).rejects.toThrow(`deep.eml: ${TOO_DEEP}`);
    // payload.ts does not pass the file to htmlToText (yet), so the line names <html>.
    await expect(parse('deep.json', JSON.stringify({ subject: 'Hi', body: nest(2000) }))).rejects.toThrow(TOO_DEEP);
    await expect(parse('deep.csv', `subject,html\nHi,"${nest(2000)}"\n`)).rejects.toThrow(`deep.csv:2: ${TOO_DEEP}`);
  });

  it('is an InputError from the server path (HTTP 422), not a RangeError', async () => {
    let error: unknown;
    try {
      await linter.lintPayload({ subject: 'Hi', html: nest(2000) });
    } catch (e) {
      error = e;
    }
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toBe(`<request>: ${TOO_DEEP}`);
  });

  it('turns the converter running out of stack into the same line where the count is low', () => {
    // HTML opens a `<div/>`; the count leaves self-closed tags out, the converter overflows.
    expect(nestsDeeperThan('<div/>'.repeat(5000), MAX_HTML_DEPTH)).toBe(false);
    expect(() => htmlToText(`${'<div/>'.repeat(5000)}Hi`, 'x.html')).toThrow(`x.html: ${TOO_DEEP}`);
  });

  it('lints deep but reasonable HTML as usual', async () => {
    const [d] = await parse('ok.html', `<html><body>${nest(MAX_HTML_DEPTH - 2)}${'<p>more'.repeat(3000)}</body></html>`);
    expect(d!.body.text).toMatch(/^Hi Dana\n\nmore/);
  });
});

describe('htmlTitle', () => {
  it('reads the first <title> and where its text starts', () => {
    expect(htmlTitle('<head><title lang="en"> Idea &amp; plan </title></head>')).toEqual({ text: 'Idea & plan', offset: 24 });
    expect(htmlTitle('<titles>x</titles>')).toBeUndefined();
  });

  it('is linear on 1 MB of unclosed <title', () => {
    expect(timed(() => htmlTitle('<title'.repeat(175_000)))).toBeLessThan(1000);
  });
});

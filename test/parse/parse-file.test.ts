import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDrafts } from '../../src/parse/parse-file.js';
import { makeLinter } from '../helpers.js';

const env = (await makeLinter()).env;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const parse = (name: string, text: string | Uint8Array) => parseDrafts(name, typeof text === 'string' ? new TextEncoder().encode(text) : text, env);
const pos = (part: { map: { toPosition(o: number): { line: number; column: number } }; text: string }, needle: string) =>
  part.map.toPosition(part.text.indexOf(needle));

describe('.txt and .md drafts', () => {
  it('reads front matter, the Subject line and the body, with positions in the file', async () => {
    const [d] = await parse(
      'a.md',
      '---\nprospect:\n  firstName: Aiko\n  company_name: Tern Labs\nsignal:\n  type: funding\n  text: Series A led by Fjord\n  captured_at: 2026-11-02\nmode: draft\n---\nSubject: Your Series A\n\nHi Aiko,\nBody here.\n',
    );
    expect(d!.subject!.text).toBe('Your Series A');
    expect(d!.body.text).toBe('\nHi Aiko,\nBody here.\n');
    expect(d!.prospect.first_name).toMatchObject({ key: 'first_name', value: 'Aiko', position: { line: 3, column: 14 } });
    expect(d!.prospect.company_name!.value).toBe('Tern Labs');
    expect(d!.signal).toMatchObject({ type: 'funding', text: 'Series A led by Fjord', captured_at: '2026-11-02' });
    expect(d!.mode).toBe('draft');
    expect(pos(d!.subject!, 'Series')).toEqual({ line: 11, column: 15 });
    expect(pos(d!.body, 'Body')).toEqual({ line: 14, column: 1 });
    expect(d!.anchor).toEqual({ line: 11, column: 10 });
  });

  it('maps positions through CRLF line endings', async () => {
    const [d] = await parse('crlf.txt', fixture('crlf.txt'));
    expect(d!.body.text).toBe('\nHi Aiko,\n\nThanks for {{company}}.\n');
    expect(d!.placeholders[0]).toMatchObject({ raw: '{{company}}' });
    expect(d!.body.map.toPosition(d!.placeholders[0]!.start)).toEqual({ line: 5, column: 12 });
  });

  it('drops a UTF-8 BOM so columns on line 1 match an editor', async () => {
    const [d] = await parse('bom.md', fixture('bom.md'));
    expect(d!.subject!.text).toBe('Hello');
    expect(d!.subject!.map.toPosition(0)).toEqual({ line: 1, column: 10 });
  });

  it('decides template or draft by placeholders and prospect data', async () => {
    expect((await parse('t.md', 'Hi {{first_name}},'))[0]!.mode).toBe('template');
    expect((await parse('d.md', '---\nprospect: { first_name: Jo }\n---\nHi {{first_name}},'))[0]!.mode).toBe('draft');
    expect((await parse('d.md', 'Hi Jo, plain text.'))[0]!.mode).toBe('draft');
  });

  it('refuses invalid front matter with one line naming the place', async () => {
    await expect(parse('bad.md', '---\nprospect: [a\n---\nHi')).rejects.toThrow(
      /^bad\.md:\d+:\d+: invalid front matter: .*; fix the YAML between the --- lines$/,
    );
    await expect(parse('open.md', '---\nprospect: {}\nHi')).rejects.toThrow('open.md: front matter opened with --- on line 1 is never closed');
    await expect(parse('list.md', '---\n- a\n- b\n---\nHi')).rejects.toThrow('list.md: front matter is not a mapping');
  });

  it('refuses binary files and invalid UTF-8', async () => {
    await expect(parse('x.txt', new Uint8Array([0x48, 0x69, 0x00, 0x01]))).rejects.toThrow('x.txt: is a binary file, not text');
    await expect(parse('y.txt', new Uint8Array([0x48, 0x69, 0xc3, 0x28]))).rejects.toThrow(
      'y.txt: is not valid UTF-8 (bad byte at offset 2); re-save it as UTF-8',
    );
  });

  it('reads UTF-16 with a BOM', async () => {
    const text = 'Subject: Hallo\n\nHi Zoë,';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const [d] = await parse('w.txt', bytes);
    expect(d!.subject!.text).toBe('Hallo');
    expect(d!.body.text).toBe('\nHi Zoë,');
  });

  it('refuses unknown extensions', async () => {
    await expect(parse('notes.docx', 'x')).rejects.toThrow(InputError);
  });
});

describe('.eml drafts', () => {
  it('prefers text/plain, decodes quoted-printable, Latin-1 and an encoded-word subject', async () => {
    const [d] = await parse('m.eml', fixture('multipart-qp.eml'));
    expect(d!.format).toBe('eml');
    expect(d!.subject!.text).toBe('Grüße aus München');
    expect(d!.body.text).toContain('dass {{company}} in München wächst. Haben Sie nächste Woche 15 Minuten?');
    expect(d!.body.text).not.toContain('HTML version');
    const p = d!.placeholders.find((x) => x.raw === '{{company}}')!;
    expect(d!.body.map.toPosition(p.start)).toEqual({ line: 15, column: 25 });
  });

  it('falls back to base64 text/html when there is no plain part', async () => {
    const [d] = await parse('h.eml', fixture('html-only-base64.eml'));
    expect(d!.subject!.text).toBe('Quick question');
    expect(d!.body.text).toBe('Hi {{first_name}},\n\nAre you the right person to talk to about fleet telematics?');
  });
});

describe('.html drafts', () => {
  it('converts the body to text, takes <title> as the subject and maps words back', async () => {
    const [d] = await parse(
      'x.html',
      '<html><head><title>Idea for Q1</title></head>\n<body>\n<p>Hi <b>{{first_name}}</b>,</p>\n<ul><li>One</li><li>Two</li></ul>\n</body></html>',
    );
    expect(d!.subject!.text).toBe('Idea for Q1');
    expect(d!.body.text).toBe('Hi {{first_name}},\n\n * One\n * Two');
    expect(d!.body.map.toPosition(d!.placeholders[0]!.start)).toEqual({ line: 3, column: 10 });
  });
});

describe('.json drafts', () => {
  it('reads one object or an array, with positions per element', async () => {
    const drafts = await parse(
      'x.json',
      '[\n  {"subject": "A", "body": "Hi {{first_name}}", "prospect": {"firstName": "Al"}},\n  {"subject": "B", "html": "<p>Hello <i>there</i></p>"}\n]',
    );
    expect(drafts.map((d) => [d.index, d.subject?.text, d.body.text, d.mode])).toEqual([
      [0, 'A', 'Hi {{first_name}}', 'draft'],
      [1, 'B', 'Hello there', 'draft'],
    ]);
    expect(drafts[0]!.body.map.toPosition(drafts[0]!.placeholders[0]!.start)).toEqual({ line: 2, column: 32 });
  });

  it('names the element and field that is wrong', async () => {
    await expect(parse('x.json', '[{"body": "ok"}, {"subject": 5, "body": "x"}]')).rejects.toThrow(
      'x.json[1]: "subject" is number, not text; give the subject as a JSON string',
    );
    await expect(parse('y.json', '{"subject": "no body"}')).rejects.toThrow('y.json: has no "body" or "html"');
    await expect(parse('z.json', '{oops')).rejects.toThrow(/^z\.json: is not valid JSON/);
  });
});

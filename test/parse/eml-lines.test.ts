import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEmlLines } from '../../src/parse/eml-lines.js';
import { parseDrafts } from '../../src/parse/parse-file.js';
import { makeLinter } from '../helpers.js';

const env = (await makeLinter()).env;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const lines = (raw: string) => decodeEmlLines(raw).split('\n');

describe('decodeEmlLines', () => {
  it('keeps every line of the file, line endings included', () => {
    for (const name of ['multipart-qp.eml', 'html-only-base64.eml']) {
      const raw = fixture(name).toString('utf8');
      const decoded = decodeEmlLines(raw);
      expect(decoded.split('\n')).toHaveLength(raw.split('\n').length);
      expect(decoded.match(/\r\n/g)?.length).toBe(raw.match(/\r\n/g)?.length);
    }
  });

  it('decodes encoded words, quoted-printable in the part charset, and soft line breaks', () => {
    const out = lines(fixture('multipart-qp.eml').toString('utf8'));
    expect(out[3]).toBe('Subject: Grüße aus München');
    expect(out[14]).toBe('wir haben gesehen, dass {{company}} in München wächst. Haben Sie nächs');
    expect(out[15]).toBe('te Woche 15 Minuten?');
    expect(out[17]).toBe('Viele Grüße');
    // Boundaries and the headers of the parts stay as they are.
    expect(out[8]).toBe('------=_Part_1');
    expect(out[10]).toBe('Content-Transfer-Encoding: quoted-printable');
  });

  it('decodes base64 text line by line, carrying what a line leaves over', () => {
    const out = lines(fixture('html-only-base64.eml').toString('utf8'));
    expect(out[7]).toBe('<p>Hi {{first_name}},</p><p>Are you the right person to t');
    expect(out[8]).toBe('alk to about fleet telematics?</p>');
    const body = Buffer.from('Grüße, Ana.\r\nSee you.').toString('base64');
    const ragged = lines(`Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${body.slice(0, 5)}\n${body.slice(5)}\n`);
    expect(ragged.slice(3).join('')).toBe('Grüße, Ana. See you.');
  });

  it('leaves parts that are not text, and nested multiparts they close, alone', () => {
    const raw = [
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer',
      'Content-Type: multipart/alternative;',
      ' boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'caf=C3=A9',
      '--outer',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--outer--',
      'caf=C3=A9',
    ].join('\n');
    expect(lines(raw)).toEqual(raw.replace('caf=C3=A9', 'café').split('\n'));
  });

  it('keeps decoded line breaks from adding lines', () => {
    const out = lines('Subject: =?UTF-8?Q?one=0Atwo?=\nContent-Transfer-Encoding: quoted-printable\n\na=0D=0Ab\n');
    expect(out).toEqual(['Subject: one two', 'Content-Transfer-Encoding: quoted-printable', '', 'a b', '']);
  });

  it('is linear on a long line of "=" and on deeply nested multiparts', () => {
    const nested = Array.from({ length: 8000 }, (_, i) => `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n`).join('');
    for (const raw of [`Content-Transfer-Encoding: quoted-printable\n\n${'='.repeat(1024 * 1024)}\n`, `${nested}\n${'--zz\n'.repeat(60_000)}`]) {
      const t = performance.now();
      decodeEmlLines(raw);
      expect(performance.now() - t).toBeLessThan(1000);
    }
  });
});

describe('.eml positions', () => {
  it('point at the line of the file where the decoded text is, with its column as decoded', async () => {
    const [d] = await parseDrafts('h.eml', fixture('html-only-base64.eml'), env);
    expect(d!.body.map.toPosition(d!.body.text.indexOf('Are you'))).toEqual({ line: 8, column: 29 });
    expect(d!.source.split('\n')[7]).toBe('<p>Hi {{first_name}},</p><p>Are you the right person to t');
  });
});

import { chmodSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearSignal, readSidecar, saveSignal, setFrontMatterSignal } from '../../src/signal/store.js';
import { makeLinter } from '../helpers.js';

const SIGNAL = { type: 'funding', text: 'Raised a €9M Series A led by Nordlys Kapital on 3 Nov', captured_at: '2026-11-27T10:00:00.000Z' };
const BLOCK = 'signal:\n  type: funding\n  text: Raised a €9M Series A led by Nordlys Kapital on 3 Nov\n  captured_at: 2026-11-27T10:00:00.000Z\n';

function file(name: string, content: string | Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'olsig-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function save(path: string) {
  return saveSignal(path, SIGNAL, { expected: readFileSync(path) });
}

describe('saving a signal into front matter', () => {
  it('adds front matter to a file with none; the body stays byte for byte', () => {
    const body = 'Subject: Hej\n\nHej Åsa,\n\nVi hjälper lager att plocka snabbare.\n';
    const path = file('a.md', body);
    save(path);
    expect(readFileSync(path, 'utf8')).toBe(`---\n${BLOCK}---\n${body}`);
  });

  it('merges into front matter with other keys, leaving them untouched', () => {
    const fm = '---\n# owner: sales\nprospect:\n  first_name: "Åsa"   # keep this comment\n  company: Lindqvist Lager\nmode: draft\n---\n';
    const body = 'Hej Åsa,\n\nNo newline at the end';
    const path = file('b.md', fm + body);
    save(path);
    expect(readFileSync(path, 'utf8')).toBe(
      `---\n# owner: sales\nprospect:\n  first_name: "Åsa"   # keep this comment\n  company: Lindqvist Lager\nmode: draft\n${BLOCK}---\n${body}`,
    );
  });

  it('replaces an earlier signal in place', () => {
    const path = file('c.md', '---\nsignal:\n  text: old one\nprospect:\n  company: X\n---\nHi\n');
    save(path);
    expect(readFileSync(path, 'utf8')).toBe(`---\n${BLOCK}prospect:\n  company: X\n---\nHi\n`);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const original = '\uFEFFSubject: Hello\r\n\r\nHi Ana,\r\nThanks.\r\n';
    const path = file('d.txt', original);
    save(path);
    const after = readFileSync(path);
    expect(after.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(after.toString('utf8')).toBe(`\uFEFF---\r\n${BLOCK.replace(/\n/g, '\r\n')}---\r\nSubject: Hello\r\n\r\nHi Ana,\r\nThanks.\r\n`);
    clearSignal(path);
    expect(readFileSync(path, 'utf8')).toBe(original);
  });

  it('keeps the file mode', () => {
    const path = file('e.md', 'Hi\n');
    chmodSync(path, 0o640);
    save(path);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('saves through a symbolic link: the link stays, its target gets the signal', () => {
    const target = file('real.md', 'Hi\n');
    const link = join(dirname(file('other.md', '')), 'link.md');
    symlinkSync(target, link);
    save(link);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe(`---\n${BLOCK}---\nHi\n`);
    clearSignal(link);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('Hi\n');
  });

  it('refuses a read-only file and leaves it alone', () => {
    const path = file('f.md', 'Hi\n');
    chmodSync(path, 0o444);
    expect(() => save(path)).toThrow(`${path}: is read-only, so the signal cannot be saved in it; make it writable (chmod u+w) and run again`);
    expect(readFileSync(path, 'utf8')).toBe('Hi\n');
  });

  it('refuses when the file changed on disk since it was read', () => {
    const path = file('g.md', 'Hi Ana,\n');
    const expected = readFileSync(path);
    writeFileSync(path, 'Hi Ana, edited in another window\n');
    expect(() => saveSignal(path, SIGNAL, { expected })).toThrow(
      `${path}: changed on disk since outreach-lint read it; the signal was not saved; run outreach-lint on it again`,
    );
    expect(readFileSync(path, 'utf8')).toBe('Hi Ana, edited in another window\n');
  });

  it('removing the signal removes front matter it alone made up', () => {
    expect(setFrontMatterSignal(`---\n${BLOCK}---\nHi\n`, undefined)).toBe('Hi\n');
    expect(setFrontMatterSignal(`---\nmode: draft\n${BLOCK}---\nHi\n`, undefined)).toBe('---\nmode: draft\n---\nHi\n');
  });
});

const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const ENCODINGS = [
  { name: 'UTF-16 LE', encode: utf16le, bom: [0xff, 0xfe], decoder: 'utf-16le' },
  { name: 'UTF-16 BE', encode: utf16be, bom: [0xfe, 0xff], decoder: 'utf-16be' },
] as const;
const REFUSED = 'so the signal cannot be saved in it; re-save it as UTF-8, or as UTF-16 with a byte-order mark';

describe('saving a signal into a UTF-16 draft', () => {
  for (const { name, encode, bom, decoder } of ENCODINGS) {
    it(`${name}: writes the front matter in the file's encoding after its BOM; the body's bytes stay as they were`, async () => {
      const body = 'Subject: Hej\r\n\r\nHej Åsa 👋,\r\nVi hjälper lager att plocka snabbare.\r\n';
      const original = encode(`\uFEFF${body}`);
      const path = file('u.md', original);
      expect(save(path)).toBe(path);
      const after = readFileSync(path);
      const front = encode(`\uFEFF---\r\n${BLOCK.replace(/\n/g, '\r\n')}---\r\n`);
      expect(after.subarray(0, 2)).toEqual(Buffer.from(bom));
      expect(after).toEqual(Buffer.concat([front, original.subarray(2)]));
      expect(after.subarray(front.length)).toEqual(original.subarray(2));
      expect(new TextDecoder(decoder, { ignoreBOM: true }).decode(after)).toBe(`\uFEFF---\r\n${BLOCK.replace(/\n/g, '\r\n')}---\r\n${body}`);
      const [result] = await (await makeLinter({ only: ['missing-signal'] })).lintFile(path);
      expect(result!.draft.signal).toEqual({ ...SIGNAL, position: { line: 3, column: 3 } });
      expect(clearSignal(path)).toBe(path);
      expect(readFileSync(path)).toEqual(original);
    });

    it(`${name}: merges into front matter with other keys and clears back to the original bytes`, () => {
      const original = encode('\uFEFF---\nmode: draft\n---\nHej Åsa,\n');
      const path = file('v.txt', original);
      save(path);
      expect(readFileSync(path)).toEqual(encode(`\uFEFF---\nmode: draft\n${BLOCK}---\nHej Åsa,\n`));
      expect(clearSignal(path)).toBe(path);
      expect(readFileSync(path)).toEqual(original);
    });
  }

  it('UTF-8 without a BOM: clearing restores the file byte for byte', () => {
    const original = '---\nmode: draft\n---\nHej Åsa,\n';
    const path = file('w.md', original);
    save(path);
    expect(clearSignal(path)).toBe(path);
    expect(readFileSync(path)).toEqual(Buffer.from(original));
  });
});

describe('refusing a draft whose encoding cannot be kept', () => {
  const cases: [string, Buffer, string][] = [
    ['UTF-16 without a BOM', utf16le('Subject: Hi\n\nHello\n'), 'holds NUL bytes but no UTF-16 byte-order mark'],
    ['invalid UTF-8', Buffer.from('Hej \xc5sa,\n', 'latin1'), 'is not valid UTF-8 (bad byte at offset 4)'],
    [
      'a lone surrogate in UTF-16 LE',
      Buffer.concat([utf16le('\uFEFFHi '), Buffer.from([0x3d, 0xd8]), utf16le('\n')]),
      'is not valid UTF-16 LE (bad byte at offset 8)',
    ],
    ['an odd byte count in UTF-16 BE', Buffer.concat([utf16be('\uFEFFHi\n'), Buffer.from([0x00])]), 'is not valid UTF-16 BE (bad byte at offset 8)'],
    // What saving did to a UTF-16 LE draft before: UTF-8 front matter, the BOM turned into two U+FFFD.
    [
      'a draft an earlier save damaged',
      Buffer.concat([Buffer.from(`---\n${BLOCK}---\n\uFFFD\uFFFD`), utf16le('Hello\n')]),
      'holds NUL bytes but no UTF-16 byte-order mark',
    ],
  ];
  for (const [what, bytes, problem] of cases) {
    it(`${what}: one line, and the file is left byte for byte`, () => {
      const path = file('x.md', bytes);
      expect(() => save(path)).toThrow(`${path}: ${problem}, ${REFUSED}`);
      expect(readFileSync(path)).toEqual(bytes);
      expect(() => clearSignal(path)).toThrow(`${path}: ${problem}, ${REFUSED}`);
      expect(readFileSync(path)).toEqual(bytes);
    });
  }
});

describe('saving a signal in a sidecar', () => {
  it('never rewrites an .eml, .html or .json draft', () => {
    for (const name of ['m.eml', 'p.html', 'q.json']) {
      const content = name.endsWith('.json') ? '{"subject":"Hi","body":"Hello"}' : 'Subject: Hi\r\n\r\nHello\r\n';
      const path = file(name, content);
      expect(save(path)).toBe(`${path}.signal.yml`);
      expect(readFileSync(path, 'utf8')).toBe(content);
      expect(readSidecar(path)).toEqual(SIGNAL);
      expect(clearSignal(path)).toBe(`${path}.signal.yml`);
      expect(existsSync(`${path}.signal.yml`)).toBe(false);
    }
  });
});

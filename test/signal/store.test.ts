import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearSignal, readSidecar, saveSignal, setFrontMatterSignal } from '../../src/signal/store.js';

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
    expect(readFileSync(path, 'utf8')).toBe(`---\n# owner: sales\nprospect:\n  first_name: "Åsa"   # keep this comment\n  company: Lindqvist Lager\nmode: draft\n${BLOCK}---\n${body}`);
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
    expect(() => saveSignal(path, SIGNAL, { expected })).toThrow(`${path}: changed on disk since outreach-lint read it; the signal was not saved; run outreach-lint on it again`);
    expect(readFileSync(path, 'utf8')).toBe('Hi Ana, edited in another window\n');
  });

  it('removing the signal removes front matter it alone made up', () => {
    expect(setFrontMatterSignal(`---\n${BLOCK}---\nHi\n`, undefined)).toBe('Hi\n');
    expect(setFrontMatterSignal(`---\nmode: draft\n${BLOCK}---\nHi\n`, undefined)).toBe('---\nmode: draft\n---\nHi\n');
  });
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

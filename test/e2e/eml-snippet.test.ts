import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/outreach-lint.js');

function lint(file: string): string {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, file, '--no-interactive'], { encoding: 'utf8', env });
  expect(r.stderr).toBe('');
  return r.stdout;
}

/** The snippet line and the caret line that stylish prints under the finding at `position`. */
function snippet(stdout: string, position: string): [string, string] {
  const lines = stdout.split('\n');
  const at = lines.findIndex((l) => l.trimStart().startsWith(`${position} `));
  expect(at, `no finding at ${position} in:\n${stdout}`).toBeGreaterThanOrEqual(0);
  return [lines[at + 1]!.trim(), lines[at + 2]!.trimEnd()];
}

describe('stylish snippets of encoded .eml parts show the decoded line', () => {
  it('an encoded-word subject and a quoted-printable Latin-1 body', () => {
    const out = lint('test/fixtures/multipart-qp.eml');
    expect(snippet(out, '4:10')[0]).toBe('Subject: Grüße aus München');
    expect(snippet(out, '15:25')).toEqual(['wir haben gesehen, dass {{company}} in München wächst. Haben Sie nächs', `${' '.repeat(33)}^^^^^^^^^^^`]);
  });

  it('a base64 HTML-only message: the line of the file that holds the text, decoded', () => {
    const out = lint('test/fixtures/html-only-base64.eml');
    expect(snippet(out, '8:7')).toEqual(['<p>Hi {{first_name}},</p><p>Are you the right person to t', `${' '.repeat(14)}^^^^^^^^^^^^^^`]);
    expect(snippet(out, '8:29')[0]).toBe('<p>Hi {{first_name}},</p><p>Are you the right person to t');
  });

  it('=3D, a soft line break and a Q-encoded subject, with the caret under the phrase', () => {
    const dir = mkdtempSync(join(tmpdir(), 'olsnip-'));
    const file = join(dir, 'qp.eml');
    const message = [
      'From: Ana <ana@example.com>',
      'To: Ben <ben@example.org>',
      'Subject: =?UTF-8?Q?Caf=C3=A9_=E2=80=93_quick_question?=',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Hi Ben,',
      '',
      'Caf=C3=A9 prices =3D up 3 =E2=82=AC. I hope this email finds you well and=',
      ' that you are the right person.',
      '',
      'Ana',
      '',
    ];
    writeFileSync(file, message.join('\r\n'));
    const out = lint(file);
    expect(snippet(out, '3:10')[0]).toBe('Subject: Café – quick question');
    expect(snippet(out, '10:25')).toEqual(['Café prices = up 3 €. I hope this email finds you well and', `${' '.repeat(33)}${'^'.repeat(30)}`]);
  });
});

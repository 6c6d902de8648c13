import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

const BIN = resolve('bin/outreach-lint.js');
const FIXTURES = resolve('test/fixtures/drafts');

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'olcli-'));
  cpSync(FIXTURES, join(cwd, 'drafts'), { recursive: true });
});

function run(args: string[], input?: string, env: Record<string, string> = {}, uid?: number) {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1' };
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...base, ...env },
    ...(uid !== undefined ? { uid, gid: uid } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('outreach-lint (stylish)', () => {
  it('prints each finding with position, severity, message, rule, caret and a summary', () => {
    const r = run(['drafts/unrendered.md', '--rule', 'unresolved-placeholder:error']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'drafts/unrendered.md',
        '  draft  BLOCK  score 40/100 (-60 unresolved-placeholder)',
        '  50 words · grade 7.2 · 1 question · 0 links',
        '  6:19   error    Unresolved placeholder {{company}}: fill in the company before sending.  unresolved-placeholder',
        '         Subject: Idea for {{company}}',
        '                           ^^^^^^^^^^^',
        '  11:10  error    Research slot {{icebreaker}} was never filled: write that line about this prospect yourself.  unresolved-placeholder',
        '         follows. {{icebreaker}}',
        '                  ^^^^^^^^^^^^^^',
        '',
        '✖ 2 problems (2 errors, 0 warnings, 0 info)',
        '  1 draft: 1 block',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 and says so when nothing is wrong', () => {
    const r = run(['drafts/clean.md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ no problems in 1 draft\n  1 draft: 1 pass\n');
  });

  it('shows info findings and form warnings without failing the run: form rules never decide the verdict', () => {
    const r = run(['drafts/template.md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'drafts/template.md',
        '  template  PASS  score 91/100 (-3 length, -3 question-count, -3 subject-line)',
        '  8 words · grade 11 · 0 questions · 0 links',
        '  1:10  warning  This email is 8 words long, under 50: too short to say who you are, why them and why now. Add the one fact about them that made you write.  length',
        '        Subject: {{company}} and the Q1 freight audit',
        '                 ^',
        '  1:10  warning  This email asks no question, so the reader has nothing to answer. End with one question they can answer in a line ("Worth a look?" counts).  question-count',
        '        Subject: {{company}} and the Q1 freight audit',
        '                 ^',
        '  1:10  warning  The merge field {{company}} in the subject has no fallback: for a prospect without a company, the subject renders with a hole in it. Give it a fallback or write the subject without it.  subject-line',
        '        Subject: {{company}} and the Q1 freight audit',
        '                 ^^^^^^^^^^^',
        '  5:1   info     The rep must fill the research slot {{icebreaker}} before sending.  merge-only-personalization',
        '        {{icebreaker}}',
        '        ^^^^^^^^^^^^^^',
        '',
        '⚠ 4 problems (0 errors, 3 warnings, 1 info)',
        '  1 draft: 1 pass',
        '',
      ].join('\n'),
    );
  });

  it('lints a folder, still reports the other files when one path is missing, and exits 2', () => {
    const r = run(['drafts', 'missing.md', 'nothing/*.eml', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      'outreach-lint: missing.md: no such file or folder; check the path (quote globs so the shell does not expand them)',
      'outreach-lint: nothing/*.eml: no files match this glob; check the pattern, and quote it so the shell does not expand it',
      '',
    ]);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; verdict: string }>;
    expect(results.map((x) => [x.filePath, x.verdict])).toEqual([
      ['drafts/clean.md', 'pass'],
      ['drafts/template.md', 'pass'],
      ['drafts/unrendered.md', 'block'],
    ]);
  });

  it('gives one line, no stack trace, for a binary file and for bad front matter', () => {
    writeFileSync(join(cwd, 'drafts', 'logo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    writeFileSync(join(cwd, 'drafts', 'broken.md'), '---\nprospect: [oops\n---\nHi there');
    const r = run(['drafts', '-f', 'json']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^outreach-lint: drafts\/broken\.md:\d+:\d+: invalid front matter: .+; fix the YAML between the --- lines$/);
    expect(lines[1]).toBe(
      'outreach-lint: drafts/logo.txt: is a binary file, not text; lint the email as .txt, .md, .eml, .html or .json, or add the file to .outreachlintignore',
    );
    expect(r.stderr).not.toMatch(/\bat .+\.js:\d+/);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(3);
  });

  it('refuses an unreadable file with a line that says how to fix it', () => {
    // root reads every file, so as root the CLI runs as nobody to see the refusal.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    chmodSync(cwd, 0o755);
    chmodSync(join(cwd, 'drafts'), 0o755);
    chmodSync(join(cwd, 'drafts', 'clean.md'), 0o000);
    const r = run(['drafts/clean.md'], undefined, {}, uid);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('outreach-lint: drafts/clean.md: permission denied; make the file readable (chmod +r) or leave it out\n');
  });
});

describe('outreach-lint formats', () => {
  it('json follows the DESIGN.md contract', () => {
    const r = run(['drafts/unrendered.md', '-f', 'json']);
    const [result] = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(result).toMatchObject({ filePath: 'drafts/unrendered.md', verdict: 'block', score: 40, errorCount: 2, warningCount: 0 });
    expect((result!.findings as unknown[])[0]).toEqual({
      ruleId: 'unresolved-placeholder',
      severity: 'error',
      message: 'Unresolved placeholder {{company}}: fill in the company before sending.',
      line: 6,
      column: 19,
      endLine: 6,
      endColumn: 30,
      messageId: 'unresolved',
    });
  });

  it('sarif is SARIF 2.1.0 with rules and regions', () => {
    const r = run(['drafts/unrendered.md', '-f', 'sarif']);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('outreach-lint');
    const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'unresolved-placeholder');
    expect(rule.shortDescription.text.length).toBeGreaterThan(10);
    expect(rule.help.text).toContain('docs/rules/unresolved-placeholder.md');
    expect(run0.results).toHaveLength(2);
    for (const res of run0.results) {
      expect(res.ruleId).toBe('unresolved-placeholder');
      expect(run0.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(['error', 'warning', 'note', 'none']).toContain(res.level);
      expect(typeof res.message.text).toBe('string');
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toBe('drafts/unrendered.md');
      expect(loc.region.startLine).toBeGreaterThan(0);
      expect(loc.region.startColumn).toBeGreaterThan(0);
    }
    expect(run0.results[0].locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 19, endLine: 6, endColumn: 30 });
  });

  it('junit is one suite per draft with a failure per finding', () => {
    const r = run(['drafts/unrendered.md', 'drafts/clean.md', '-f', 'junit']);
    expect(r.stdout).toContain('<testsuite name="drafts/clean.md" tests="1" failures="0" errors="0">');
    expect(r.stdout).toContain('<testsuite name="drafts/unrendered.md" tests="2" failures="2" errors="0">');
    expect(r.stdout).toContain('<failure message="Unresolved placeholder {{company}}: fill in the company before sending." type="error">');
  });

  it('github prints workflow annotations', () => {
    const r = run(['drafts/unrendered.md', '-f', 'github']);
    expect(r.stdout.split('\n')[0]).toBe(
      '::error file=drafts/unrendered.md,line=6,endLine=6,col=19,endColumn=30,title=outreach-lint (unresolved-placeholder)::Unresolved placeholder {{company}}: fill in the company before sending.',
    );
  });

  it('--output-file writes the report and prints nothing', () => {
    const r = run(['drafts/unrendered.md', '-f', 'json', '-o', 'out/../report.json']);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8'))[0].verdict).toBe('block');
  });

  it('colours only when asked or on a terminal', () => {
    expect(run(['drafts/unrendered.md']).stdout).not.toContain('\u001b[');
    expect(run(['drafts/unrendered.md'], undefined, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(run(['drafts/unrendered.md', '--no-color'], undefined, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe('outreach-lint options', () => {
  it('--stdin with --stdin-filename', () => {
    const r = run(['--stdin', '--stdin-filename', 'x.md', '-f', 'json', '--mode', 'draft'], 'Hi {{first_name}},\nThanks.');
    expect(r.code).toBe(1);
    const [res] = JSON.parse(r.stdout);
    expect(res.filePath).toBe('x.md');
    expect(res.findings.find((f: { ruleId: string }) => f.ruleId === 'unresolved-placeholder')).toMatchObject({ line: 1, column: 4 });
  });

  it('--max-warnings and --quiet', () => {
    const warn = ['drafts/unrendered.md', '--rule', 'unresolved-placeholder:warn'];
    expect(run(warn).code).toBe(0);
    const over = run([...warn, '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('outreach-lint: 2 warnings, more than --max-warnings 1\n');
    expect(run([...warn, '--max-warnings', '2']).code).toBe(0);
    const quiet = run([...warn, '--quiet', '-f', 'json']);
    expect(JSON.parse(quiet.stdout)[0].findings).toEqual([]);
  });

  it('--rule sets the most severe level a rule reports at: a rendered corpus template is an error by default, a warning or info when asked', () => {
    const rendered = readFileSync(resolve('corpus/quick-question/02.md'), 'utf8')
      .replace(/^---[\s\S]*?---\n/, '')
      .replace('{{ contact.firstname }}', 'Odile')
      .replace('{{ company.name }}', 'Brackwater Mills')
      .replace('{{ owner.firstname }}', 'Sam');
    writeFileSync(join(cwd, 'copy.md'), rendered);
    const similar = (args: string[]) => {
      const r = run(['copy.md', '-f', 'json', ...args]);
      const [result] = JSON.parse(r.stdout);
      const f = result.findings.find((x: { ruleId: string }) => x.ruleId === 'corpus-similarity');
      return { code: r.code, verdict: result.verdict, severity: f?.severity, messageId: f?.messageId, line: f?.line, column: f?.column };
    };
    expect(similar([])).toEqual({ code: 1, verdict: 'block', severity: 'error', messageId: 'similar', line: 1, column: 10 });
    expect(similar(['--rule', 'corpus-similarity:warn'])).toEqual({
      code: 0,
      verdict: 'revise',
      severity: 'warning',
      messageId: 'similar',
      line: 1,
      column: 10,
    });
    expect(similar(['--rule', 'corpus-similarity:info'])).toEqual({ code: 0, verdict: 'revise', severity: 'info', messageId: 'similar', line: 1, column: 10 });
  });

  it('--mode template accepts placeholders; --mode draft rejects them', () => {
    expect(run(['drafts/template.md', '--mode', 'draft']).code).toBe(1);
    expect(run(['drafts/template.md', '--mode', 'template']).code).toBe(0);
  });

  it('reads .outreachlintrc.yml and .outreachlintignore, and --print-config shows the result', () => {
    writeFileSync(join(cwd, '.outreachlintrc.yml'), 'rules:\n  unresolved-placeholder: warn\n');
    writeFileSync(join(cwd, '.outreachlintignore'), '# old copy\ndrafts/clean.md\n');
    const r = run(['drafts', '-f', 'json']);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; warningCount: number }>;
    expect(results.map((x) => x.filePath)).toEqual(['drafts/template.md', 'drafts/unrendered.md']);
    expect(results[1]!.warningCount).toBe(2);
    const printed = JSON.parse(run(['--print-config']).stdout);
    expect(printed.rules['unresolved-placeholder']).toBe('warning');
    expect(printed.configFile).toBe(join(cwd, '.outreachlintrc.yml'));
  });

  it('a bad config stops the run with exit 2 and names the key', () => {
    writeFileSync(join(cwd, 'outreach-lint.config.json'), '{"rules": {"unresolved-placeholder": "loud"}}');
    const r = run(['drafts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `outreach-lint: ${join(cwd, 'outreach-lint.config.json')}: "rules.unresolved-placeholder" is "loud"; use off, info, warn or error (or [level, { options }])\n`,
    );
  });

  it('--init writes a starter config once', () => {
    const r = run(['--init']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, '.outreachlintrc.yml'), 'utf8')).toContain('  unresolved-placeholder: error\n');
    const again = run(['--init']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('a config file already exists here');
  });

  it('usage errors exit 2', () => {
    expect(run([]).code).toBe(2);
    expect(run(['drafts', '--format', 'xml']).code).toBe(2);
    expect(run(['drafts', '--bogus']).code).toBe(2);
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(existsSync(join(cwd, 'drafts'))).toBe(true);
  });
});

describe('output that cannot or should not be written', () => {
  // A reader that closes the pipe early, like `| head -1`: it reads the first chunk and goes.
  function firstChunk(args: string[]): Promise<{ code: number | null; stderr: string; head: string }> {
    return new Promise((ok) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
      let stderr = '';
      let head = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', (d) => {
        head = String(d).slice(0, 10);
        child.stdout.destroy();
      });
      child.on('close', (code) => ok({ code, stderr, head }));
    });
  }

  it('exits quietly, with its own exit code, when the reader closes the pipe early', async () => {
    for (let i = 0; i < 300; i++) cpSync(resolve('examples/quick-question.template.md'), join(cwd, `many-${i}.md`));
    for (const args of [['.'], ['.', '-f', 'json'], ['review', '.', '-f', 'json']]) {
      const whole = run(args);
      expect(whole.stdout.length).toBeGreaterThan(65536);
      const r = await firstChunk(args);
      expect(r.head).toBe(whole.stdout.slice(0, 10));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(whole.code);
    }
  });

  it('refuses an output file that is one of the drafts, and leaves the draft as it was', () => {
    const before = readFileSync(join(cwd, 'drafts/clean.md'));
    const r = run(['-o', 'drafts/clean.md', 'drafts/clean.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'outreach-lint: --output-file drafts/clean.md: is one of the drafts being linted, and writing the report there would replace it; write the report to another file\n',
    );
    expect(readFileSync(join(cwd, 'drafts/clean.md'))).toEqual(before);
    expect(run(['-o', './drafts/../drafts/clean.md', 'drafts/']).code).toBe(2);
    expect(readFileSync(join(cwd, 'drafts/clean.md'))).toEqual(before);
  });

  it('prints no "no problems" summary when no input could be read', () => {
    const r = run(['missing.md', 'also-missing.md']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    expect(JSON.parse(run(['missing.md', '-f', 'json']).stdout)).toEqual([]);
  });
});

describe('outreach-lint --signal and the signal command', () => {
  it('saves a signal for one draft, lints it again, and shows it', () => {
    const r = run(['drafts/clean.md', '--signal', 'Aiko wrote on 12 Nov that Osaka support hires start in January', '--signal-type', 'hiring', '-f', 'json']);
    expect(r.stderr).toBe('outreach-lint: saved the research signal in drafts/clean.md\n');
    const [res] = JSON.parse(r.stdout);
    expect(res.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['signal-unused']);
    expect(res.verdict).toBe('revise');
    const shown = run(['signal', 'drafts/clean.md']);
    expect(shown.stdout).toMatch(
      /^type {9}hiring\nsignal {7}Aiko wrote on 12 Nov that Osaka support hires start in January\ncaptured_at {2}\d{4}-.+Z\nstored in {4}drafts\/clean\.md \(front matter\)\n$/,
    );
    expect(JSON.parse(run(['signal', 'drafts/clean.md', '--format', 'json']).stdout)).toMatchObject({
      file: 'drafts/clean.md',
      type: 'hiring',
      text: 'Aiko wrote on 12 Nov that Osaka support hires start in January',
    });
    expect(run(['signal', 'drafts/clean.md', '--clear']).stdout).toBe('Removed the research signal from drafts/clean.md\n');
    expect(readFileSync(join(cwd, 'drafts/clean.md'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'clean.md'), 'utf8'));
    expect(run(['signal', 'drafts/clean.md']).stdout).toBe('drafts/clean.md: no research signal saved\n');
  });

  it('refuses --signal on a glob that matches more than one file', () => {
    const r = run(['drafts/*.md', '--signal', 'Opened a Denver office in March']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('outreach-lint: --signal: saves a signal for one draft, but the arguments matched 3 files; name one file\n');
    expect(readFileSync(join(cwd, 'drafts/clean.md'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'clean.md'), 'utf8'));
  });

  it('saves, shows and clears a signal in a UTF-16 draft, which stays UTF-16 with its BOM', () => {
    const original = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Subject: Hi\r\n\r\nHi Aiko,\r\nWe help support teams hire faster.\r\n', 'utf16le'),
    ]);
    writeFileSync(join(cwd, 'wide.txt'), original);
    const saved = run(['wide.txt', '--signal', 'Aiko wrote on 12 Nov that Osaka support hires start in January', '--signal-type', 'hiring', '-f', 'json']);
    expect(saved.code).toBe(0);
    const after = readFileSync(join(cwd, 'wide.txt'));
    expect([...after.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(after.subarray(2).toString('utf16le')).toMatch(/^---\r\nsignal:\r\n {2}type: hiring\r\n/);
    expect(run(['signal', 'wide.txt']).stdout).toMatch(/^type {9}hiring\nsignal {7}Aiko wrote on 12 Nov/);
    expect(run(['signal', 'wide.txt', '--clear']).code).toBe(0);
    expect(readFileSync(join(cwd, 'wide.txt'))).toEqual(original);
  });

  it('refuses a signal that is not a concrete fact, and leaves the draft byte for byte', () => {
    const before = readFileSync(join(cwd, 'drafts/clean.md'));
    for (const [signal, why] of [
      ['x', 'it has one word; one concrete fact takes at least four'],
      ['ok', 'it has one word; one concrete fact takes at least four'],
      ['they are growing really fast', 'it names no number, date, name, quotation, page or topic of their post'],
      ['Raised a round '.repeat(30), 'it is 449 characters long; one fact fits in 300'],
    ]) {
      const r = run(['drafts/clean.md', '--signal', signal!]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `outreach-lint: --signal: is not a concrete fact about the prospect (${why}); nothing was saved; name a number, a date, a product, place, event or person, or quote them, e.g. --signal "Posted three medical-coder openings in Tucson on 3 November"\n`,
      );
      expect(r.stdout).toBe('');
      expect(readFileSync(join(cwd, 'drafts/clean.md'))).toEqual(before);
    }
    const multi = run(['drafts/clean.md', '--signal', 'Opened a Denver office\nin March 2026']);
    expect(multi.code).toBe(2);
    expect(multi.stderr).toBe(
      'outreach-lint: --signal: spans several lines; a signal is one fact on one line; write it on one line, e.g. --signal "Opened a Denver office in March"\n',
    );
    expect(readFileSync(join(cwd, 'drafts/clean.md'))).toEqual(before);
  });

  it('refuses --signal-type without --signal, and --signal with --stdin', () => {
    const r = run(['drafts/clean.md', '--signal-type', 'hiring']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('outreach-lint: --signal-type: only applies with --signal; add --signal "<the signal, in your words>", or leave --signal-type out\n');
    const s = run(['--stdin', '--signal', 'Opened a Denver office in March 2026'], 'Hi Ana, we help teams.');
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/^outreach-lint: --signal: cannot be saved with a draft read from --stdin; /);
  });

  it('a vague signal in front matter keeps the draft at needs-signal', () => {
    const path = join(cwd, 'vague-signal.md');
    writeFileSync(
      path,
      '---\nprospect:\n  company: Tern Freight\nsignal:\n  type: funding\n  text: x\n---\nHi Ana,\n\nWe help logistics teams pay carriers faster.\n',
    );
    const r = run(['vague-signal.md', '-f', 'json']);
    const [res] = JSON.parse(r.stdout);
    expect(res.verdict).toBe('needs-signal');
    expect(
      res.findings.map((f: { ruleId: string; messageId: string; line: number; column: number }) => `${f.ruleId}:${f.messageId}@${f.line}:${f.column}`),
    ).toContain('missing-signal:weakSignal@5:3');
  });

  it('a vague signal in a sidecar or a JSON draft keeps the draft at needs-signal', () => {
    writeFileSync(join(cwd, 'side.html'), '<p>Hi Ana,</p><p>We help logistics teams pay carriers faster.</p>');
    writeFileSync(join(cwd, 'side.html.signal.yml'), 'type: funding\ntext: ok\n');
    writeFileSync(
      join(cwd, 'payload.json'),
      JSON.stringify({ body: 'Hi Ana,\n\nWe help logistics teams pay carriers faster.', signal: { text: 'great company' } }),
    );
    const r = run(['side.html', 'payload.json', '-f', 'json']);
    const results = JSON.parse(r.stdout) as Array<{ verdict: string; findings: Array<{ messageId: string }> }>;
    expect(results.map((x) => x.verdict)).toEqual(['needs-signal', 'needs-signal']);
    for (const x of results) expect(x.findings.map((f) => f.messageId)).toContain('weakSignal');
  });

  it('refuses an unknown signal type in front matter with one line', () => {
    writeFileSync(join(cwd, 'bogus-type.md'), '---\nsignal:\n  type: bogus\n  text: Opened a Denver office in March 2026\n---\nHi Ana, we help teams.\n');
    const r = run(['bogus-type.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^outreach-lint: bogus-type\.md:3:3: "signal\.type" is "bogus", not a signal type; use one of: other, funding, .*, or leave it out\n$/,
    );
  });

  it('refuses an unknown --signal-type', () => {
    const r = run(['drafts/clean.md', '--signal', 'Opened a Denver office in March', '--signal-type', 'gossip']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^outreach-lint: --signal-type gossip: is not a signal type; use one of: funding, hiring, .*, regulation, other\n$/);
  });
});

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/outreach-lint.js');
let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'oloutcomes-'));
  cpSync(resolve('test/fixtures/outcomes'), cwd, { recursive: true, filter: (src) => !src.endsWith('.mjs') });
});

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1', XDG_CACHE_HOME: join(cwd, '.cache') };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, 'review', ...args], { cwd, encoding: 'utf8', env, maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Entry {
  drafts: number;
  sent: number;
  replied: number;
  replyRate: number | null;
  interval: [number, number];
  dispersion: number;
  difference?: string;
}
type ReviewJson = {
  outcomes: {
    byVerdict: Record<string, Entry>;
    byScoreBand: Record<string, Entry>;
    byRule: Record<string, Entry & { without: Entry }>;
    byCluster: Record<string, Entry>;
    byOwner: Record<string, Entry>;
    comparisons: number;
    source: { vendor: string; columns: Record<string, string>; unmatched: unknown[] };
  };
  fixFirst: Array<{ rules: string[]; drafts: number; sent: number | null; templates: string[] }>;
  groups: { byOwner: Record<string, { drafts: number }> };
  items: Array<{ name: string; owner: string | null; step: string | null; outcome: { sent: number; replied: number } | null }>;
};

const GENERIC = { drafts: 2, sent: 2400, replied: 24, replyRate: 0.01, interval: [0.0067, 0.0148] };
const RESEARCHED = { drafts: 2, sent: 2400, replied: 144, replyRate: 0.06, interval: [0.0512, 0.0702] };
const pick = ({ drafts, sent, replied, replyRate, interval }: Entry) => ({ drafts, sent, replied, replyRate, interval });

describe('review --outcomes joins a sequencing export to the templates', () => {
  it.each(['outreach', 'salesloft', 'apollo', 'hubspot', 'lemlist', 'instantly'])(
    'finds the planted effect in a %s export: missing-signal templates got 1% replies against 6%',
    (vendor) => {
      const r = run(['templates.csv', '--outcomes', `${vendor}.csv`, '-f', 'json']);
      expect(r.code).toBe(0);
      const { outcomes, fixFirst, items } = JSON.parse(r.stdout) as ReviewJson;
      expect(outcomes.source.vendor).toBe(vendor);
      const rule = outcomes.byRule['missing-signal']!;
      expect(pick(rule)).toEqual(GENERIC);
      expect(pick(rule.without)).toEqual(RESEARCHED);
      expect(rule.difference).toBe('lower');
      expect(pick(outcomes.byVerdict['needs-signal']!)).toEqual(GENERIC);
      expect(outcomes.byVerdict.pass!.difference).toBe('higher');
      expect(pick(outcomes.byScoreBand['80-100']!)).toEqual(RESEARCHED);
      expect(fixFirst).toEqual([
        {
          rules: ['missing-signal'],
          drafts: 2,
          sent: 2400,
          verdicts: { block: 0, 'needs-signal': 2 },
          templates: ['templates.csv: Quick question', 'templates.csv: Scaling your team'],
          more: 0,
        },
      ]);
      // The export's reps are carried to the templates they sent.
      expect(items.map((it) => [it.name, it.owner, it.outcome?.sent])).toEqual([
        ['templates.csv: Quick question', 'Ana Ruiz', 1200],
        ['templates.csv: Scaling your team', 'Ben Okafor', 1200],
        ['templates.csv: Berlin office', 'Ben Okafor', 1200],
        ['templates.csv: Ledger migration', 'Ana Ruiz', 1200],
      ]);
    },
  );

  it('names each bad row and each template no draft took, on stderr, and uses the rest', () => {
    const r = run(['templates.csv', '--outcomes', 'lemlist.csv', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'outreach-lint: lemlist.csv:4: "emailsReplied" is "n/a", which is not a count, a yes/no flag or a date; fix the cell, or the row stays out of the outcomes\n' +
        'outreach-lint: lemlist.csv: 1 of its templates matches no reviewed draft ("Webinar invite"); name the drafts as the export does (a CSV name column, name: in front matter, or the file name)\n',
    );
    expect((JSON.parse(r.stdout) as ReviewJson).outcomes.source.unmatched).toEqual([{ template: 'Webinar invite', step: '' }]);
  });

  it('says "not enough sends to tell" on 40 sends a template, however wide the gap', () => {
    const r = run(['templates.csv', '--outcomes', 'too-few-sends.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('What the data says\n  Not enough sends to tell: no comparison has 200 sends on each side (160 sent in all).\n');
    const json = JSON.parse(run(['templates.csv', '--outcomes', 'too-few-sends.csv', '-f', 'json']).stdout) as ReviewJson;
    expect(json.outcomes.byRule['missing-signal']!.difference).toBe('not enough sends to tell');
    expect(json.outcomes.comparisons).toBe(0);
    // With the bar lowered to 40 sends the same numbers still overlap: 2.5% (0.4-13%) against 7.5% (3.9-14%).
    const lowered = JSON.parse(run(['templates.csv', '--outcomes', 'too-few-sends.csv', '--min-sends', '40', '-f', 'json']).stdout) as ReviewJson;
    expect(lowered.outcomes.byRule['missing-signal']!.difference).toBe('no clear difference');
  });

  it('prints a replies column, what the data says and what to fix first in the table', () => {
    const r = run(['templates.csv', '--outcomes', 'outreach.csv']);
    expect(r.stdout.split('\n').slice(3, 8)).toEqual([
      'name                              verdict       score  cluster  rep             reply rate  top finding',
      'templates.csv: Quick question     needs-signal      0           Ana Ruiz    1.0% (12/1200)  fix 1 (missing-signal)',
      'templates.csv: Scaling your team  needs-signal      3           Ben Okafor  1.0% (12/1200)  fix 1 (missing-signal)',
      'templates.csv: Berlin office      pass             97           Ben Okafor  6.0% (72/1200)  reading-level: This email reads at grade 9.4 (Flesch-Kincai…',
      'templates.csv: Ledger migration   pass             97           Ana Ruiz    6.0% (72/1200)  reading-level: This email reads at grade 9 (Flesch-Kincaid)…',
    ]);
    expect(r.stdout).toContain(
      'Fix first\n  1. missing-signal: 2 drafts (2 needs-signal, 2,400 sent): templates.csv: Quick question, templates.csv: Scaling your team\n',
    );
    expect(r.stdout).toContain(
      '  Needs-signal drafts got fewer replies: 1.0% (0.7-1.5%, 2,400 sent) against 6.0% (5.1-7.0%, 2,400 sent) for the other verdicts.\n',
    );
    expect(r.stdout).toContain(
      'By rep\n  Ana Ruiz                  2 drafts, 1 block or needs-signal, median score 48.5, replies 3.5% (0.9-12%, 2,400 sent)\n',
    );
  });

  it('reads a per-email export that carries its own text and replied flags, rep and step', () => {
    const r = run(['per-email.csv', '-f', 'json']);
    expect(r.code).toBe(0);
    const { outcomes, groups } = JSON.parse(r.stdout) as ReviewJson;
    expect(pick(outcomes.byVerdict['needs-signal']!)).toEqual({ drafts: 200, sent: 200, replied: 2, replyRate: 0.01, interval: [0.0027, 0.0357] });
    expect(pick(outcomes.byVerdict.pass!)).toEqual({ drafts: 200, sent: 200, replied: 20, replyRate: 0.1, interval: [0.0657, 0.1494] });
    expect(outcomes.byVerdict['needs-signal']!.difference).toBe('lower');
    // Each template's 100 copies are one near-copy cluster, and count as one template in the intervals.
    expect(Object.values(outcomes.byCluster).map((e) => [e.drafts, e.replied])).toEqual([
      [100, 1],
      [100, 1],
      [100, 10],
      [100, 10],
    ]);
    expect([outcomes.byRule['missing-signal']!.dispersion, outcomes.byRule['missing-signal']!.difference]).toEqual([1, 'lower']);
    expect(Object.keys(groups.byOwner)).toEqual(['Ana Ruiz', 'Ben Okafor']);
    expect(groups.byOwner['Ana Ruiz']).toEqual({ drafts: 200, verdicts: { block: 0, 'needs-signal': 100, revise: 0, pass: 100 }, medianScore: 48.5 });
    const rows = parseCsv(run(['per-email.csv', '-f', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(400);
    expect(rows.filter((row) => row.replied === '1' && row.verdict === 'pass')).toHaveLength(20);
    expect(rows[0]).toMatchObject({ owner: 'Ana Ruiz', step: '1', sent: '1' });
  });

  it('joins the same drafts the same way on two threads as on one', () => {
    const one = run(['templates.csv', 'per-email.csv', '--outcomes', 'outreach.csv', '-f', 'json', '--jobs', '1']);
    const two = run(['templates.csv', 'per-email.csv', '--outcomes', 'outreach.csv', '-f', 'json', '--jobs', '2']);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('takes the outcome columns a drafts CSV names with --outcome-sent and --outcome-replied', () => {
    writeFileSync(join(cwd, 'own.csv'), 'name,body,Mails out,Answers\nA,"Hi, we help teams like yours grow. Can we talk?",300,3\n');
    const r = run(['own.csv', '--outcome-sent', 'Mails out', '--outcome-replied', 'Answers', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as ReviewJson).items[0]!.outcome).toEqual({ sent: 300, replied: 3 });
  });

  it('reads outcomes: in JSON drafts, and names a draft whose outcomes cannot be read', () => {
    const draft = (name: string, outcomes: unknown) => ({ name, owner: 'Ana Ruiz', body: 'Hi, we help teams like yours grow. Open to a chat?', outcomes });
    writeFileSync(join(cwd, 'hook.json'), JSON.stringify([draft('A', { delivered: 410, replies: 9 }), draft('B', { delivered: 'many', replies: 1 })]));
    const r = run(['hook.json', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'outreach-lint: hook.json[1] outcomes: "delivered" is "many", which is not a count, a yes/no flag or a date; fix it, or the draft stays out of the outcomes\n',
    );
    const { items, outcomes } = JSON.parse(r.stdout) as ReviewJson & { outcomes: { drafts: number; unmatched: number } };
    expect(items.map((it) => [it.name, it.owner, it.outcome])).toEqual([
      ['hook.json[0]', 'Ana Ruiz', { sent: 410, replied: 9 }],
      ['hook.json[1]', 'Ana Ruiz', null],
    ]);
    expect([outcomes.drafts, outcomes.unmatched]).toEqual([1, 1]);
  });

  it('joins by a name column that --outcome-template names', () => {
    writeFileSync(join(cwd, 'renamed.csv'), 'Playbook,Delivered,Replied\nQuick question,500,4\n');
    const r = run(['templates.csv', '--outcomes', 'renamed.csv', '--outcome-template', 'Playbook', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as ReviewJson).items.find((it) => it.name === 'templates.csv: Quick question')!.outcome).toEqual({ sent: 500, replied: 4 });
    const refused = run(['templates.csv', '--outcomes', 'renamed.csv']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'outreach-lint: renamed.csv: has no template, sequence or campaign name column to join the outcomes to drafts by (columns: Playbook, Delivered, Replied); name it with --outcome-template <column>, or put the outcomes in the drafts CSV itself\n',
    );
  });

  it.each([
    [['--outcomes', 'missing.csv'], 'outreach-lint: missing.csv: cannot be read (ENOENT); check the path given to --outcomes\n'],
    [
      ['--outcomes', 'templates.csv'],
      'outreach-lint: templates.csv: has no replies column (columns: name, subject, body); name it with --outcome-replied <column>\n',
    ],
    [
      ['--outcomes', 'outreach.csv', '--min-sends', '0'],
      'outreach-lint: --min-sends 0: is not a number of sends; write a whole number of 1 or more, e.g. --min-sends 200\n',
    ],
    [
      ['--outcomes', 'outreach.csv', '--outcome-replied', 'Answers'],
      'outreach-lint: outreach.csv: has no column "Answers" (columns: Template Name, Owner, Delivered, Replied, Bounced, Opted Out); fix --outcome-replied\n',
    ],
  ])('refuses %j in one line and exits 2', (args, line) => {
    const r = run(['templates.csv', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(line);
    expect(r.stdout).toBe('');
  });
});

// The real-mail evaluation: published outreach emails nobody on this project wrote, listed in
// eval/real/manifest.tsv (source, path, class, split) with their texts kept out of the
// repository in eval/real/emails/ (see eval/real/README.md). `npm run eval -- --real` reports
// on the tuning half; `-- --real --check` on the check half, which is run once, untouched.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allRules, createLinter } from '../dist/index.js';
import { evalTables, formRules, formTable, pct } from './tables.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
export const REAL_CLASSES = ['generic', 'merge-template', 'bump', 'breakup', 'research-slot', 'researched', 'other'];

/** What each rule should do per real class; absent = not judged. */
export const REAL_EXPECT = {
  'missing-signal': { generic: true, 'merge-template': true, researched: false, 'research-slot': false },
  'merge-only-personalization': { 'merge-template': true, researched: false, 'research-slot': false },
  'vague-personalization': { researched: false, 'research-slot': false },
};

/** The manifest's rows: id, source, path, commit, class, split, notes. */
export function readManifest() {
  const [header, ...lines] = readFileSync(join(root, 'eval/real/manifest.tsv'), 'utf8').trim().split('\n');
  const keys = header.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [keys[i], v])));
}

const GENERIC_CLASS = ['generic', 'merge-template', 'bump', 'breakup'];

/**
 * How the corpus rules fare: per class, the share of emails each fires on (warning or error),
 * and the distribution of the message-level measure corpus-similarity reports (the share of
 * sentences saying what generic corpus sentences say), for emails with enough sentences.
 */
async function corpusTable(rows) {
  const { loadCorpus } = await import('../dist/corpus/load-corpus.js');
  const { createParseEnv } = await import('../dist/parse/parse-env.js');
  const { parseDrafts } = await import('../dist/parse/parse-file.js');
  const { Analysis } = await import('../dist/analysis/analysis.js');
  const { allRules } = await import('../dist/rules/index.js');
  const env = createParseEnv();
  const { index } = await loadCorpus(env, { paths: [], useDefault: true });
  const options = Object.fromEntries(Object.entries(allRules.find((r) => r.meta.id === 'corpus-similarity').meta.options).map(([k, o]) => [k, o.default]));
  const groups = [
    ['generic class', (c) => GENERIC_CLASS.includes(c)],
    ['researched', (c) => c === 'researched'],
    ['research-slot', (c) => c === 'research-slot'],
  ];
  const out = [
    'Corpus rules by class (share of emails each fires on; "share" is the share of sentences saying what generic ones say, for emails with at least ' +
      options.minSentences +
      ' sentences)',
    '',
  ];
  out.push('| class          | n   | corpus-similarity | stock-sentence | either | stock-phrase | share p25 | share median | share p75 |');
  out.push('| -------------- | --- | ----------------- | -------------- | ------ | ------------ | --------- | ------------ | --------- |');
  for (const [name, test] of groups) {
    const g = rows.filter((r) => test(r.cls));
    if (g.length === 0) continue;
    const rate = (f) => pct(g.filter(f).length / g.length);
    const shares = [];
    for (const r of g) {
      const [d] = await parseDrafts(`${r.path}.txt`, readFileSync(join(root, 'eval/real/emails', `${r.path}.txt`)), env, {});
      const c = d ? new Analysis(d, { corpus: index }).collapse(options) : undefined;
      if (c && c.total >= options.minSentences) shares.push(c.share);
    }
    const [a, b, c] = quartiles(shares).map((x) => (Number.isNaN(x) ? '-' : x.toFixed(2)));
    const cells = [
      name.padEnd(14),
      String(g.length).padEnd(3),
      rate((r) => r.fired.has('corpus-similarity')).padEnd(17),
      rate((r) => r.fired.has('stock-sentence')).padEnd(14),
      rate((r) => r.fired.has('corpus-similarity') || r.fired.has('stock-sentence')).padEnd(6),
      rate((r) => r.fired.has('stock-phrase')).padEnd(12),
      a.padEnd(9),
      b.padEnd(12),
      c.padEnd(9),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  return out;
}

function quartiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] : NaN);
  return [at(0.25), at(0.5), at(0.75)];
}

const SPLIT_NAMES = {
  tune: 'tuning half',
  check: 'check half',
  dev: 'tuning and check halves',
  fresh: 'fresh check set',
  fresh2: 'second fresh check set',
  fresh3: 'third fresh check set',
  fresh4: 'fourth fresh check set',
  fresh5: 'fifth fresh check set',
  fresh6: 'sixth fresh check set',
  fresh7: 'seventh fresh check set',
  fresh8: 'eighth fresh check set',
  fresh9: 'ninth fresh check set',
  seen: 'every split tuned on or looked at',
};

/**
 * Splits gathered and not yet run: a new check set goes here until its one untouched run, so
 * `--seen` (the set to tune on) leaves it out.
 */
const UNTOUCHED = new Set([]);

/** The splits `npm run eval -- --real --<split>` can name. */
export const REAL_SPLITS = Object.keys(SPLIT_NAMES);

export async function realEval(split, misses = false) {
  // `dev` is the two halves tuned on or looked at; `fresh` was gathered after them and looked at
  // after its one run; `fresh2` was run once untouched and tuned on after; `fresh3` to `fresh6`
  // were gathered in the session after that, each run once untouched.
  // `seen` is every split some piece of work has looked at: all but those in UNTOUCHED.
  const seen = (r) => !UNTOUCHED.has(r.split);
  const manifest = readManifest().filter((r) => (split === 'dev' ? r.split === 'tune' || r.split === 'check' : split === 'seen' ? seen(r) : r.split === split));
  const present = manifest.filter((r) => existsSync(join(root, 'eval/real/emails', `${r.id}.txt`)));
  if (present.length === 0) {
    return `No real-mail texts in eval/real/emails/: they are third-party text and are not in the repository. Gather them as eval/real/README.md says, then run this again.`;
  }
  const linter = await createLinter({ cwd: root, config: {} });
  const noForm = await createLinter({ cwd: root, config: formRules(allRules).off });
  const rows = [];
  for (const m of present) {
    const text = readFileSync(join(root, 'eval/real/emails', `${m.id}.txt`), 'utf8');
    const [r] = await linter.lintText(text, `${m.id}.txt`);
    const [bare] = await noForm.lintText(text, `${m.id}.txt`);
    const fired = new Set(r.findings.filter((x) => x.severity !== 'info').map((x) => x.ruleId));
    rows.push({
      cls: m.class,
      path: m.id,
      source: m.source,
      kind: r.mode,
      verdict: r.verdict,
      verdictWithoutForm: bare.verdict,
      score: r.score,
      fired,
      findings: r.findings,
    });
  }
  const title = `eval/real, ${SPLIT_NAMES[split]}, ${new Set(present.map((r) => r.source)).size} sources${present.length < manifest.length ? `; ${manifest.length - present.length} texts missing` : ''}`;
  const { out, perClass } = evalTables(rows, title, REAL_CLASSES, REAL_EXPECT);
  out.push('', 'Context score by class', '', '| class          | n   | p25 | median | p75 |', '| -------------- | --- | --- | ------ | --- |');
  for (const cls of REAL_CLASSES) {
    const scores = rows.filter((r) => r.cls === cls).map((r) => r.score);
    if (scores.length === 0) continue;
    const [a, b, c] = quartiles(scores);
    out.push(`| ${cls.padEnd(14)} | ${String(scores.length).padEnd(3)} | ${String(a).padEnd(3)} | ${String(b).padEnd(6)} | ${String(c).padEnd(3)} |`);
  }
  const sendable = GENERIC_CLASS;
  const gen = rows.filter((r) => sendable.includes(r.cls));
  const genNonPass = gen.filter((r) => r.verdict !== 'pass').length / (gen.length || 1);
  const res = perClass.researched;
  const [, genMedian] = quartiles(rows.filter((r) => r.cls === 'generic').map((r) => r.score));
  const [, resMedian] = quartiles(rows.filter((r) => r.cls === 'researched').map((r) => r.score));
  out.push('', 'Targets', '');
  out.push(`- generic, merge-template, bump and breakup: ${pct(genNonPass)} non-pass (target >= 97%) ${genNonPass >= 0.97 ? 'met' : 'MISSED'}`);
  out.push(`- researched: ${pct(res.missingOrMerge)} get missing-signal or merge-only (target <= 5%) ${res.missingOrMerge <= 0.05 ? 'met' : 'MISSED'}`);
  out.push(
    `- median score: generic ${genMedian} (target <= 45) ${genMedian <= 45 ? 'met' : 'MISSED'}; researched ${resMedian} (target >= 80) ${resMedian >= 80 ? 'met' : 'MISSED'}`,
  );
  out.push('', ...(await corpusTable(rows)));
  out.push('', ...formTable(rows, REAL_CLASSES, formRules(allRules).ids));
  if (misses) {
    out.push('', 'Misses', '');
    for (const r of rows) {
      const bad =
        (sendable.includes(r.cls) && r.verdict === 'pass') ||
        (r.cls === 'researched' && (r.fired.has('missing-signal') || r.fired.has('merge-only-personalization')));
      if (bad) out.push(`- ${r.path} (${r.cls}) ${r.verdict} ${r.score} [${[...r.fired].join(', ')}]`);
    }
  }
  return out.join('\n');
}

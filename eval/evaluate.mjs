// The labelled evaluation: lints every email under eval/<class>/ with the default config and
// reports, per class, the verdicts; per rule, precision and recall against what the class says
// the rule should do; and the class-by-verdict confusion matrix. `npm run eval` prints it.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLinter } from '../dist/index.js';

const root = resolve(new URL('..', import.meta.url).pathname);
export const CLASSES = ['generic', 'merge-only', 'vague', 'researched', 'research-slot'];
const VERDICTS = ['pass', 'revise', 'needs-signal', 'block'];

/**
 * What each rule should do per class: true = should fire, false = must not fire, absent =
 * not judged (a generic template with only {{first_name}} is arguably merge-only too).
 * Only warnings and errors count as firing; info findings are reminders.
 */
export const EXPECT = {
  'missing-signal': { generic: true, 'merge-only': true, vague: true, researched: false, 'research-slot': false },
  'merge-only-personalization': { 'merge-only': true, researched: false, 'research-slot': false, vague: undefined },
  'vague-personalization': { vague: true, researched: false, 'research-slot': false, 'merge-only': false, generic: false },
};

/** Lints every email of a labelled set: `eval` (the tuning set) or `eval/holdout`. */
export async function evaluate(set = 'eval') {
  const linter = await createLinter({ cwd: root, config: {} });
  const rows = [];
  for (const cls of CLASSES) {
    const dir = join(root, set, cls);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.md')).sort()) {
      const path = `${set}/${cls}/${f}`;
      const [r] = await linter.lintText(readFileSync(join(dir, f), 'utf8'), path);
      const fired = new Set(r.findings.filter((x) => x.severity !== 'info').map((x) => x.ruleId));
      rows.push({ cls, path, kind: r.mode, verdict: r.verdict, score: r.score, fired, findings: r.findings });
    }
  }
  return rows;
}

export function summarize(rows) {
  const perClass = {};
  for (const cls of CLASSES) {
    const mine = rows.filter((r) => r.cls === cls);
    const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, mine.filter((r) => r.verdict === v).length]));
    perClass[cls] = {
      n: mine.length,
      verdicts,
      nonPass: mine.filter((r) => r.verdict !== 'pass').length / mine.length,
      missingOrMerge: mine.filter((r) => r.fired.has('missing-signal') || r.fired.has('merge-only-personalization')).length / mine.length,
    };
  }
  const perRule = {};
  for (const [rule, expect] of Object.entries(EXPECT)) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      const want = expect[r.cls];
      if (want === undefined) continue;
      const got = r.fired.has(rule);
      if (got && want) tp++;
      else if (got && !want) fp++;
      else if (!got && want) fn++;
    }
    perRule[rule] = { tp, fp, fn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
  }
  return { perClass, perRule };
}

export function formatEval(rows, title = 'eval/') {
  const { perClass, perRule } = summarize(rows);
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const pad = (s, n) => String(s).padEnd(n);
  const out = [`Evaluation on ${rows.length} labelled emails (${title})`, '', 'Verdicts by class (confusion matrix: class x verdict)', ''];
  out.push(`| class         | n  | ${VERDICTS.map((v) => pad(v, 12)).join(' | ')} | non-pass | missing-signal or merge-only |`);
  out.push(`| ------------- | -- | ${VERDICTS.map(() => '-'.repeat(12)).join(' | ')} | -------- | ---------------------------- |`);
  for (const cls of CLASSES) {
    const c = perClass[cls];
    out.push(`| ${pad(cls, 13)} | ${pad(c.n, 2)} | ${VERDICTS.map((v) => pad(c.verdicts[v], 12)).join(' | ')} | ${pad(pct(c.nonPass), 8)} | ${pad(pct(c.missingOrMerge), 28)} |`);
  }
  out.push('', 'Rules against what each class should trigger', '');
  out.push('| rule                       | precision | recall | tp  | fp  | fn  |');
  out.push('| -------------------------- | --------- | ------ | --- | --- | --- |');
  for (const [rule, m] of Object.entries(perRule)) out.push(`| ${pad(rule, 26)} | ${pad(pct(m.precision), 9)} | ${pad(pct(m.recall), 6)} | ${pad(m.tp, 3)} | ${pad(m.fp, 3)} | ${pad(m.fn, 3)} |`);
  const t = perClass;
  out.push('', 'Targets', '');
  for (const cls of ['generic', 'merge-only', 'vague']) out.push(`- ${cls}: ${pct(t[cls].nonPass)} non-pass (target >= 95%) ${t[cls].nonPass >= 0.95 ? 'met' : 'MISSED'}`);
  out.push(`- researched: ${pct(t.researched.missingOrMerge)} get missing-signal or merge-only (target <= 5%) ${t.researched.missingOrMerge <= 0.05 ? 'met' : 'MISSED'}`);
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = process.argv.includes('--holdout') ? 'eval/holdout' : 'eval';
  const rows = await evaluate(set);
  console.log(formatEval(rows, `${set}/`));
  if (process.argv.includes('--misses')) {
    for (const r of rows) {
      const bad = (['generic', 'merge-only', 'vague'].includes(r.cls) && r.verdict === 'pass') || (r.cls === 'researched' && (r.fired.has('missing-signal') || r.fired.has('merge-only-personalization')));
      const ruleMiss = Object.entries(EXPECT).filter(([rule, e]) => e[r.cls] !== undefined && e[r.cls] !== r.fired.has(rule)).map(([rule]) => rule);
      if (bad || ruleMiss.length) console.log(`${r.path} ${r.verdict} [${[...r.fired].join(', ')}] ${ruleMiss.length ? `rule misses: ${ruleMiss.join(', ')}` : ''}`);
    }
  }
}

// Tables shared by the synthetic and the real-mail evaluation: verdicts by class, and each
// rule's precision and recall against what a class says it should do.
const VERDICTS = ['pass', 'revise', 'needs-signal', 'block'];

export function summarize(rows, classes, expect) {
  const perClass = {};
  for (const cls of classes) {
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
  for (const [rule, byClass] of Object.entries(expect)) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      const want = byClass[r.cls];
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

export const pct = (x) => `${(x * 100).toFixed(1)}%`;
const pad = (s, n) => String(s).padEnd(n);

/** The class x verdict confusion matrix and the per-rule precision and recall, as Markdown lines. */
export function evalTables(rows, title, classes, expect) {
  const { perClass, perRule } = summarize(rows, classes, expect);
  const out = [`Evaluation on ${rows.length} labelled emails (${title})`, '', 'Verdicts by class (confusion matrix: class x verdict)', ''];
  out.push(`| class          | n   | ${VERDICTS.map((v) => pad(v, 12)).join(' | ')} | non-pass | missing-signal or merge-only |`);
  out.push(`| -------------- | --- | ${VERDICTS.map(() => '-'.repeat(12)).join(' | ')} | -------- | ---------------------------- |`);
  for (const cls of classes) {
    const c = perClass[cls];
    if (c.n === 0) continue;
    out.push(
      `| ${pad(cls, 14)} | ${pad(c.n, 3)} | ${VERDICTS.map((v) => pad(c.verdicts[v], 12)).join(' | ')} | ${pad(pct(c.nonPass), 8)} | ${pad(pct(c.missingOrMerge), 28)} |`,
    );
  }
  out.push('', 'Rules against what each class should trigger', '');
  out.push('| rule                       | precision | recall | tp  | fp  | fn  |');
  out.push('| -------------------------- | --------- | ------ | --- | --- | --- |');
  for (const [rule, m] of Object.entries(perRule))
    out.push(`| ${pad(rule, 26)} | ${pad(pct(m.precision), 9)} | ${pad(pct(m.recall), 6)} | ${pad(m.tp, 3)} | ${pad(m.fp, 3)} | ${pad(m.fn, 3)} |`);
  return { out, perClass };
}

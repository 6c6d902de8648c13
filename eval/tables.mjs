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

/**
 * The form rules (length, links...) per class: the share of emails with a finding of each (at
 * any severity: several report info by default), and how many verdicts differ from a lint with
 * every form rule off. The second is the promise that form rules never decide a verdict alone;
 * `verdictWithoutForm` is set on each row by the caller.
 */
export function formTable(rows, classes, formIds) {
  const out = ['Form rules by class (share of emails with a finding of each, any severity)', ''];
  if (formIds.length === 0) return [...out, 'No form rules are registered.'];
  const short = formIds.map((id) => id.replace('tracking-and-images', 'tracking'));
  out.push(`| class          | n   | ${short.map((s) => pad(s, 8)).join(' | ')} | verdict changed |`);
  out.push(`| -------------- | --- | ${short.map((s) => '-'.repeat(Math.max(8, s.length))).join(' | ')} | --------------- |`);
  for (const cls of classes) {
    const mine = rows.filter((r) => r.cls === cls);
    if (mine.length === 0) continue;
    const cells = formIds.map((id, i) =>
      pad(pct(mine.filter((r) => r.findings.some((f) => f.ruleId === id)).length / mine.length), Math.max(8, short[i].length)),
    );
    const changed = mine.filter((r) => r.verdict !== r.verdictWithoutForm).length;
    out.push(`| ${pad(cls, 14)} | ${pad(mine.length, 3)} | ${cells.join(' | ')} | ${pad(changed, 15)} |`);
  }
  return out;
}

/** Rule ids of the form group, and a config that turns them all off. */
export function formRules(allRules) {
  const ids = allRules.filter((r) => r.meta.group === 'form').map((r) => r.meta.id);
  return { ids, off: { rules: Object.fromEntries(ids.map((id) => [id, 'off'])) } };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../fs/package-root.js';
import { round } from '../kernel/round.js';
import { REPORT_MARKER } from './report-marker.js';
import type { ReportData, ReportItem } from './report-shape.js';
import type { Review, ReviewItem } from './review.js';
import { outcomeSections } from './report-outcomes.js';
import { esc } from './html-escape.js';

const VERDICTS = ['block', 'needs-signal', 'revise', 'pass'] as const;

/**
 * The report shows this many templates in full, worst first: at about 1 KB each that keeps it
 * to a few megabytes at any size of review. The charts, the totals and the near-copy clusters
 * count every template; --format json and csv list every one.
 */
export const REPORT_IN_FULL = 2000;
/** And at most this many characters of their text, for templates far longer than most. */
const REPORT_TEXT_BUDGET = 4_000_000;

/**
 * The manager's report: one self-contained HTML file (inline CSS, JS and SVG, no network
 * requests) with the summary, a score histogram and findings-per-rule chart, a sortable and
 * filterable table, a card per template with its findings marked in its text beside the
 * nearest generic message and the sentences the two share, the near-copy clusters, each
 * missing-signal question, and the files that could not be read. The worst REPORT_IN_FULL
 * templates are shown in full; everything else is counted.
 */
export function reportHtml(review: Review, opts: { title?: string; generatedAt?: string; inFull?: number } = {}): string {
  const shownItems: ReviewItem[] = [];
  let textSize = 0;
  for (const it of review.items(0, opts.inFull ?? REPORT_IN_FULL)) {
    textSize += it.shown?.text.length ?? 0;
    if (textSize > REPORT_TEXT_BUDGET && shownItems.length > 0) break;
    shownItems.push(it);
  }
  // Rule ids and messages repeat across thousands of templates: the data holds each once.
  const ruleIds = [...new Set(shownItems.flatMap((it) => it.findings.map((f) => f.ruleId)))];
  const rule = new Map(ruleIds.map((r, i) => [r, i]));
  const messages: string[] = [];
  const messageIndex = new Map<string, number>();
  const msg = (m: string) => {
    let i = messageIndex.get(m);
    if (i === undefined) messageIndex.set(m, (i = messages.push(m) - 1));
    return i;
  };
  // Nearest corpus messages, each shown once.
  const corpus: ReportData['corpus'] = [];
  const corpusIndex = new Map<string, number>();
  const items: ReportItem[] = shownItems.map((it) => {
    if (!it.shown) throw new Error(`${it.name} was reviewed without what the report shows; review it with a report asked for`);
    let near: ReportItem['near'] = null;
    if (it.nearest) {
      let ci = corpusIndex.get(it.nearest.id);
      if (ci === undefined) corpusIndex.set(it.nearest.id, (ci = corpus.push([it.nearest.id, it.nearest.archetype, '']) - 1));
      if (it.shown.nearestText !== null) corpus[ci]![2] = it.shown.nearestText;
      near = [ci, round(it.nearest.similarity, 2)];
    }
    return {
      n: it.name,
      v: it.verdict,
      s: it.score,
      c: it.cluster ?? 0,
      t: it.shown.text,
      m: it.shown.whole ? 1 : 0,
      q: it.prompt?.question ?? '',
      near,
      sh: it.shown.shared,
      f: it.findings.map((f) => [
        f.line,
        f.column,
        f.endLine,
        f.endColumn,
        f.severity === 'error' ? 'e' : f.severity === 'warning' ? 'w' : 'i',
        rule.get(f.ruleId)!,
        msg(f.message),
      ]),
      b: it.scoreBreakdown.map((x) => [rule.get(x.ruleId)!, x.points]),
      w: it.metrics?.words ?? 0,
      g: it.metrics?.grade ?? 0,
      x: [it.metrics?.questions ?? 0, it.metrics?.links ?? 0],
      o: it.owner ?? '',
      p: it.step ?? '',
      r: it.outcome ? [it.outcome.sent, it.outcome.replied] : null,
    };
  });
  const data: ReportData = { items, total: review.count, rules: ruleIds, messages, corpus };
  const json = inlineJson(JSON.stringify(data));
  const rules = Object.entries(review.rules).sort((a, b) => b[1] - a[1]);
  const title = opts.title ?? 'outreach-lint template review';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${REPORT_MARKER}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#templates">Skip to the templates</a>
<header>
<h1>${esc(title)}</h1>
<p>${review.count} templates, ${review.distinct} distinct emails${review.failed.length ? `, ${review.failed.length} could not be read` : ''}. Generated ${esc(opts.generatedAt ?? new Date().toISOString())} by outreach-lint.</p>
</header>
<main>
<section aria-labelledby="h-summary">
<h2 id="h-summary">Summary</h2>
<ul class="tiles">
<li><strong>${review.count}</strong> templates</li>
<li><strong>${review.distinct}</strong> distinct emails</li>
${VERDICTS.map((v) => `<li class="v-${v}"><strong>${review.verdicts[v] ?? 0}</strong> ${v}</li>`).join('\n')}
</ul>
</section>
${failedSection(review.failed)}${outcomeSections(review)}<section aria-labelledby="h-charts" class="charts">
<h2 id="h-charts">Scores and findings</h2>
<figure>${histogram(review.scores, { width: 10, bins: 10, label: 'context scores' })}<figcaption>Context scores, in bands of ten</figcaption></figure>
<figure>${barChart(rules)}<figcaption>Findings per rule</figcaption></figure>
</section>
<section aria-labelledby="h-form" class="charts">
<h2 id="h-form">Form</h2>
<p>${formSummary(review)}</p>
<figure>${histogram([...review.form.words, ...zeros(review.form.unmeasured)], {
    width: 25,
    bins: 10,
    label: 'words',
  })}<figcaption>Length in words (message proper), in bands of 25; replies peak at 50-125 (Boomerang)</figcaption></figure>
<figure>${histogram([...review.form.grades, ...zeros(review.form.unmeasured)], {
    width: 2,
    bins: 9,
    label: 'reading grade',
  })}<figcaption>Flesch-Kincaid grade, in bands of two; aim for 8 or below</figcaption></figure>
</section>
<section aria-labelledby="h-templates" id="templates">
<h2 id="h-templates">Templates, worst first</h2>
${review.count > items.length ? `<p>The worst ${items.length} of ${review.count} templates are shown here; the charts, totals and near-copies count them all, and <code>--format json</code> or <code>csv</code> lists every one.</p>\n` : ''}<div class="controls" role="search">
<label>Search <input type="search" id="q" placeholder="name or text"></label>
<label>Verdict <select id="fv"><option value="">all</option>${VERDICTS.map((v) => `<option>${v}</option>`).join('')}</select></label>
<label>Rule <select id="fr"><option value="">all</option>${rules.map(([r]) => `<option>${esc(r)}</option>`).join('')}</select></label>
<label>Cluster <select id="fc"><option value="">all</option><option value="any">in a cluster</option>${review.clusters.map((c) => `<option value="${c.id}">#${c.id} (${c.members.length})</option>`).join('')}</select></label>
<span id="count" aria-live="polite"></span>
</div>
<table id="t">
<thead><tr>
<th scope="col" aria-sort="none"><button data-k="n">Template</button></th>
<th scope="col" aria-sort="ascending"><button data-k="v">Verdict</button></th>
<th scope="col" aria-sort="none"><button data-k="s">Score</button></th>
<th scope="col" aria-sort="none"><button data-k="c">Cluster</button></th>
<th scope="col" aria-sort="none"><button data-k="w">Words</button></th>
<th scope="col" aria-sort="none"><button data-k="g">Grade</button></th>
<th scope="col" aria-sort="none"><button data-k="o">Rep</button></th>
<th scope="col" aria-sort="none"><button data-k="p">Step</button></th>
<th scope="col" aria-sort="none"><button data-k="r">Replies</button></th>
<th scope="col">Top finding</th>
<th scope="col"><span class="sr">Details</span></th>
</tr></thead>
<tbody></tbody>
</table>
</section>
<section aria-labelledby="h-clusters">
<h2 id="h-clusters">Near-copies</h2>
${review.clusters.length ? `<ol class="clusters">${review.clusters.map((c) => `<li id="cluster-${c.id}"><strong>#${c.id}</strong>: ${c.members.length} near-copies: ${c.members.map(esc).join(', ')}</li>`).join('')}</ol>` : '<p>No two templates are near-copies of each other.</p>'}
</section>
</main>
<script type="application/json" id="data">${json}</script>
<script>${pageScript()}</script>
</body>
</html>
`;
}

/** The files left out of the review, shown where a manager reading the summary sees them. */
function failedSection(failed: Review['failed']): string {
  if (!failed.length) return '';
  return `<section aria-labelledby="h-failed" class="failed">
<h2 id="h-failed">Could not be read</h2>
<p>${failed.length} ${failed.length === 1 ? 'file was' : 'files were'} left out of this review:</p>
<ul>${failed.map((f) => `<li>${esc(f.error)}</li>`).join('')}</ul>
</section>
`;
}

/** JSON safe inside a <script> element: no "<" that could close it, and the line separators older parsers rejected. */
function inlineJson(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

let script: string | undefined;

/** The page's code, bundled from src/review/page/report-page.ts by the build, which checks it cannot close its <script> element. */
function pageScript(): string {
  try {
    script ??= readFileSync(join(packageRoot, 'dist', 'review', 'report-page.js'), 'utf8');
  } catch {
    throw new Error('the report page script dist/review/report-page.js is missing; run npm run build');
  }
  return script;
}

/**
 * Counts in bands of `width` from 0, the last band open-ended (`bins` bands in all), as an
 * SVG bar chart with each band's range and count in its title and in the label read aloud.
 */
function histogram(values: number[], band: { width: number; bins: number; label: string }): string {
  const bins = Array.from({ length: band.bins }, () => 0);
  for (const v of values) bins[Math.min(band.bins - 1, Math.max(0, Math.floor(v / band.width)))]!++;
  const max = Math.max(1, ...bins);
  const w = 36;
  const h = 140;
  const range = (i: number) =>
    i === band.bins - 1
      ? `${i * band.width} or more`
      : `${i * band.width} to ${(i + 1) * band.width - (Number.isInteger(band.width) && band.width > 1 ? 1 : 0)}`;
  const bars = bins
    .map((k, i) => {
      const bh = Math.round((k / max) * h);
      return `<g><title>${range(i)}: ${k}</title><rect x="${i * w + 30}" y="${h - bh + 24}" width="${w - 6}" height="${bh}" class="bar"/><text x="${i * w + 30 + (w - 6) / 2}" y="${h + 40}" text-anchor="middle">${i * band.width}</text><text x="${i * w + 30 + (w - 6) / 2}" y="${h - bh + 19}" text-anchor="middle">${k || ''}</text></g>`;
    })
    .join('');
  const width = band.bins * w + 40;
  return `<svg role="img" aria-label="Histogram of ${band.label}: ${bins.map((k, i) => `${range(i)}: ${k}`).join('; ')}" viewBox="0 0 ${width} 194" width="${width}" height="194">${bars}</svg>`;
}

/** A template without form metrics counts as 0 in the form histograms. */
function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

/** The team's medians, the line above the form histograms. */
function formSummary(review: Review): string {
  const { words, grades, questions, links } = review.form;
  if (words.length === 0) return 'No templates to measure.';
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : round((s[m - 1]! + s[m]!) / 2, 1);
  };
  const inWindow = words.filter((w) => w >= 50 && w <= 125).length;
  return `Median ${median(words)} words and grade ${median(grades)}; ${inWindow} of ${words.length} templates are 50-125 words long; median ${median(questions)} questions and ${median(links)} links.`;
}

function barChart(rules: Array<[string, number]>): string {
  const max = Math.max(1, ...rules.map(([, k]) => k));
  const row = 24;
  const bars = rules
    .map(
      ([r, k], i) =>
        `<g><title>${esc(r)}: ${k}</title><text x="0" y="${i * row + 16}">${esc(r)}</text><rect x="210" y="${i * row + 4}" width="${Math.max(2, Math.round((k / max) * 170))}" height="${row - 8}" class="bar"/><text x="${214 + Math.round((k / max) * 170)}" y="${i * row + 16}">${k}</text></g>`,
    )
    .join('');
  return `<svg role="img" aria-label="Findings per rule: ${rules.map(([r, k]) => `${r} ${k}`).join('; ')}" viewBox="0 0 420 ${Math.max(row, rules.length * row)}" width="420" height="${Math.max(row, rules.length * row)}">${bars}</svg>`;
}

const CSS = `
:root{--fg:#1b1f24;--muted:#545d68;--bg:#fff;--line:#d0d7de;--block:#a40e26;--needs:#0b4f9c;--revise:#7a4d00;--pass:#1a6b2f;--mark:#fff1a8}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1200px;padding:1rem 1.5rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem;border:2px solid var(--fg)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.tiles{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0}.tiles li{border:1px solid var(--line);border-radius:6px;padding:.5rem .9rem;min-width:8rem}.tiles strong{display:block;font-size:1.5rem}
.v-block strong,.vb{color:var(--block)}.v-needs-signal strong,.vn{color:var(--needs)}.v-revise strong,.vr{color:var(--revise)}.v-pass strong,.vp{color:var(--pass)}
.charts{display:flex;flex-wrap:wrap;gap:2rem}.charts h2{flex-basis:100%}figure{margin:0}figcaption{color:var(--muted);font-size:.9rem}
svg text{font:12px system-ui,sans-serif;fill:var(--fg)}svg .bar{fill:#3b6ea8}svg .ci{stroke:var(--fg);stroke-width:1.5}
.lower{color:var(--block);font-weight:600}.higher{color:var(--pass);font-weight:600}.says{flex-basis:100%}.says h3{margin:.6rem 0 .2rem}.says li{margin:.2rem 0}.rules-outcomes{flex-basis:100%}table.groups{width:auto}table.groups th,table.groups td{padding-right:1.5rem}.fixes li{margin:.3rem 0}
.controls{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;margin:.5rem 0}.controls input,.controls select{font:inherit;padding:.25rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.35rem .4rem;text-align:left;vertical-align:top}
th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:inherit}th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.card td{background:#f6f8fa}
button:focus-visible,input:focus-visible,select:focus-visible,a:focus-visible{outline:3px solid #0969da;outline-offset:2px}
.details{font:inherit;border:1px solid var(--line);background:#fff;border-radius:4px;padding:.1rem .5rem;cursor:pointer}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}pre{white-space:pre-wrap;word-wrap:break-word;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;border:1px solid var(--line);background:#fff;padding:.6rem;margin:.3rem 0}
mark{background:var(--mark);color:inherit;border-bottom:2px solid #c69026}mark.e{border-color:var(--block)}mark.shared{background:#ffd7d5}
.failed{border-left:4px solid var(--block);padding:0 .8rem}.failed h2{border:0}
.findings{margin:.3rem 0 .6rem;padding-left:1.2rem}.q{border-left:4px solid var(--needs);padding:.3rem .6rem;background:#eef5ff}
@media print{.controls,.skip,.details{display:none}body{max-width:none;padding:0}tr{break-inside:avoid}a{color:inherit}}
`;

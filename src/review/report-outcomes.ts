import { outcomeSayings, percent, rateText } from '../outcomes/outcome-words.js';
import type { OutcomeEntry } from '../outcomes/outcome-stats.js';
import type { ReviewGroup } from './review-groups.js';
import type { Review } from './review.js';
import { esc } from './html-escape.js';

/**
 * The report's sections on what to fix first, the team's reply rates (by verdict and score
 * band with their intervals, the per-rule comparison) and its reps and steps. Empty when the
 * review has none of them.
 */
export function outcomeSections(review: Review): string {
  let html = '';
  if (review.fixFirst.length) {
    html += `<section aria-labelledby="h-fix">
<h2 id="h-fix">Fix first</h2>
<p>The changes that would move the most ${review.outcomes ? 'sends' : 'templates'} out of block and needs-signal:</p>
<ol class="fixes">${review.fixFirst
      .map(
        (f) =>
          `<li><strong>${f.rules.map(esc).join(' + ')}</strong>: ${f.drafts} ${f.drafts === 1 ? 'template' : 'templates'}${f.sent !== null ? `, ${f.sent.toLocaleString('en-US')} sent` : ''} (${f.verdicts.block} block, ${f.verdicts['needs-signal']} needs-signal): ${f.templates.map(esc).join(', ')}${f.more ? ` and ${f.more} more` : ''}</li>`,
      )
      .join('')}</ol>
</section>
`;
  }
  const o = review.outcomes;
  if (o) {
    const source = review.outcomeSource;
    html += `<section aria-labelledby="h-outcomes" class="charts" id="outcomes">
<h2 id="h-outcomes">Replies</h2>
<div class="says"><p>${o.drafts} of ${o.drafts + o.unmatched} templates have outcomes: ${esc(rateText(o.overall))}${source ? ` from ${esc(source.file)}${source.vendorLabel ? ` (read as ${esc(source.vendorLabel)}'s column names)` : ''}` : ''}. Intervals are 95% Wilson intervals, widened by how much more the templates differ among themselves than chance would make them (a near-copy cluster counts as one template); a difference is called out only when each side has ${o.minSends} sends and the intervals do not overlap.</p>
<h3>What the data says</h3><ul>${outcomeSayings(o)
      .map((line) => `<li>${esc(line)}</li>`)
      .join('')}</ul></div>
<figure>${intervalChart(o.byVerdict, 'Reply rate by verdict')}<figcaption>Reply rate by verdict, with 95% intervals</figcaption></figure>
<figure>${intervalChart(
      Object.fromEntries(Object.entries(o.byScoreBand).map(([k, e]) => [`score ${k}`, e])),
      'Reply rate by score band',
    )}<figcaption>Reply rate by score band, with 95% intervals</figcaption></figure>
<table class="rules-outcomes"><caption>Per rule: templates with the finding against those without</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">With the finding</th><th scope="col">Without</th><th scope="col">Difference</th></tr></thead>
<tbody>${Object.entries(o.byRule)
      .map(
        ([rule, e]) =>
          `<tr><td>${esc(rule)}</td><td>${esc(rateText(e))}, ${e.drafts} ${e.drafts === 1 ? 'template' : 'templates'}</td><td>${esc(rateText(e.without))}, ${e.without.drafts} ${e.without.drafts === 1 ? 'template' : 'templates'}</td><td class="${e.difference === 'lower' || e.difference === 'higher' ? e.difference : ''}">${e.difference}</td></tr>`,
      )
      .join('')}</tbody></table>
</section>
`;
  }
  for (const [id, title, groups, rates] of [
    ['reps', 'By rep', review.groups.byOwner, o?.byOwner],
    ['steps', 'By step', review.groups.byStep, o?.byStep],
  ] as const) {
    if (!Object.keys(groups).length) continue;
    html += `<section aria-labelledby="h-${id}">
<h2 id="h-${id}">${title}</h2>
<table class="groups"><thead><tr><th scope="col">${id === 'reps' ? 'Rep' : 'Step'}</th><th scope="col">Templates</th><th scope="col">Block or needs-signal</th><th scope="col">Median score</th>${rates ? '<th scope="col">Replies</th><th scope="col">Against the rest</th>' : ''}</tr></thead>
<tbody>${Object.entries(groups)
      .map(([k, g]) => groupRow(k, g, rates?.[k]))
      .join('')}</tbody></table>
</section>
`;
  }
  return html;
}

function groupRow(key: string, g: ReviewGroup, rate: OutcomeEntry | undefined): string {
  const cells = [esc(key), String(g.drafts), String(g.verdicts.block + g.verdicts['needs-signal']), String(g.medianScore)];
  const tail = rate
    ? `<td>${esc(rateText(rate))}</td><td class="${rate.difference === 'lower' || rate.difference === 'higher' ? rate.difference : ''}">${rate.difference}</td>`
    : '';
  return `<tr>${cells.map((c, i) => `<td${i ? ' class="num"' : ''}>${c}</td>`).join('')}${tail}</tr>`;
}

/** Each group's reply rate as a bar, with its 95% interval as a line across it, and the counts in words. */
function intervalChart(groups: Record<string, OutcomeEntry>, label: string): string {
  const entries = Object.entries(groups);
  const max = Math.max(0.01, ...entries.map(([, e]) => e.interval[1]));
  const row = 30;
  const x0 = 110;
  const span = 220;
  const x = (v: number) => x0 + Math.round((v / max) * span);
  const bars = entries
    .map(([k, e], i) => {
      const y = i * row;
      const rate = e.replyRate ?? 0;
      return `<g><title>${esc(k)}: ${esc(rateText(e))}</title><text x="0" y="${y + 19}">${esc(k)}</text><rect x="${x0}" y="${y + 6}" width="${Math.max(1, x(rate) - x0)}" height="${row - 12}" class="bar"/><line class="ci" x1="${x(e.interval[0])}" x2="${x(e.interval[1])}" y1="${y + 15}" y2="${y + 15}"/><line class="ci" x1="${x(e.interval[0])}" x2="${x(e.interval[0])}" y1="${y + 9}" y2="${y + 21}"/><line class="ci" x1="${x(e.interval[1])}" x2="${x(e.interval[1])}" y1="${y + 9}" y2="${y + 21}"/><text x="${x0 + span + 12}" y="${y + 19}">${e.replyRate === null ? 'no sends' : `${percent(e.replyRate)} of ${e.sent.toLocaleString('en-US')}`}</text></g>`;
    })
    .join('');
  const height = Math.max(row, entries.length * row);
  return `<svg role="img" aria-label="${esc(label)}: ${esc(entries.map(([k, e]) => `${k} ${rateText(e)}`).join('; '))}" viewBox="0 0 460 ${height}" width="460" height="${height}">${bars}</svg>`;
}

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../fs/rule-data.js';
import { REPORT_MARKER } from './report-marker.js';
import type { Review } from './review.js';
import { round } from '../kernel/round.js';

const VERDICTS = ['block', 'needs-signal', 'revise', 'pass'] as const;

/**
 * The manager's report: one self-contained HTML file (inline CSS, JS and SVG, no network
 * requests) with the summary, a score histogram and findings-per-rule chart, a sortable and
 * filterable table, a card per template with its findings marked in its text beside the
 * nearest generic message, the near-copy clusters, each missing-signal question, and the
 * files that could not be read.
 */
export function reportHtml(review: Review, opts: { title?: string; generatedAt?: string } = {}): string {
  // Rule ids and messages repeat across thousands of templates: the data holds each once.
  const ruleIds = [...new Set(review.items.flatMap((it) => it.result.findings.map((f) => f.ruleId)))];
  const rule = new Map(ruleIds.map((r, i) => [r, i]));
  const messages: string[] = [];
  const messageIndex = new Map<string, number>();
  const msg = (m: string) => {
    let i = messageIndex.get(m);
    if (i === undefined) messageIndex.set(m, (i = messages.push(m) - 1));
    return i;
  };
  const perFile = new Map<string, number>();
  for (const it of review.items) perFile.set(it.result.filePath, (perFile.get(it.result.filePath) ?? 0) + 1);
  // Nearest corpus messages, each once: [id, archetype, text].
  const corpus: Array<[string, string, string]> = [];
  const corpusIndex = new Map<string, number>();
  const items = review.items.map((it) => {
    const r = it.result;
    const whole = perFile.get(r.filePath) === 1 && r.draft.format !== 'csv';
    const text = whole ? r.draft.source : `${r.draft.subject ? `Subject: ${r.draft.subject.text}\n\n` : ''}${r.draft.body.text}`;
    let near: [number, number] | null = null;
    if (it.nearest) {
      let ci = corpusIndex.get(it.nearest.id);
      if (ci === undefined)
        corpusIndex.set(
          it.nearest.id,
          (ci = corpus.push([it.nearest.id, it.nearest.archetype, it.nearest.similarity >= 0.2 ? corpusText(it.nearest.id) : '']) - 1),
        );
      else if (it.nearest.similarity >= 0.2 && !corpus[ci]![2]) corpus[ci]![2] = corpusText(it.nearest.id);
      near = [ci, round(it.nearest.similarity, 2)];
    }
    const question = r.prompt?.question;
    return {
      n: it.name,
      v: r.verdict,
      s: r.score,
      c: it.cluster ?? 0,
      t: text,
      m: whole ? 1 : 0,
      q: question ?? '',
      near,
      f: r.findings.map((f) => [f.line, f.column, f.endLine, f.endColumn, f.severity[0], rule.get(f.ruleId), msg(f.message)]),
      b: r.scoreBreakdown.map((x) => [rule.get(x.ruleId), x.points]),
    };
  });
  const data = { items, rules: ruleIds, messages, corpus };
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
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
<p>${review.items.length} templates, ${review.distinct} distinct emails${review.failed.length ? `, ${review.failed.length} could not be read` : ''}. Generated ${esc(opts.generatedAt ?? new Date().toISOString())} by outreach-lint.</p>
</header>
<main>
<section aria-labelledby="h-summary">
<h2 id="h-summary">Summary</h2>
<ul class="tiles">
<li><strong>${review.items.length}</strong> templates</li>
<li><strong>${review.distinct}</strong> distinct emails</li>
${VERDICTS.map((v) => `<li class="v-${v}"><strong>${review.verdicts[v] ?? 0}</strong> ${v}</li>`).join('\n')}
</ul>
</section>
${failedSection(review.failed)}<section aria-labelledby="h-charts" class="charts">
<h2 id="h-charts">Scores and findings</h2>
<figure>${histogram(review.items.map((i) => i.result.score))}<figcaption>Context scores, in bands of ten</figcaption></figure>
<figure>${barChart(rules)}<figcaption>Findings per rule</figcaption></figure>
</section>
<section aria-labelledby="h-templates" id="templates">
<h2 id="h-templates">Templates, worst first</h2>
<div class="controls" role="search">
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
<script>${JS}</script>
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

function corpusText(id: string): string {
  const path = [join(packageRoot, id), resolve(id)].find((p) => existsSync(p));
  if (!path) return '';
  return readFileSync(path, 'utf8').replace(/^---[\s\S]*?\n---\r?\n/, '');
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function histogram(scores: number[]): string {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const s of scores) bins[Math.min(9, Math.floor(s / 10))]!++;
  const max = Math.max(1, ...bins);
  const w = 36;
  const h = 140;
  const bars = bins
    .map((k, i) => {
      const bh = Math.round((k / max) * h);
      const label = `${i * 10}-${i === 9 ? 100 : i * 10 + 9}`;
      return `<g><title>${label}: ${k}</title><rect x="${i * w + 30}" y="${h - bh + 24}" width="${w - 6}" height="${bh}" class="bar"/><text x="${i * w + 30 + (w - 6) / 2}" y="${h + 40}" text-anchor="middle">${i * 10}</text><text x="${i * w + 30 + (w - 6) / 2}" y="${h - bh + 19}" text-anchor="middle">${k || ''}</text></g>`;
    })
    .join('');
  return `<svg role="img" aria-label="Histogram of context scores: ${bins.map((k, i) => `${i * 10} to ${i * 10 + 9}: ${k}`).join('; ')}" viewBox="0 0 400 194" width="400" height="194">${bars}</svg>`;
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
svg text{font:12px system-ui,sans-serif;fill:var(--fg)}svg .bar{fill:#3b6ea8}
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

const JS = `
(function(){
var D=JSON.parse(document.getElementById('data').textContent),T=document.querySelector('#t tbody');
var RANK={block:0,'needs-signal':1,revise:2,pass:3},CLS={block:'vb','needs-signal':'vn',revise:'vr',pass:'vp'};
var sortKey='v',sortDir=1,open={};
function el(tag,attrs,text){var e=document.createElement(tag);for(var k in attrs){if(k==='class')e.className=attrs[k];else e.setAttribute(k,attrs[k]);}if(text!==undefined)e.textContent=text;return e;}
function top(it){var f=it.f.slice().sort(function(a,b){return 'ewi'.indexOf(a[4])-'ewi'.indexOf(b[4])||a[0]-b[0];})[0];return f?D.rules[f[5]]+': '+D.messages[f[6]]:'';}
function matches(it){var q=document.getElementById('q').value.toLowerCase(),v=document.getElementById('fv').value,r=document.getElementById('fr').value,c=document.getElementById('fc').value;
if(v&&it.v!==v)return false;if(r&&!it.f.some(function(f){return D.rules[f[5]]===r;}))return false;if(c==='any'&&!it.c)return false;if(c&&c!=='any'&&String(it.c)!==c)return false;
if(q&&it.n.toLowerCase().indexOf(q)<0&&it.t.toLowerCase().indexOf(q)<0)return false;return true;}
function cmp(a,b){var x,y;if(sortKey==='v'){x=RANK[a.v];y=RANK[b.v];if(x===y){x=a.s;y=b.s;}}else if(sortKey==='s'){x=a.s;y=b.s;}else if(sortKey==='c'){x=a.c||1e9;y=b.c||1e9;}else{x=a.n;y=b.n;}return (x<y?-1:x>y?1:0)*sortDir;}
function render(){T.textContent='';var shown=D.items.map(function(it,i){it.i=i;return it;}).filter(matches).sort(cmp);
shown.forEach(function(it){var tr=el('tr',{'data-i':it.i});tr.appendChild(el('td',{},it.n));var v=el('td',{class:CLS[it.v]},it.v);tr.appendChild(v);
tr.appendChild(el('td',{class:'num'},String(it.s)));tr.appendChild(el('td',{},it.c?'#'+it.c:''));tr.appendChild(el('td',{},top(it)));
var td=el('td');var b=el('button',{class:'details','aria-expanded':open[it.i]?'true':'false','aria-label':'Details for '+it.n},open[it.i]?'Hide':'Details');b.onclick=function(){open[it.i]=!open[it.i];render();};td.appendChild(b);tr.appendChild(td);T.appendChild(tr);
if(open[it.i]){var cr=el('tr',{class:'card'});var cd=el('td',{colspan:'6'});card(it,cd);cr.appendChild(cd);T.appendChild(cr);}});
document.getElementById('count').textContent=shown.length+' of '+D.items.length+' shown';}
function marked(text,findings,pre){var lines=text.split('\\n');var marks={};findings.forEach(function(f){(marks[f[0]-1]=marks[f[0]-1]||[]).push(f);});
lines.forEach(function(line,li){var ms=(marks[li]||[]).slice().sort(function(a,b){return a[1]-b[1];});var at=0;ms.forEach(function(f){var s=f[1]-1,e=f[2]===f[0]?Math.max(f[3]-1,s+1):line.length;if(s<at)return;
pre.appendChild(document.createTextNode(line.slice(at,s)));var m=el('mark',{class:f[4]==='e'?'e':'',title:D.rules[f[5]]+': '+D.messages[f[6]]},line.slice(s,e)||' ');pre.appendChild(m);at=e;});
pre.appendChild(document.createTextNode(line.slice(at)+(li<lines.length-1?'\\n':'')));});}
function norm(s){return s.toLowerCase().replace(/\\{\\{[^}]*\\}\\}/g,' slot ').replace(/[^a-z0-9 ]+/g,' ').replace(/\\s+/g,' ').trim();}
function bigrams(s){var m={};for(var i=0;i<s.length-1;i++){var g=s.substr(i,2);m[g]=(m[g]||0)+1;}return m;}
function dice(a,b){if(a===b)return 1;if(a.length<2||b.length<2)return 0;var A=bigrams(a),B=bigrams(b),n=0;for(var g in A)if(B[g])n+=Math.min(A[g],B[g]);return 2*n/(a.length+b.length-2);}
function sentences(t){return t.split(/(?<=[.!?])\\s+|\\n+/).map(function(s){return s.trim();}).filter(function(s){return s.split(' ').length>=5;});}
function shared(a,b){var sa=sentences(a),sb=sentences(b),na=sb.map(norm),out={a:[],b:[]};sa.forEach(function(s){var n=norm(s);na.forEach(function(m,j){if(dice(n,m)>=0.85){out.a.push(s);out.b.push(sb[j]);}});});return out;}
function hl(text,list,pre){var parts=[{t:text,m:false}];list.forEach(function(s){var next=[];parts.forEach(function(p){if(p.m){next.push(p);return;}var i=p.t.indexOf(s);if(i<0){next.push(p);return;}next.push({t:p.t.slice(0,i),m:false},{t:s,m:true},{t:p.t.slice(i+s.length),m:false});});parts=next;});
parts.forEach(function(p){pre.appendChild(p.m?el('mark',{class:'shared',title:'also in the generic message'},p.t):document.createTextNode(p.t));});}
function card(it,root){var bd=it.b.map(function(x){return '-'+x[1]+' '+D.rules[x[0]];}).join(', ');root.appendChild(el('p',{},'Score '+it.s+'/100'+(bd?' ('+bd+')':'')+', '+it.v+'.'));
if(it.q){root.appendChild(el('p',{class:'q'},it.q+' Answer in your own words; outreach-lint will not write it for you.'));}
var ul=el('ul',{class:'findings'});it.f.forEach(function(f){ul.appendChild(el('li',{},f[0]+':'+f[1]+' '+({e:'error',w:'warning',i:'info'})[f[4]]+' '+D.messages[f[6]]+' ('+D.rules[f[5]]+')'));});if(it.f.length)root.appendChild(ul);
var side=el('div',{class:'side'});var left=el('div');left.appendChild(el('h3',{},'This template'));var pre=el('pre');
var cm=it.near&&D.corpus[it.near[0]],near=cm&&it.near[1]>=0.2&&cm[2];var sh=near?shared(it.t,near):{a:[],b:[]};
if(it.m&&!sh.a.length)marked(it.t,it.f,pre);else hl(it.t,sh.a,pre);left.appendChild(pre);side.appendChild(left);
var right=el('div');if(near){right.appendChild(el('h3',{},'Nearest generic message: '+cm[1]+' ('+Math.round(it.near[1]*100)+'% similar)'));right.appendChild(el('p',{},cm[0]+(sh.b.length?'; '+sh.b.length+' shared sentences highlighted':'')));var p2=el('pre');hl(near,sh.b,p2);right.appendChild(p2);}
else right.appendChild(el('p',{},'No generic message in the corpus is close to this one.'));side.appendChild(right);root.appendChild(side);}
document.querySelectorAll('th button').forEach(function(b){b.onclick=function(){var k=b.getAttribute('data-k');if(sortKey===k)sortDir=-sortDir;else{sortKey=k;sortDir=1;}
document.querySelectorAll('th').forEach(function(th){th.setAttribute('aria-sort','none');});b.parentNode.setAttribute('aria-sort',sortDir>0?'ascending':'descending');render();};});
['q','fv','fr','fc'].forEach(function(id){document.getElementById(id).addEventListener('input',render);});
render();})();
`;

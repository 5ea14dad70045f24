// The report as one self-contained HTML file: inline style, the status chart as inline SVG drawn by
// ECharts on the server, no script. Every piece of text goes through the escaping `html` template; the
// only raw markup is the chart's SVG (fixed labels and numbers, escaped by ECharts).
import { html, raw, type SafeHtml } from '../web/html.js';
import { statusChartSvg } from './chart.js';
import type { ReportData } from './data.js';
import { cssFonts } from './form.js';
import { reportBlocks, type Block } from './layout.js';

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: ${cssFonts('body')}; font-size: 16pt; color: #000; max-width: 1080px; margin: 2em auto; padding: 0 1.5em; line-height: 1.8; }
h1 { font-family: ${cssFonts('title')}; font-weight: normal; text-align: center; font-size: 22pt; margin-bottom: .8em; }
h2 { font-family: ${cssFonts('heading1')}; font-weight: normal; font-size: 16pt; margin: 1em 0 .3em; text-indent: 2em; }
h3 { font-family: ${cssFonts('heading2')}; font-weight: normal; font-size: 16pt; margin: .6em 0 .2em; text-indent: 2em; }
p { text-indent: 2em; margin: 0; }
p.note { color: #333; font-size: 12pt; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 9pt; line-height: 1.4; }
caption { font-family: ${cssFonts('heading1')}; margin-bottom: .3em; font-size: 12pt; }
th, td { border: 1px solid #000; padding: .2em .35em; vertical-align: top; }
th { font-family: ${cssFonts('heading1')}; font-weight: normal; white-space: nowrap; }
td.num { text-align: right; }
td.nowrap { white-space: nowrap; }
.item { margin: .3em 0 .5em; }
.item .head { text-indent: 2em; }
.item ul { margin: .1em 0 0 3em; padding: 0; font-size: 14pt; }
.signature { margin: 2em 4em 0 auto; width: max-content; text-align: center; }
.signature p { text-indent: 0; }
.attachment { break-before: page; margin-top: 2em; }
.attachment .label { font-family: ${cssFonts('heading1')}; text-indent: 0; }
.attachment h2 { font-family: ${cssFonts('title')}; text-align: center; text-indent: 0; font-size: 18pt; }
figure { margin: 1em 0; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 12pt; }
@media print { body { max-width: none; margin: 0; padding: 0; } h2, h3, caption { break-after: avoid; } tr { break-inside: avoid; } }
`;

function table(t: Extract<Block, { kind: 'table' }>): SafeHtml {
  const cls = (i: number) => [t.numeric?.includes(i) ? 'num' : '', t.nowrap?.includes(i) ? 'nowrap' : ''].filter(Boolean).join(' ');
  const cell = (c: string, i: number) => (cls(i) ? html`<td class="${cls(i)}">${c}</td>` : html`<td>${c}</td>`);
  return html`<table>${t.caption ? html`<caption>${t.caption}</caption>` : ''}
<thead><tr>${t.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${t.rows.map((r) => html`<tr>${r.map(cell)}</tr>\n`)}</tbody></table>`;
}

function block(b: Block, d: ReportData): SafeHtml {
  switch (b.kind) {
    case 'title':
      return html`<h1>${b.text}</h1>`;
    case 'heading':
      return b.level === 1 ? html`<h2>${b.text}</h2>` : html`<h3>${b.text}</h3>`;
    case 'para':
      return b.note ? html`<p class="note">${b.text}</p>` : html`<p>${b.text}</p>`;
    case 'item':
      return html`<div class="item"><p class="head">${b.head}</p><ul>${b.lines.map((l) => html`<li>${l}</li>`)}</ul></div>`;
    case 'table':
      return table(b);
    case 'chart':
      // ECharts output: fixed status labels and counts only
      return html`<figure>${raw(statusChartSvg(d.counts))}<figcaption>图 1 指标评价结果分布（数据见表 1）</figcaption></figure>`;
    case 'signature':
      return html`<div class="signature"><p>${b.issuer}</p><p>${b.date}</p></div>`;
    case 'attachment':
      return html`<section class="attachment"><p class="label">${b.label}</p><h2>${b.title}</h2></section>`;
  }
}

export function renderHtml(d: ReportData): string {
  const [first, ...rest] = reportBlocks(d);
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d.title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header>${block(first, d)}</header>
<main>
${rest.map((b) => html`${block(b, d)}\n`)}
</main>
</body>
</html>
`.toString();
}

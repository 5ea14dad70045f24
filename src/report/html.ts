// The report as one self-contained HTML file: inline style, the status chart as inline SVG drawn by
// ECharts on the server, no script. Every piece of text goes through the escaping `html` template; the
// only raw markup is the chart's SVG (fixed labels and numbers, escaped by ECharts).
import { html, raw, type SafeHtml } from '../web/html.js';
import { statusChartSvg } from './chart.js';
import type { ReportData } from './data.js';
import { reportBlocks, type Block } from './layout.js';

const STYLE = `
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; color: #1a1a1a; max-width: 1080px; margin: 2em auto; padding: 0 1.5em; line-height: 1.7; }
h1, h2, h3 { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif; }
h1 { text-align: center; font-size: 1.6em; margin-bottom: .3em; }
h2 { font-size: 1.3em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.1em; }
p { text-indent: 2em; margin: .5em 0; }
p.note { text-indent: 0; color: #555; font-size: .92em; }
p.meta { text-align: center; text-indent: 0; color: #555; }
table { border-collapse: collapse; width: 100%; margin: .8em 0 1.2em; font-size: .92em; }
caption { font-weight: bold; margin-bottom: .3em; }
th, td { border: 1px solid #999; padding: .3em .5em; vertical-align: top; }
th { background: #eef1f5; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
.item { margin: .6em 0 .9em; }
.item .head { font-weight: bold; text-indent: 0; }
.item ul { margin: .2em 0 0 1.5em; padding: 0; }
figure { margin: 1em 0; text-align: center; }
figure svg { max-width: 100%; height: auto; }
@media print { body { max-width: none; } h2 { page-break-after: avoid; } }
`;

function table(t: Extract<Block, { kind: 'table' }>): SafeHtml {
  const cell = (c: string, i: number) => (t.numeric?.includes(i) ? html`<td class="num">${c}</td>` : html`<td>${c}</td>`);
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
      return html`<figure>${raw(statusChartSvg(d.counts))}<figcaption>图 1 指标状态分布（数据见表 1）</figcaption></figure>`;
  }
}

export function renderHtml(d: ReportData): string {
  const [first, ...rest] = reportBlocks(d);
  const meta = rest[0]?.kind === 'para' ? rest.shift() : undefined;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d.title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header>${block(first, d)}${meta && meta.kind === 'para' ? html`<p class="meta">${meta.text}</p>` : ''}</header>
<main>
${rest.map((b) => html`${block(b, d)}\n`)}
</main>
</body>
</html>
`.toString();
}

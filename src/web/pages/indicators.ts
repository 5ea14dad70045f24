// The indicator list and the indicator page: chart with its table, targets, actuals, alignment.
import type { AlignmentRow } from '../../monitor/alignment.js';
import type { StatusRow } from '../../monitor/evaluate.js';
import type { ActualsTable, IndicatorsTable } from '../../store/schema.js';
import { chartRows, type LineChart } from '../charts.js';
import { html, jsonScript, type SafeHtml } from '../html.js';
import { STATUS_LABEL } from '../i18n.js';
import { LEVEL_LABEL, VINTAGE_LABEL, chartScripts, dataTable, fmtNumber, sourceLink, status } from './common.js';

export interface ListRow {
  id: string;
  name: string;
  unit: string;
  attribute: string | null;
  category: string | null;
  targets: number;
  statuses: string[];
  worst: string | null;
  hasActuals: boolean;
}

export function indicatorList(rows: ListRow[], f: { all: boolean; category?: string; status?: string }): SafeHtml {
  const filters = [f.category && `类别：${f.category}`, f.status && `状态：${STATUS_LABEL[f.status] ?? f.status}`].filter(Boolean).join('，');
  return html`<p>${filters ? html`筛选（${filters}），<a href="/indicators">清除筛选</a>。` : ''}
${f.all ? html`显示全部指标，<a href="/indicators">只看有目标或实际值的指标</a>。` : html`只列出有目标或实际值的指标，<a href="/indicators?all=1">显示全部指标</a>。`}</p>
${dataTable(
  `指标（${rows.length} 项）`,
  ['指标', '单位', '属性', '类别', '目标数', '最差状态'],
  rows.map((r) => [html`<a href="/indicators/${encodeURIComponent(r.id)}">${r.name}</a>`, r.unit, r.attribute ?? '', r.category ?? '', r.targets, r.worst ? status(r.worst) : html`<span class="muted">—</span>`]),
)}`;
}

export interface AlignmentTable {
  year: number;
  rows: Array<AlignmentRow & { href?: string }>;
}

export interface IndicatorView {
  indicator: IndicatorsTable;
  charts: LineChart[];
  statuses: Array<StatusRow & { latestHref?: string }>;
  actuals: ActualsTable[];
  alignments: AlignmentTable[];
  /** How many targets the indicator has, the page shown of how many, or the one region chosen. */
  paging?: { total: number; page: number; pages: number; region?: string };
}

function pager(id: string, p: NonNullable<IndicatorView['paging']>): SafeHtml {
  const href = (n: number) => `/indicators/${encodeURIComponent(id)}?page=${n}`;
  return html`<form method="get" action="/indicators/${encodeURIComponent(id)}" class="filters"><label>地区 <input name="region" value="${p.region ?? ''}" placeholder="地区全称" maxlength="60"></label> <button type="submit">筛选</button>${p.region ? html` <a href="/indicators/${encodeURIComponent(id)}">全部地区</a>` : ''}</form>
${p.pages > 1 ? html`<nav aria-label="分页" class="pager">共 ${p.total} 项目标，第 ${p.page} / ${p.pages} 页（下方的走势图、实际值和各级对照为本页地区） ${p.page > 1 ? html`<a href="${href(p.page - 1)}" rel="prev">上一页</a>` : ''} ${p.page < p.pages ? html`<a href="${href(p.page + 1)}" rel="next">下一页</a>` : ''}</nav>` : ''}`;
}

const link = (href: string | undefined, content: unknown): SafeHtml => (href ? html`<a href="${href}">${content}</a>` : html`${content}`);

function chartBlock(c: LineChart, i: number): SafeHtml {
  const id = `chart-data-${i}`;
  const rows = chartRows(c);
  return html`<figure aria-labelledby="chart-cap-${i}">
<div class="chart" data-chart="${id}" role="img" aria-label="${c.title}走势图，数据见下表" style="height:360px;width:100%"></div>
<figcaption id="chart-cap-${i}">${c.title}（${c.unit}）：基期值、实际值、从基期到目标的直线路径和目标值。</figcaption>
<script type="application/json" id="${id}">${jsonScript(c)}</script>
</figure>
${dataTable(
  `${c.title}（${c.unit}）图表数据（路径值为基期至目标的直线插值）`,
  ['年份', ...c.series.map((s) => s.name)],
  rows.map((r) => [r.year, ...r.cells.map((ps) => ps.map((p, i) => html`${i ? '、' : ''}${link(p.href, fmtNumber(p.y))}`))]),
)}`;
}

export function indicatorPage(v: IndicatorView): SafeHtml {
  const ind = v.indicator;
  return html`<p><a href="/indicators">← 指标列表</a></p>
<dl class="cards">
<div class="card"><dt>单位</dt><dd style="margin:0">${ind.unit || '—'}</dd></div>
<div class="card"><dt>方向</dt><dd style="margin:0">${ind.direction === 'lower' ? '越低越好' : '越高越好'}</dd></div>
<div class="card"><dt>属性</dt><dd style="margin:0">${ind.attribute ?? '—'}</dd></div>
<div class="card"><dt>类别</dt><dd style="margin:0">${ind.category ?? '—'}</dd></div>
</dl>
<h2>走势图</h2>
${v.charts.length ? v.charts.map(chartBlock) : html`<p class="muted">暂无可绘制的目标或实际值。</p>`}
<h2>目标与完成情况</h2>
${v.paging && (v.paging.pages > 1 || v.paging.region) ? pager(ind.id, v.paging) : ''}
${dataTable(
  '目标（按地区、年份）',
  ['地区', '年份', '目标', '基期', '最新实际', '状态', '理由', '来源'],
  v.statuses.map((s) => [
    `${s.region}${s.level ? `（${LEVEL_LABEL[s.level] ?? s.level}）` : ''}`,
    s.year,
    sourceLink(s.source.documentId, s.source.line, s.target),
    s.baseline ? sourceLink(s.source.documentId, s.source.line, s.baseline) : '',
    s.latest ? link(s.latestHref, s.latest) : '',
    status(s.status),
    s.reason,
    sourceLink(s.source.documentId, s.source.line, `${s.source.file}${s.source.line ? ` 第${s.source.line}行` : ''}`),
  ]),
)}
<p class="muted">标 * 的实际值为预计数。</p>
<h2>实际值（含版本）</h2>
${dataTable(
  '实际值',
  ['地区', '年份', '数值', '口径', '版本', '发布日期', '来源'],
  v.actuals.map((a) => [
    a.region,
    a.year,
    sourceLink(a.document_id, a.line, `${fmtNumber(a.value)}${a.measure === 'change' ? '%（增长）' : ind.unit}`),
    a.measure === 'change' ? '增长率' : '水平值',
    VINTAGE_LABEL[a.vintage] ?? a.vintage,
    a.reported ?? '',
    a.document_id ? sourceLink(a.document_id, a.line, `第${a.line ?? ''}行`) : '手工录入',
  ]),
)}
<h2>各级目标对照</h2>
${v.alignments.length
  ? v.alignments.map((al) =>
      dataTable(
        `${al.year}年各级目标`,
        ['地区', '层级', '上级', '目标', '差距', '来源'],
        al.rows.map((r) => [r.region, LEVEL_LABEL[r.level] ?? r.level, r.parent ?? '', r.target ? link(r.href, r.target) : '—', r.gap ? html`<span class="error">${r.gap}</span>` : '', r.source ? link(r.href, r.source) : '']),
      ),
    )
  : html`<p class="muted">暂无目标。</p>`}
${v.charts.length ? chartScripts() : ''}`;
}

// The indicator page (the list is in glance-list.ts): chart with its table, targets, actuals, alignment.
import type { AlignmentRow } from '../../monitor/alignment.js';
import type { StatusRow } from '../../monitor/evaluate.js';
import type { ActualsTable, IndicatorsTable } from '../../store/schema.js';
import { chartRows, type LineChart } from '../charts.js';
import { html, jsonScript, type SafeHtml } from '../html.js';
import { t, type Lang } from '../i18n.js';
import { GLANCE_CSS, hrefIn, paren, srcLink, statusOf, tableIn, tf, zh, reasonOf } from './glance-parts.js';
import { LEVEL_LABEL, VINTAGE_LABEL, chartScripts, fmtNumber } from './common.js';

export { indicatorList, type ListRow } from './glance-list.js';

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
  /** The documents of the sources, named by region, year and title. */
  docNames?: Map<string, string>;
}

function pager(id: string, p: NonNullable<IndicatorView['paging']>, lang: Lang): SafeHtml {
  const base = `/indicators/${encodeURIComponent(id)}`;
  return html`<form method="get" action="${base}" class="filters"><label>${t('地区', lang)} <input name="region" value="${p.region ?? ''}" placeholder="${t('地区全称', lang)}" maxlength="60"></label> <button type="submit">${t('筛选', lang)}</button>${p.region ? html` <a href="${hrefIn(base, lang)}">${t('全部地区', lang)}</a>` : ''}</form>
${p.pages > 1 ? html`<nav aria-label="${t('分页', lang)}" class="pager">${tf('共 {total} 项目标，第 {page} / {pages} 页（下方的走势图、实际值和各级对照为本页地区）', lang, p)} ${p.page > 1 ? html`<a href="${hrefIn(`${base}?page=${p.page - 1}`, lang)}" rel="prev">${t('上一页', lang)}</a>` : ''} ${p.page < p.pages ? html`<a href="${hrefIn(`${base}?page=${p.page + 1}`, lang)}" rel="next">${t('下一页', lang)}</a>` : ''}</nav>` : ''}`;
}

const link = (href: string | undefined, content: unknown, lang: Lang): SafeHtml => (href ? html`<a href="${hrefIn(href, lang)}">${content}</a>` : html`${content}`);

/** A chart (drawn by ECharts from its JSON) and its table, the chart's accessible alternative. */
export function chartBlock(c: LineChart, i: number, lang: Lang = 'zh'): SafeHtml {
  const id = `chart-data-${i}`;
  const rows = chartRows(c);
  const drawn = chartIn(c, lang);
  return html`<figure aria-labelledby="chart-cap-${i}">
<div class="chart" data-chart="${id}" role="img" aria-label="${tf('{title}走势图，数据见下表', lang, { title: c.title })}" style="height:360px;width:100%"></div>
<figcaption id="chart-cap-${i}">${zh(c.title, lang)}${paren(zh(c.unit, lang), lang)}${lang === 'en' ? ': ' : '：'}${t('基期值、实际值、从基期到目标的直线路径和目标值。', lang)}</figcaption>
<script type="application/json" id="${id}">${jsonScript(drawn)}</script>
</figure>
${tableIn(
  lang,
  html`${zh(c.title, lang)}${paren(zh(c.unit, lang), lang)}${t('图表数据（路径值为基期至目标的直线插值）', lang)}`,
  ['年份', ...drawn.series.map((s) => s.name)],
  rows.map((r) => [r.year, ...r.cells.map((ps) => ps.map((p, i) => html`${i ? (lang === 'en' ? ', ' : '、') : ''}${link(p.href, fmtNumber(p.y), lang)}`))]),
)}`;
}

/** The chart with its series named in the page's language (the region and indicator stay as written). */
export function chartIn(c: LineChart, lang: Lang): LineChart {
  if (lang !== 'en') return c;
  // the chart's own text in English: the title (a Chinese name) is in the caption, a Chinese unit too
  return {
    ...c,
    title: '',
    unit: /[\u3400-\u9fff]/.test(c.unit) ? '' : c.unit,
    xName: t('年份', lang),
    series: c.series.map((s) => ({ ...s, name: /^(\d{4})年目标路径$/.test(s.name) ? tf('{year}年目标路径', lang, { year: s.name.slice(0, 4) }) : t(s.name, lang) })),
  };
}

const level = (l: string | null | undefined, lang: Lang) => (l ? t(LEVEL_LABEL[l] ?? l, lang) : '');

export function indicatorPage(v: IndicatorView, lang: Lang = 'zh'): SafeHtml {
  const ind = v.indicator;
  const src = (doc: string | null, line: number | null, content: unknown) => srcLink(doc, line, content, lang);
  const card = (dt: string, dd: unknown) => html`<div class="card"><dt>${t(dt, lang)}</dt><dd style="margin:0">${dd}</dd></div>`;
  return html`${GLANCE_CSS}<p><a href="${hrefIn('/indicators', lang)}">← ${t('指标列表', lang)}</a> · <a href="${hrefIn(`/public/indicators/${encodeURIComponent(ind.id)}`, lang)}">${t('公开页面', lang)}</a></p>
${lang === 'en' ? html`<p class="lead">${zh(ind.name, lang)}</p>` : ''}
<dl class="cards">
${card('单位', ind.unit ? zh(ind.unit, lang) : '—')}
${card('方向', t(ind.direction === 'lower' ? '越低越好' : '越高越好', lang))}
${card('属性', ind.attribute ? t(ind.attribute, lang) : '—')}
${card('类别', ind.category ? t(ind.category, lang) : '—')}
</dl>
<h2>${t('走势图', lang)}</h2>
${v.charts.length ? v.charts.map((c, i) => chartBlock(c, i, lang)) : html`<p class="muted">${t('暂无可绘制的目标或实际值。', lang)}</p>`}
<h2>${t('目标与完成情况', lang)}</h2>
${v.paging && (v.paging.pages > 1 || v.paging.region) ? pager(ind.id, v.paging, lang) : ''}
${tableIn(
  lang,
  t('目标（按地区、年份）', lang),
  ['地区', '年份', '目标', '基期', '最新实际', '状态', '理由', '来源'],
  v.statuses.map((s) => [
    html`${zh(s.region, lang)}${s.level ? paren(level(s.level, lang), lang) : ''}`,
    s.year,
    src(s.source.documentId, s.source.line, zh(s.target, lang)),
    s.baseline ? src(s.source.documentId, s.source.line, zh(s.baseline, lang)) : '',
    s.latest ? link(s.latestHref, zh(s.latest, lang), lang) : '',
    statusOf(s.status, lang),
    reasonOf(s.reason, lang),
    src(s.source.documentId, s.source.line, html`${zh(v.docNames?.get(s.source.documentId ?? '') ?? s.source.file, lang)}${s.source.line ? ` ${tf('第{line}行', lang, { line: s.source.line })}` : ''}`),
  ]),
)}
<p class="muted">${t('标 * 的实际值为预计数。', lang)}</p>
<h2>${t('实际值（含版本）', lang)}</h2>
${tableIn(
  lang,
  t('实际值', lang),
  ['地区', '年份', '数值', '口径', '版本', '发布日期', '来源'],
  v.actuals.map((a) => [
    zh(a.region, lang),
    a.year,
    src(a.document_id, a.line, html`${fmtNumber(a.value)}${a.measure === 'change' ? t('%（增长）', lang) : zh(ind.unit, lang)}`),
    t(a.measure === 'change' ? '增长率' : '水平值', lang),
    t(VINTAGE_LABEL[a.vintage] ?? a.vintage, lang),
    a.reported ?? '',
    a.document_id ? src(a.document_id, a.line, tf('第{line}行', lang, { line: a.line ?? '' })) : t('手工录入', lang),
  ]),
)}
<h2>${t('各级目标对照', lang)}</h2>
${v.alignments.length
  ? v.alignments.map((al) =>
      tableIn(
        lang,
        tf('{year}年各级目标', lang, { year: al.year }),
        ['地区', '层级', '上级', '目标', '差距', '来源'],
        al.rows.map((r) => [zh(r.region, lang), level(r.level, lang), r.parent ? zh(r.parent, lang) : '', r.target ? link(r.href, zh(r.target, lang), lang) : '—', r.gap ? html`<span class="error">${zh(r.gap, lang)}</span>` : '', r.source ? link(r.href, zh(r.source, lang), lang) : '']),
      ),
    )
  : html`<p class="muted">${t('暂无目标。', lang)}</p>`}
${v.charts.length ? chartScripts() : ''}`;
}

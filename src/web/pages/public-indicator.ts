// A public page per indicator, as Open SDG's: metadata, where its targets stand, its charts with their
// data tables, the targets by level (national to county), the actuals, the sources with their quotes
// (each figure linked to the quote it was read from) and downloads of the same data as the open-data
// file of the indicator.
import type { StatusRow } from '../../monitor/evaluate.js';
import type { ActualsTable, IndicatorsTable } from '../../store/schema.js';
import type { LineChart } from '../charts.js';
import { html, raw, type SafeHtml } from '../html.js';
import { t, type Lang } from '../i18n.js';
import { LEVEL_LABEL, VINTAGE_LABEL, chartScripts, fmtNumber } from './common.js';
import { byZh, GLANCE_CSS, hrefIn, legend, statusBar, statusOf, tableIn, tf, zh, type Counts, reasonOf } from './glance-parts.js';
import { chartBlock } from './indicators.js';
import { publicSearch } from './public.js';

export interface PublicQuote {
  documentId: string;
  line: number;
  document: string;
  text: string;
}

export interface PublicIndicatorView {
  lang: Lang;
  indicator: IndicatorsTable;
  counts: Counts;
  charts: LineChart[];
  statuses: StatusRow[];
  actuals: ActualsTable[];
  quotes: PublicQuote[];
  regions: string[];
  region?: string;
  /** Targets not shown (a page holds the first ones; a region can be chosen). */
  more: number;
}

const LEVELS = ['national', 'province', 'prefecture', 'county'];

export function publicIndicatorPage(v: PublicIndicatorView): SafeHtml {
  const { lang, indicator: ind } = v;
  const base = `/public/indicators/${encodeURIComponent(ind.id)}`;
  const qIndex = new Map(v.quotes.map((q, i) => [`${q.documentId}#${q.line}`, i + 1]));
  /** A figure linked to the quote of its source line, with the quote's number. */
  const cite = (doc: string | null, line: number | null, content: unknown) => {
    const i = doc && line ? qIndex.get(`${doc}#${line}`) : undefined;
    return i ? html`<a href="#q${i}">${content}</a><sup>[${i}]</sup>` : html`${content}`;
  };
  const synonyms = (JSON.parse(ind.synonyms || '[]') as string[]).slice(0, 12);
  const card = (dt: string, dd: unknown) => html`<div class="card"><dt>${t(dt, lang)}</dt><dd style="margin:0">${dd}</dd></div>`;
  const byLevel = [...v.statuses].sort((a, b) => LEVELS.indexOf(a.level ?? '') - LEVELS.indexOf(b.level ?? '') || byZh(a.region, b.region) || a.year - b.year);
  return html`${GLANCE_CSS}${lang === 'en' ? html`<p class="lead">${zh(ind.name, lang)}</p>` : ''}
<p><a href="${hrefIn('/public', lang)}">← ${t('公开数据', lang)}</a> · <a href="${hrefIn('/public/indicators', lang)}">${t('全部指标', lang)}</a>${ind.category ? html` · <a href="${hrefIn(`/public/indicators?category=${encodeURIComponent(ind.category)}`, lang)}">${t(ind.category, lang)}</a>` : ''}</p>
${publicSearch(lang)}
<section aria-labelledby="h-meta"><h2 id="h-meta">${t('指标说明', lang)}</h2>
<dl class="cards">
${card('单位', ind.unit ? zh(ind.unit, lang) : '—')}
${card('方向', t(ind.direction === 'lower' ? '越低越好' : '越高越好', lang))}
${card('属性', ind.attribute ? t(ind.attribute, lang) : '—')}
${card('领域', ind.category ? t(ind.category, lang) : '—')}
${card('指标编号', ind.id)}
${card('地区数', v.regions.length)}
</dl>
${synonyms.length ? html`<p>${t('文件中的其他名称', lang)}${lang === 'en' ? ': ' : '：'}${zh(synonyms.join('、'), lang)}</p>` : ''}
${statusBar(v.counts, lang)}${legend(lang)}
<p>${t('下载本指标数据', lang)}${lang === 'en' ? ': ' : '：'}<a href="${base}/data.csv" download>CSV</a> · <a href="${base}/data.json" download>JSON</a> · <a href="/public/opendata/datapackage.json">${t('开放数据集', lang)}</a></p>
</section>
${v.regions.length > 1
  ? html`<form method="get" action="${base}" class="filters"><label>${t('地区', lang)} <select name="region"><option value="">${t('全部地区', lang)}</option>${v.regions.map((r) => html`<option value="${r}"${r === v.region ? raw(' selected') : ''}${lang === 'en' ? raw(' lang="zh-CN"') : ''}>${r}</option>`)}</select></label> <button type="submit">${t('筛选', lang)}</button></form>`
  : ''}
<section aria-labelledby="h-chart"><h2 id="h-chart">${t('走势图', lang)}</h2>
${v.charts.length ? v.charts.map((c, i) => chartBlock(c, i, lang)) : html`<p class="muted">${t('暂无可绘制的目标或实际值。', lang)}</p>`}</section>
<section aria-labelledby="h-targets"><h2 id="h-targets">${t('各级目标与完成情况', lang)}</h2>
${v.more ? html`<p class="muted">${tf('另有 {n} 项目标未列出，请选择地区。', lang, { n: v.more })}</p>` : ''}
${tableIn(
  lang,
  t('目标（按层级、地区、年份）', lang),
  ['地区', '层级', '年份', '目标', '基期', '最新实际值', '状态', '说明'],
  byLevel.map((s) => [zh(s.region, lang), s.level ? t(LEVEL_LABEL[s.level] ?? s.level, lang) : '', s.year, cite(s.source.documentId, s.source.line, zh(s.target, lang)), s.baseline ? zh(s.baseline, lang) : '', s.latest ? cite(s.actualSource?.documentId ?? null, s.actualSource?.line ?? null, zh(s.latest, lang)) : '—', statusOf(s.status, lang), reasonOf(s.reason, lang)]),
  '暂无目标。',
)}
<p class="muted">${t('标 * 的实际值为预计数。', lang)}</p></section>
<section aria-labelledby="h-actuals"><h2 id="h-actuals">${t('实际值', lang)}</h2>
${tableIn(
  lang,
  t('实际值（含版本）', lang),
  ['地区', '年份', '数值', '口径', '版本', '发布日期'],
  v.actuals.map((a) => [zh(a.region, lang), a.year, cite(a.document_id, a.line, html`${fmtNumber(a.value)}${a.measure === 'change' ? t('%（增长）', lang) : zh(ind.unit, lang)}`), t(a.measure === 'change' ? '增长率' : '水平值', lang), t(VINTAGE_LABEL[a.vintage] ?? a.vintage, lang), a.reported ?? '']),
  '暂无实际值。',
)}</section>
<section aria-labelledby="h-sources"><h2 id="h-sources">${t('来源与原文', lang)}</h2>
${v.quotes.length
  ? html`<ol class="quotes">${v.quotes.map((q, i) => html`<li id="q${i + 1}"><blockquote${lang === 'en' ? raw(' lang="zh-CN"') : ''}>${q.text.length > 300 ? `${q.text.slice(0, 300)}…` : q.text}</blockquote><p class="counts">${zh(q.document, lang)} ${tf('第{line}行', lang, { line: q.line })}</p></li>`)}</ol>`
  : html`<p class="muted">${t('暂无来源。', lang)}</p>`}</section>
${v.charts.length ? chartScripts() : ''}`;
}

// Browsing the public site: the indicators (search, area, status, plan; sparkline and statuses of
// each), the plans and reports with targets, and one plan by chapter with its indicators and where
// each target stands. Only published data: indicators, targets, their statuses.
import type { Section } from '../../model/records.js';
import type { StatusRow } from '../../monitor/evaluate.js';
import { html, type SafeHtml } from '../html.js';
import { t, type Lang } from '../i18n.js';
import { STATUSES } from './common.js';
import { GLANCE_CSS, hrefIn, legend, pagerNav, select, sparkline, statusBar, statusLabel, statusOf, statusTiles, tableIn, tf, total, zh, type Counts, type SparkPoint } from './glance-parts.js';
import { publicSearch } from './public.js';

export interface PublicListRow {
  id: string;
  name: string;
  unit: string;
  category: string | null;
  attribute: string | null;
  counts: Counts;
  spark: SparkPoint[];
}

export interface PublicListFilter {
  q?: string;
  category?: string;
  status?: string;
  plan?: string;
  planName?: string;
  sort?: string;
}

/** The orders of the public list (the first is the registry's). */
export const PUBLIC_SORTS: Array<[string, string]> = [
  ['category', '按类别'],
  ['warned', '预警最多'],
  ['targets', '目标最多'],
  ['name', '按名称'],
];

const listHref = (f: PublicListFilter, page?: number) => {
  const qs = new URLSearchParams(Object.entries({ q: f.q, category: f.category, status: f.status, plan: f.plan, sort: f.sort, page: page && page > 1 ? String(page) : undefined }).filter((e): e is [string, string] => !!e[1])).toString();
  return `/public/indicators${qs ? `?${qs}` : ''}`;
};

export function publicIndicatorList(rows: PublicListRow[], f: PublicListFilter, o: { lang: Lang; categories: string[]; total: number; page: number; pages: number; plans: Array<{ id: string; name: string }> }): SafeHtml {
  const { lang } = o;
  return html`${GLANCE_CSS}<p><a href="${hrefIn('/public', lang)}">← ${t('公开数据', lang)}</a></p>
<form method="get" action="/public/indicators" class="searchbar" role="search">
<label>${t('搜索指标或规划', lang)} <input type="search" name="q" value="${f.q ?? ''}" maxlength="40"></label>
${select('category', '领域', o.categories.map((c) => [c, t(c, lang)]), f.category, lang)}
${select('status', '状态', STATUSES.map((s) => [s, statusLabel(s, lang)]), f.status, lang)}
${select('sort', '排序', PUBLIC_SORTS.map(([k, l]) => [k, t(l, lang)]), f.sort, lang)}
${f.plan ? html`<input type="hidden" name="plan" value="${f.plan}">` : ''}
<button type="submit">${t('筛选', lang)}</button></form>
${f.plan ? html`<p>${t('规划', lang)}${lang === 'en' ? ': ' : '：'}${zh(f.planName ?? '', lang)}（<a href="${hrefIn(listHref({ ...f, plan: undefined }), lang)}">${t('全部规划', lang)}</a>）</p>` : ''}
${f.q || f.category || f.status || f.plan ? html`<p><a href="${hrefIn('/public/indicators', lang)}">${t('清除筛选', lang)}</a></p>` : ''}
${o.plans.length ? html`<h2>${t('相关规划', lang)}</h2><ul>${o.plans.map((p) => html`<li><a href="${hrefIn(`/public/plans/${encodeURIComponent(p.id)}`, lang)}">${zh(p.name, lang)}</a></li>`)}</ul>` : ''}
${legend(lang)}
${tableIn(
  lang,
  tf('指标（{n} 项）', lang, { n: o.total }),
  ['指标', '走势（实际值）', '单位', '领域', '目标数', '完成情况'],
  rows.map((r) => [
    html`<a href="${hrefIn(`/public/indicators/${encodeURIComponent(r.id)}`, lang)}">${zh(r.name, lang)}</a>${r.attribute ? html` <span class="counts">${t(r.attribute, lang)}</span>` : ''}`,
    sparkline(r.spark, lang),
    zh(r.unit, lang),
    r.category ? t(r.category, lang) : '',
    total(r.counts),
    total(r.counts) ? statusBar(r.counts, lang) : '—',
  ]),
  '没有符合条件的指标。',
)}
${pagerNav(o.page, o.pages, (n) => listHref(f, n), lang)}`;
}

export function publicPlanList(rows: Array<{ id: string; name: string }>, o: { lang: Lang; total: number; page: number; pages: number; q?: string }): SafeHtml {
  const { lang } = o;
  return html`${GLANCE_CSS}<p><a href="${hrefIn('/public', lang)}">← ${t('公开数据', lang)}</a></p>
<form method="get" action="/public/plans" class="searchbar" role="search"><label>${t('搜索规划', lang)} <input type="search" name="q" value="${o.q ?? ''}" maxlength="40"></label><button type="submit">${t('搜索', lang)}</button></form>
<p>${tf('共 {n} 份规划和报告有指标目标。', lang, { n: o.total })}</p>
<ul>${rows.map((p) => html`<li><a href="${hrefIn(`/public/plans/${encodeURIComponent(p.id)}`, lang)}">${zh(p.name, lang)}</a></li>`)}</ul>
${pagerNav(o.page, o.pages, (n) => `/public/plans?page=${n}${o.q ? `&q=${encodeURIComponent(o.q)}` : ''}`, lang)}`;
}

export interface PublicPlanView {
  lang: Lang;
  id: string;
  name: string;
  sections: Section[];
  targets: StatusRow[];
}

const countsOf = (rows: StatusRow[]): Counts => rows.reduce<Counts>((c, r) => ((c[r.status] = (c[r.status] ?? 0) + 1), c), {});

/** A plan by chapter: each top-level section with the targets stated in it (its sub-sections included). */
export function publicPlanPage(v: PublicPlanView): SafeHtml {
  const { lang } = v;
  const chapters = v.sections.map((s) => ({ s, rows: v.targets.filter((x) => x.source.line !== null && x.source.line >= s.lines[0] && x.source.line <= s.lines[1]) }));
  const outside = v.targets.filter((x) => !chapters.some((c) => c.rows.includes(x)));
  const block = (title: SafeHtml, rows: StatusRow[], i: number) => html`<section aria-labelledby="ch${i}" class="chapter"><h2 id="ch${i}">${title}</h2>
${statusBar(countsOf(rows), lang)}
${tableIn(
  lang,
  tf('{n} 项目标', lang, { n: rows.length }),
  ['指标', '地区', '年份', '目标', '最新实际值', '状态'],
  rows.map((r) => [html`<a href="${hrefIn(`/public/indicators/${encodeURIComponent(r.indicatorId)}`, lang)}">${zh(r.indicator, lang)}</a>`, zh(r.region, lang), r.year, zh(r.target, lang), r.latest ? zh(r.latest, lang) : '—', statusOf(r.status, lang)]),
)}</section>`;
  const plan = encodeURIComponent(v.id);
  return html`${GLANCE_CSS}${lang === 'en' ? html`<p class="lead">${zh(v.name, lang)}</p>` : ''}
<p><a href="${hrefIn('/public', lang)}">← ${t('公开数据', lang)}</a> · <a href="${hrefIn(`/public/indicators?plan=${plan}`, lang)}">${t('本规划的指标', lang)}</a></p>
${publicSearch(lang)}
${statusTiles(countsOf(v.targets), lang, (s) => `/public/indicators?plan=${plan}&status=${s}`)}
${legend(lang)}
<nav aria-label="${t('章节', lang)}"><ul>${chapters.filter((c) => c.rows.length).map((c) => html`<li><a href="#ch${v.sections.indexOf(c.s)}">${zh(`${c.s.ordinal ? `${c.s.ordinal} ` : ''}${c.s.title}`, lang)}</a> <span class="counts">${tf('{n} 项目标', lang, { n: c.rows.length })}</span></li>`)}</ul></nav>
${chapters.map((c, i) => (c.rows.length ? block(zh(`${c.s.ordinal ? `${c.s.ordinal} ` : ''}${c.s.title}`, lang), c.rows, i) : ''))}
${outside.length ? block(html`${t('未归入章节的目标', lang)}`, outside, chapters.length) : ''}`;
}

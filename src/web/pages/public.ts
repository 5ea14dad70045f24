// The public site's front page (no login), as Open SDG's: search, the statuses of all targets as
// tiles, browsing by area (indicator category) and by plan, downloads, and every published target in
// one paged table; /public/data.csv and .json have the same rows. Nothing internal is shown.
import { html, raw, type SafeHtml } from '../html.js';
import { t, type Lang } from '../i18n.js';
import { LEVEL_LABEL } from './common.js';
import { GLANCE_CSS, hrefIn, pagerNav, paren, statusBar, statusOf, statusTiles, tableIn, tf, total, zh, type Counts, reasonOf } from './glance-parts.js';

/** One published row: what the public may see of a target and where it stands. */
export interface PublicRow {
  indicator_id: string;
  indicator: string;
  unit: string;
  attribute: string | null;
  region: string;
  level: string | null;
  year: number;
  target: string;
  latest_actual: string | null;
  status: string;
  status_label: string;
  reason: string;
}

export const PUBLIC_COLUMNS: Array<keyof PublicRow> = ['indicator_id', 'indicator', 'unit', 'attribute', 'region', 'level', 'year', 'target', 'latest_actual', 'status', 'status_label', 'reason'];

const cell = (v: unknown): string => {
  let s = v === null || v === undefined ? '' : String(v);
  // a cell a spreadsheet would read as a formula is quoted as text
  if (/^[=+@\t\r]/.test(s) || /^-[^\d.]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with a byte-order mark (so spreadsheet programs read the Chinese as UTF-8). */
export function publicCsv(rows: PublicRow[]): string {
  return '\ufeff' + [PUBLIC_COLUMNS.join(','), ...rows.map((r) => PUBLIC_COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** Which page of how many, of one region or all. */
export interface PublicPaging {
  total: number;
  page: number;
  pages: number;
  region?: string;
  regions: string[];
}

export interface PublicHome {
  lang: Lang;
  /** Status counts of all targets. */
  all: Counts;
  /** Per indicator category: how many indicators and the counts of their targets. */
  areas: Array<{ category: string; indicators: number; counts: Counts }>;
  plans: Array<{ id: string; name: string }>;
  plansTotal: number;
}

/** Downloads: the rows of this page's table and the open-data set. */
export function downloads(lang: Lang): SafeHtml {
  return html`<p>${t('下载', lang)}${lang === 'en' ? ': ' : '：'}<a href="/public/data.csv" download>${t('CSV 表格', lang)}</a> · <a href="/public/data.json" download>${t('JSON 数据', lang)}</a> ·
${t('开放数据集', lang)}${paren(html`<a href="/public/opendata/datapackage.json">datapackage.json</a>${lang === 'en' ? ': ' : '：'}${[
    ['indicators', '指标'],
    ['targets', '目标'],
    ['actuals', '实际值'],
    ['statuses', '完成情况'],
  ].map(([f, label], i) => html`${i ? (lang === 'en' ? ', ' : '、') : ''}<a href="/public/opendata/${f}.csv">${t(label, lang)}</a>`)}`, lang)}</p>`;
}

/** The search box of the public site (indicators and plans). */
export function publicSearch(lang: Lang, q = ''): SafeHtml {
  return html`<form method="get" action="/public/indicators" class="searchbar" role="search"><label>${t('搜索指标或规划', lang)} <input type="search" name="q" value="${q}" maxlength="40" placeholder="${t('如 地区生产总值、森林覆盖率', lang)}"></label><button type="submit">${t('搜索', lang)}</button></form>`;
}

function pager(p: PublicPaging, lang: Lang): SafeHtml {
  const link = (n: number) => `/public?page=${n}${p.region ? `&region=${encodeURIComponent(p.region)}` : ''}`;
  // a list to choose from while it is short; a name to type for a country's counties
  const choose =
    p.regions.length <= 200
      ? html`<select name="region"><option value="">${t('全部地区', lang)}</option>${p.regions.map((r) => html`<option value="${r}"${r === p.region ? raw(' selected') : ''}${lang === 'en' ? raw(' lang="zh-CN"') : ''}>${r}</option>`)}</select>`
      : html`<input name="region" value="${p.region ?? ''}" placeholder="${t('地区全称，如 格尔木市', lang)}" maxlength="40">`;
  return html`<form method="get" action="/public#h-all" class="filters"><label>${t('地区', lang)} ${choose}</label> <button type="submit">${t('筛选', lang)}</button></form>
${pagerNav(p.page, p.pages, link, lang)}`;
}

export function publicPage(rows: PublicRow[], paging: PublicPaging = { total: rows.length, page: 1, pages: 1, regions: [] }, home?: PublicHome): SafeHtml {
  const lang = home?.lang ?? 'zh';
  const level = (l: string | null) => (l ? paren(t(LEVEL_LABEL[l] ?? l, lang), lang) : '');
  return html`${GLANCE_CSS}<p>${t('本页公开各地区规划指标的目标、最新实际值和完成状态，无需登录。标 * 的实际值为预计数。', lang)}</p>
${publicSearch(lang)}
${home
  ? html`<section aria-labelledby="h-status"><h2 id="h-status">${t('状态概况', lang)}</h2>
${statusTiles(home.all, lang, (s) => `/public/indicators?status=${s}`)}</section>
<section aria-labelledby="h-areas"><h2 id="h-areas">${t('按领域浏览', lang)}</h2>
<div class="tiles">${home.areas.map((a) => html`<div class="tile"><a href="${hrefIn(`/public/indicators?category=${encodeURIComponent(a.category)}`, lang)}"><strong>${a.category ? t(a.category, lang) : t('未分类', lang)}</strong>${tf('{n} 项指标，{targets} 项目标', lang, { n: a.indicators, targets: total(a.counts) })}</a>${statusBar(a.counts, lang, false)}</div>`)}</div>
<p><a href="${hrefIn('/public/indicators', lang)}">${t('全部指标', lang)}</a></p></section>
<section aria-labelledby="h-plans"><h2 id="h-plans">${t('按规划浏览', lang)}</h2>
<ul>${home.plans.map((p) => html`<li><a href="${hrefIn(`/public/plans/${encodeURIComponent(p.id)}`, lang)}">${zh(p.name, lang)}</a></li>`)}</ul>
${home.plansTotal > home.plans.length ? html`<p><a href="${hrefIn('/public/plans', lang)}">${tf('全部 {n} 份规划和报告', lang, { n: home.plansTotal })}</a></p>` : ''}</section>`
  : ''}
<section aria-labelledby="h-all"><h2 id="h-all">${t('全部目标', lang)}</h2>
${downloads(lang)}
${pager(paging, lang)}
${tableIn(
  lang,
  tf(paging.pages > 1 ? '公开指标（{total} 项，本页 {n} 项）' : '公开指标（{total} 项）', lang, { total: paging.total, n: rows.length }),
  ['地区', '指标', '年份', '目标', '最新实际值', '状态', '说明'],
  rows.map((r) => [
    html`${zh(r.region, lang)}${level(r.level)}`,
    html`<a href="${hrefIn(`/public/indicators/${encodeURIComponent(r.indicator_id)}`, lang)}">${zh(r.indicator, lang)}</a>${r.unit ? paren(zh(r.unit, lang), lang) : ''}${r.attribute ? ` ${t(r.attribute, lang)}` : ''}`,
    r.year,
    zh(r.target, lang),
    r.latest_actual ? zh(r.latest_actual, lang) : '—',
    statusOf(r.status, lang),
    reasonOf(r.reason, lang),
  ]),
  '暂无公开数据',
)}</section>`;
}

// The indicator list of the logged-in application: search, filters (category, status, attribute,
// plan), sorting, paging, and per indicator a sparkline of its actuals and a bar of its statuses.
import { html, raw, type SafeHtml } from '../html.js';
import { t, type Lang } from '../i18n.js';
import { STATUSES } from './common.js';
import { GLANCE_CSS, hrefIn, paren, stop, legend, pagerNav, select, sparkline, statusBar, statusLabel, statusOf, tableIn, tf, total, zh, type Counts, type SparkPoint } from './glance-parts.js';

export interface ListRow {
  id: string;
  name: string;
  unit: string;
  attribute: string | null;
  category: string | null;
  counts: Counts;
  worst: string | null;
  spark: SparkPoint[];
  /** The region the sparkline is of. */
  sparkRegion: string | null;
}

export interface ListFilter {
  q?: string;
  category?: string;
  status?: string;
  attribute?: string;
  plan?: string;
  planName?: string;
  sort: string;
  all: boolean;
}

export const SORTS: Array<[string, string]> = [
  ['category', '按类别'],
  ['warned', '预警最多'],
  ['worst', '最差状态'],
  ['targets', '目标最多'],
  ['name', '按名称'],
];

/** The query of the list with some parameters changed (empty ones dropped). */
export function listHref(f: ListFilter, change: Record<string, string | undefined> = {}): string {
  const all: Record<string, string | undefined> = { q: f.q, category: f.category, status: f.status, attribute: f.attribute, plan: f.plan, sort: f.sort === 'category' ? undefined : f.sort, all: f.all ? '1' : undefined, ...change };
  const qs = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => !!e[1])).toString();
  return `/indicators${qs ? `?${qs}` : ''}`;
}

export function indicatorList(rows: ListRow[], f: ListFilter, o: { lang: Lang; categories: string[]; total: number; page: number; pages: number }): SafeHtml {
  const { lang } = o;
  const hidden = (name: string, v: string | undefined) => (v ? html`<input type="hidden" name="${name}" value="${v}">` : '');
  return html`${GLANCE_CSS}<form method="get" action="/indicators" class="searchbar" role="search">
<label>${t('搜索指标', lang)} <input type="search" name="q" value="${f.q ?? ''}" maxlength="40" placeholder="${t('名称或别名', lang)}"></label>
${select('category', '类别', o.categories.map((c) => [c, t(c, lang)]), f.category, lang)}
${select('status', '状态', STATUSES.map((s) => [s, statusLabel(s, lang)]), f.status, lang)}
${select('attribute', '属性', [['约束性', t('约束性', lang)], ['预期性', t('预期性', lang)]], f.attribute, lang)}
${select('sort', '排序', SORTS.map(([k, l]) => [k, t(l, lang)]), f.sort, lang)}
${hidden('plan', f.plan)}${hidden('all', f.all ? '1' : undefined)}
<button type="submit">${t('筛选', lang)}</button></form>
<p>${f.plan ? html`${t('规划', lang)}${lang === 'en' ? ': ' : '：'}${zh(f.planName ?? f.plan, lang)}（<a href="${hrefIn(listHref(f, { plan: undefined }), lang)}">${t('全部规划', lang)}</a>）。` : ''}
${f.q || f.category || f.status || f.attribute || f.plan ? html`<a href="${hrefIn('/indicators', lang)}">${t('清除筛选', lang)}</a>${stop(lang)}` : ''}
${f.all ? html`${t('显示全部指标，', lang)}<a href="${hrefIn(listHref(f, { all: undefined }), lang)}">${t('只看有目标或实际值的指标', lang)}</a>${stop(lang)}` : html`${t('只列出有目标或实际值的指标，', lang)}<a href="${hrefIn(listHref(f, { all: '1' }), lang)}">${t('显示全部指标', lang)}</a>${stop(lang)}`}</p>
${legend(lang)}
${rows.length
  ? tableIn(
      lang,
      tf('指标（{n} 项）', lang, { n: o.total }),
      ['指标', '走势（实际值）', '单位', '属性', '类别', '目标数', '进展', '最差状态'],
      rows.map((r) => [
        html`<a href="${hrefIn(`/indicators/${encodeURIComponent(r.id)}`, lang)}">${zh(r.name, lang)}</a>`,
        html`${sparkline(r.spark, lang)}${r.sparkRegion && r.spark.length > 1 ? html` <span class="counts">${zh(r.sparkRegion, lang)}</span>` : ''}`,
        zh(r.unit, lang),
        r.attribute ? t(r.attribute, lang) : '',
        r.category ? t(r.category, lang) : '',
        total(r.counts),
        total(r.counts) ? statusBar(r.counts, lang, false) : raw('<span class="muted">—</span>'),
        r.worst ? statusOf(r.worst, lang) : html`<span class="muted">—</span>`,
      ]),
    )
  : html`<p class="muted">${t('没有符合条件的指标。', lang)}</p>`}
${pagerNav(o.page, o.pages, (n) => listHref(f, { page: String(n) }), lang)}`;
}

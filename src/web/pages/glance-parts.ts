// Pieces of the "at a glance" pages (overview, plans, indicators, public site): status tiles that link
// to the filtered list, stacked progress bars drawn in HTML/CSS with their counts as text, inline SVG
// sparklines, documents named by region, year and title, links that keep the page's language, and the
// few style rules these need (the CSP allows inline styles).
import { html, raw, type SafeHtml } from '../html.js';
import { STATUS_LABEL, t, zhPart, type Lang } from '../i18n.js';
import { statusBadge } from '../layout.js';
import { STATUSES } from './common.js';

export type Counts = Record<string, number>;

/** Chinese order (by pinyin), one collator for all: localeCompare(x, 'zh') builds one per call and made long sorts slow. */
export const byZh = new Intl.Collator('zh').compare;

export const GLANCE_CSS = raw(`<style>
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px;margin:8px 0 16px}
.tile{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;padding:6px 10px;background:#fff}
.tile a{text-decoration:none;display:block}.tile strong{font-size:1.7rem;display:block;line-height:1.2}
.tile.t-achieved,.tile.t-on_track{border-left-color:#2e7d32;background:#f1f8f1}.tile.t-at_risk{border-left-color:#c77700;background:#fff8e8}
.tile.t-off_track,.tile.t-missed{border-left-color:#c62828;background:#fdf0f1}.tile.t-task{border-left-color:var(--accent);background:var(--soft)}
.tile.t-achieved a,.tile.t-on_track a{color:var(--ok)}.tile.t-at_risk a{color:var(--warn)}.tile.t-off_track a,.tile.t-missed a{color:var(--bad)}.tile.t-no_data a,.tile.t-not_assessable a{color:var(--fg)}
.bar{display:flex;height:14px;min-width:80px;border-radius:3px;overflow:hidden;background:#ececec;margin:3px 0}
.bar span{display:block;height:100%}.seg-achieved{background:#2e7d32}.seg-on_track{background:#66bb6a}.seg-at_risk{background:#f0a202}
.seg-off_track{background:#e53935}.seg-missed{background:#8e0000}.seg-no_data{background:#bdbdbd}.seg-not_assessable{background:#8d8d8d}
.legend{display:flex;flex-wrap:wrap;gap:2px 12px;font-size:.85rem;margin:0;padding:0;list-style:none}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
.progress-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,380px),1fr));gap:8px 24px}
.spark{vertical-align:middle}.counts{font-size:.85rem;color:var(--muted)}
.box{overflow-x:auto;max-width:100%}.box table{margin-top:0}
.chapter{border-top:1px solid var(--line);padding-top:4px}
.searchbar{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin:8px 0}.searchbar label{margin:0;display:flex;flex-direction:column}.searchbar input[type=search]{min-width:min(100%,16em)}
@media (max-width:640px){.tiles{grid-template-columns:repeat(2,1fr)}.tile strong{font-size:1.3rem}
table.glance-t{display:block;border:0;overflow:visible}.glance-t caption{display:block}.glance-t thead{display:none}.glance-t tbody,.glance-t tr{display:block}
.glance-t tr{border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:4px 8px}.glance-t th,.glance-t td{display:block;border:0;padding:2px 0}
.glance-t th[scope=row]{background:none}.glance-t td:empty{display:none}.glance-t td[data-label]::before{content:attr(data-label);color:var(--muted);font-size:.85rem}}
</style>`);

/** An href in the page's language: on an English page every link carries lang=en (pages can be shared). */
export function hrefIn(href: string, lang: Lang): string {
  if (lang !== 'en') return href;
  const hash = href.indexOf('#');
  const [path, frag] = hash < 0 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  return `${path}${path.includes('?') ? '&' : '?'}lang=en${frag}`;
}

/** A sentence of the interface with {placeholders}: the English sentence is data like every word. */
export function tf(zh: string, lang: Lang, values: Record<string, string | number>): string {
  return t(zh, lang).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

export const statusLabel = (s: string, lang: Lang): string => t(STATUS_LABEL[s] ?? s, lang);
export const statusOf = (s: string, lang: Lang): SafeHtml => statusBadge(s, statusLabel(s, lang));

export interface DocName {
  title: string;
  region: string | null;
  date: string | null;
}

/** A document as readers name it: region, year and title (格尔木市 2025年 政府工作报告), never its file. */
export function docName(d: DocName): string {
  const year = d.date?.slice(0, 4);
  return [d.region && !d.title.includes(d.region) ? d.region : '', year && !d.title.includes(`${year}年`) ? `${year}年` : '', d.title].filter(Boolean).join(' ');
}

export const total = (c: Counts | undefined): number => Object.values(c ?? {}).reduce((a, b) => a + b, 0);
export const warned = (c: Counts): number => (c.missed ?? 0) + (c.off_track ?? 0) + (c.at_risk ?? 0);

/** The counts as words, worst first: 未完成 2，进度正常 4. */
export function countsText(c: Counts, lang: Lang): string {
  return STATUSES.filter((s) => c[s]).map((s) => `${statusLabel(s, lang)} ${c[s]}`).join(lang === 'en' ? ', ' : '，');
}

/** A stacked bar of the statuses (an image whose name is the counts), with the counts written beside it. */
export function statusBar(c: Counts, lang: Lang, withText = true): SafeHtml {
  const n = total(c);
  const words = countsText(c, lang) || t('暂无目标', lang);
  return html`<div class="bar" role="img" aria-label="${words}">${n ? STATUSES.filter((s) => c[s]).map((s) => html`<span class="seg-${s}" style="width:${((c[s] / n) * 100).toFixed(2)}%"></span>`) : ''}</div>${withText ? html`<span class="counts">${words}</span>` : ''}`;
}

/** What the colours of the bars mean. */
export function legend(lang: Lang): SafeHtml {
  return html`<ul class="legend" aria-label="${t('图例', lang)}">${STATUSES.map((s) => html`<li><i class="seg-${s}"></i>${statusLabel(s, lang)}</li>`)}</ul>`;
}

const TILE: Record<string, string> = {
  missed: '项目标未完成',
  off_track: '项目标进度滞后',
  at_risk: '项目标存在风险',
  no_data: '项目标暂无数据',
  not_assessable: '项目标无法评估',
  on_track: '项目标进度正常',
  achieved: '项目标已完成',
};

/** One coloured tile per status with its count, linked to the list of that status. */
export function statusTiles(c: Counts, lang: Lang, href: (status: string) => string, extra: SafeHtml | string = ''): SafeHtml {
  return html`<div class="tiles">${STATUSES.map((s) => html`<div class="tile t-${s}"><a href="${hrefIn(href(s), lang)}"><strong>${c[s] ?? 0}</strong>${t(TILE[s], lang)}</a></div>`)}${extra}</div>`;
}

/** A plain tile (tasks overdue, …). */
export const tile = (n: number, label: string, href: string, lang: Lang): SafeHtml => html`<div class="tile t-task"><a href="${hrefIn(href, lang)}"><strong>${n}</strong>${t(label, lang)}</a></div>`;

export interface SparkPoint {
  year: number;
  value: number;
}

/** An inline SVG line of the values by year, named by its first and last values (the table has them all). */
export function sparkline(points: SparkPoint[], lang: Lang, w = 96, h = 24): SafeHtml {
  if (points.length < 2) return points.length ? html`<span class="counts">${points[0].value}${paren(points[0].year, lang)}</span>` : html`<span class="muted">—</span>`;
  const xs = points.map((p) => p.year);
  const ys = points.map((p) => p.value);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const px = (x: number) => (x1 === x0 ? w / 2 : 2 + ((x - x0) / (x1 - x0)) * (w - 4));
  const py = (y: number) => (y1 === y0 ? h / 2 : h - 2 - ((y - y0) / (y1 - y0)) * (h - 4));
  const path = points.map((p) => `${px(p.year).toFixed(1)},${py(p.value).toFixed(1)}`).join(' ');
  const [first, last] = [points[0], points[points.length - 1]];
  const label = tf('{y0}年 {v0} → {y1}年 {v1}', lang, { y0: first.year, v0: first.value, y1: last.year, v1: last.value });
  return html`<svg class="spark" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${label}"><polyline fill="none" stroke="#0b5cad" stroke-width="2" points="${path}"/><circle cx="${px(last.year).toFixed(1)}" cy="${py(last.value).toFixed(1)}" r="2.5" fill="#0b5cad"/></svg>`;
}

/** The full stop of a sentence in the page's language. */
export const stop = (lang: Lang): string => (lang === 'en' ? '.' : '。');

/** Words in brackets: full-width in Chinese, ASCII in English. */
export const paren = (x: unknown, lang: Lang): SafeHtml => (lang === 'en' ? html` (${x})` : html`（${x}）`);

/** The status engine's reason (Chinese, marked as such on an English page): the one place to render reasons, for an English rendering of them to replace. */
export const reasonOf = (text: string, lang: Lang): SafeHtml => zhPart(text, lang);

/** Chinese content on an English page (names, titles, quotes) marked as such. */
export const zh = (text: unknown, lang: Lang): SafeHtml => zhPart(text, lang);

/** A select of options (value, label), the chosen one selected. */
export function select(name: string, label: string, options: Array<[string, string]>, chosen: string | undefined, lang: Lang): SafeHtml {
  return html`<label>${t(label, lang)} <select name="${name}"><option value="">${t('全部', lang)}</option>${options.map(([v, l]) => html`<option value="${v}"${v === chosen ? raw(' selected') : ''}>${l}</option>`)}</select></label>`;
}

/** Pager links (previous, next) of a list whose href is built for a page number. */
export function pagerNav(at: number, pages: number, href: (n: number) => string, lang: Lang): SafeHtml {
  if (pages <= 1) return html``;
  return html`<nav aria-label="${t('分页', lang)}" class="pager">${tf('第 {page} / {pages} 页', lang, { page: at, pages })} ${at > 1 ? html`<a href="${hrefIn(href(at - 1), lang)}" rel="prev">${t('上一页', lang)}</a>` : ''} ${at < pages ? html`<a href="${hrefIn(href(at + 1), lang)}" rel="next">${t('下一页', lang)}</a>` : ''}</nav>`;
}

/** Content linked to its source line (in the page's language), plain when entered by hand. */
export function srcLink(documentId: string | null | undefined, line: number | null | undefined, content: unknown, lang: Lang): SafeHtml {
  if (!documentId) return html`${content}`;
  return html`<a href="${hrefIn(`/documents/${encodeURIComponent(documentId)}${line ? `#L${line}` : ''}`, lang)}">${content}</a>`;
}

/** A data table in its own scrolling box: caption (already in the page's language), headers translated, the first cell of each row its header. */
export function tableIn(lang: Lang, caption: string | SafeHtml, head: string[], rows: unknown[][], empty = '暂无记录'): SafeHtml {
  if (!rows.length) return html`<p class="muted">${caption}${lang === 'en' ? ': ' : '：'}${t(empty, lang)}</p>`;
  const labels = head.map((h) => `${t(h, lang)}${lang === 'en' ? ': ' : '：'}`);
  return html`<div class="box"><table class="glance-t"><caption>${caption}</caption>
<thead><tr>${head.map((h) => html`<th scope="col">${t(h, lang)}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td data-label="${labels[i]}">${c}</td>`))}</tr>\n`)}</tbody></table></div>`;
}

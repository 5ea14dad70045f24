// The search page: the form and the hits grouped by kind, terms highlighted, each linked to its line;
// the lines of the documents a page at a time with their count and links to the other pages.
import type { SearchHit, SearchKind, SearchResults } from '../../server/search.js';
import { SEARCH_KINDS } from '../../server/search.js';
import { html, type SafeHtml } from '../html.js';
import { t, tf, zhPart, type Lang } from '../i18n.js';
import { highlight, sourceHref } from './common.js';

/** The longest query taken (characters). */
export const QUERY_MAX = 100;

const KIND_LABEL: Record<SearchKind, string> = { documents: '文件标题', lines: '原文', facts: '数据', tasks: '任务', projects: '项目' };

function hit(kind: SearchKind, h: SearchHit, terms: string[], lang: Lang): SafeHtml {
  const where = html`<span class="muted">${tf('{document} 第{line}行', lang, { document: zhPart(h.document, lang), line: h.line })}</span>`;
  const label = h.label && kind !== 'tasks' ? html`<strong>${highlight(h.label, terms)}</strong>：` : '';
  // what was found is the documents' own Chinese text
  return html`<li><a href="${sourceHref(h.documentId, h.line)}"${lang === 'en' ? html` lang="zh-CN"` : ''}>${label}${highlight(h.text, terms)}</a> ${kind === 'documents' ? '' : where}</li>\n`;
}

const count = (r: SearchResults, k: SearchKind) => (k === 'lines' ? r.total : r.groups[k].length);

function pager(q: string, r: SearchResults, lang: Lang): SafeHtml {
  const href = (n: number) => `/search?q=${encodeURIComponent(q)}&page=${n}`;
  return html`<nav aria-label="${t('分页', lang)}" class="pager">${tf('第 {page} / {pages} 页', lang, { page: r.page, pages: r.pages })} ${r.page > 1 ? html`<a href="${href(r.page - 1)}" rel="prev">${t('上一页', lang)}</a>` : ''} ${r.page < r.pages ? html`<a href="${href(r.page + 1)}" rel="next">${t('下一页', lang)}</a>` : ''}</nav>`;
}

function section(q: string, r: SearchResults, k: SearchKind, limit: number, lang: Lang): SafeHtml {
  const first = (r.page - 1) * limit;
  const paged = k === 'lines' && r.pages > 1;
  return html`<section aria-labelledby="h-${k}"><h2 id="h-${k}">${t(KIND_LABEL[k], lang)}${lang === 'en' ? ' (' : '（'}${count(r, k)}${k === 'lines' && r.more ? '+' : ''}${lang === 'en' ? ')' : '）'}</h2>
${paged ? pager(q, r, lang) : ''}<ol${first ? html` start="${first + 1}"` : ''}>${r.groups[k].map((h) => hit(k, h, r.terms, lang))}</ol>${paged ? pager(q, r, lang) : ''}</section>`;
}

export function searchPage(q: string, r: SearchResults | undefined, limit: number, lang: Lang = 'zh'): SafeHtml {
  const total = r ? SEARCH_KINDS.reduce((n, k) => n + (r.page === 1 || k === 'lines' ? count(r, k) : 0), 0) : 0;
  return html`<form method="get" action="/search" role="search">
<label for="q">${t('关键词（可用空格分隔多个词）', lang)}</label>
<input id="q" name="q" type="search" value="${q}" maxlength="${QUERY_MAX}"> <button type="submit">${t('搜索', lang)}</button>
</form>
${!r ? '' : !r.terms.length ? html`<p>${t('请输入关键词。', lang)}</p>` : html`<p role="status">${tf(total ? '“{terms}”：共 {total} 条结果（原文每页 {limit} 条，按文件和行序；其他各类最多 {limit} 条，列在第 1 页）。' : '“{terms}”：共 {total} 条结果，请换一个词试试（原文每页 {limit} 条，按文件和行序；其他各类最多 {limit} 条，列在第 1 页）。', lang, { terms: zhPart(r.terms.join(' '), lang), total: `${total}${r.more ? '+' : ''}`, limit })}</p>
${SEARCH_KINDS.filter((k) => r.groups[k].length || (k === 'lines' && r.total)).map((k) => section(q, r, k, limit, lang))}`}`;
}

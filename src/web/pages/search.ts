// The search page: the form and the hits grouped by kind, terms highlighted, each linked to its line;
// the lines of the documents a page at a time with their count and links to the other pages.
import type { SearchHit, SearchKind, SearchResults } from '../../server/search.js';
import { SEARCH_KINDS } from '../../server/search.js';
import { html, type SafeHtml } from '../html.js';
import { highlight, sourceHref } from './common.js';

/** The longest query taken (characters). */
export const QUERY_MAX = 100;

const KIND_LABEL: Record<SearchKind, string> = { documents: '文件标题', lines: '原文', facts: '数据', tasks: '任务', projects: '项目' };

function hit(kind: SearchKind, h: SearchHit, terms: string[]): SafeHtml {
  const where = html`<span class="muted">${h.document} 第${h.line}行</span>`;
  const label = h.label && kind !== 'tasks' ? html`<strong>${highlight(h.label, terms)}</strong>：` : '';
  return html`<li><a href="${sourceHref(h.documentId, h.line)}">${label}${highlight(h.text, terms)}</a> ${kind === 'documents' ? '' : where}</li>\n`;
}

const count = (r: SearchResults, k: SearchKind) => (k === 'lines' ? r.total : r.groups[k].length);

function pager(q: string, r: SearchResults): SafeHtml {
  const href = (n: number) => `/search?q=${encodeURIComponent(q)}&page=${n}`;
  return html`<nav aria-label="分页" class="pager">第 ${r.page} / ${r.pages} 页 ${r.page > 1 ? html`<a href="${href(r.page - 1)}" rel="prev">上一页</a>` : ''} ${r.page < r.pages ? html`<a href="${href(r.page + 1)}" rel="next">下一页</a>` : ''}</nav>`;
}

function section(q: string, r: SearchResults, k: SearchKind, limit: number): SafeHtml {
  const first = (r.page - 1) * limit;
  const paged = k === 'lines' && r.pages > 1;
  return html`<section aria-labelledby="h-${k}"><h2 id="h-${k}">${KIND_LABEL[k]}（${count(r, k)}${k === 'lines' && r.more ? '+' : ''}）</h2>
${paged ? pager(q, r) : ''}<ol${first ? html` start="${first + 1}"` : ''}>${r.groups[k].map((h) => hit(k, h, r.terms))}</ol>${paged ? pager(q, r) : ''}</section>`;
}

export function searchPage(q: string, r: SearchResults | undefined, limit: number): SafeHtml {
  const total = r ? SEARCH_KINDS.reduce((n, k) => n + (r.page === 1 || k === 'lines' ? count(r, k) : 0), 0) : 0;
  return html`<form method="get" action="/search" role="search">
<label for="q">关键词（可用空格分隔多个词）</label>
<input id="q" name="q" type="search" value="${q}" maxlength="${QUERY_MAX}"> <button type="submit">搜索</button>
</form>
${!r ? '' : !r.terms.length ? html`<p>请输入关键词。</p>` : html`<p role="status">“${r.terms.join(' ')}”：共 ${total}${r.more ? '+' : ''} 条结果${total ? '' : '，请换一个词试试'}（原文每页 ${limit} 条，按文件和行序；其他各类最多 ${limit} 条，列在第 1 页）。</p>
${SEARCH_KINDS.filter((k) => r.groups[k].length || (k === 'lines' && r.total)).map((k) => section(q, r, k, limit))}`}`;
}

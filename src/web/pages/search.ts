// The search page: the form and the hits grouped by kind, terms highlighted, each linked to its line.
import type { SearchHit, SearchKind, SearchResults } from '../../server/search.js';
import { SEARCH_KINDS } from '../../server/search.js';
import { html, type SafeHtml } from '../html.js';
import { highlight, sourceHref } from './common.js';

const KIND_LABEL: Record<SearchKind, string> = { documents: '文件标题', lines: '原文', facts: '数据', tasks: '任务', projects: '项目' };

function hit(kind: SearchKind, h: SearchHit, terms: string[]): SafeHtml {
  const where = html`<span class="muted">${h.document} 第${h.line}行</span>`;
  const label = h.label && kind !== 'tasks' ? html`<strong>${highlight(h.label, terms)}</strong>：` : '';
  return html`<li><a href="${sourceHref(h.documentId, h.line)}">${label}${highlight(h.text, terms)}</a> ${kind === 'documents' ? '' : where}</li>\n`;
}

export function searchPage(q: string, r: SearchResults | undefined, limit: number): SafeHtml {
  const total = r ? SEARCH_KINDS.reduce((n, k) => n + r.groups[k].length, 0) : 0;
  return html`<form method="get" action="/search" role="search">
<label for="q">关键词（可用空格分隔多个词）</label>
<input id="q" name="q" type="search" value="${q}" maxlength="200"> <button type="submit">搜索</button>
</form>
${!r ? '' : !r.terms.length ? html`<p>请输入关键词。</p>` : html`<p role="status">“${r.terms.join(' ')}”：共 ${total} 条结果${total ? '' : '，请换一个词试试'}（每类最多 ${limit} 条）。</p>
${SEARCH_KINDS.filter((k) => r.groups[k].length).map(
  (k) => html`<section aria-labelledby="h-${k}"><h2 id="h-${k}">${KIND_LABEL[k]}（${r.groups[k].length}）</h2>
<ol>${r.groups[k].map((h) => hit(k, h, r.terms))}</ol></section>`,
)}`}`;
}

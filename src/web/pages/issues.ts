// The issues page: conflicts between statements of one target, name drift and breaks of statistical
// basis, for a person to settle — each conflict with its statements and, for planners, a form that
// chooses the authoritative one (kept across re-ingest, audited).
import type { IssuesTable } from '../../store/schema.js';
import { html, type SafeHtml } from '../html.js';

const KIND: Record<string, string> = { conflict: '数值冲突', drift: '名称不一致', break: '口径变化' };

export interface IssueView {
  issue: IssuesTable;
  statements: Array<{ place: string; text: string; chosen: boolean }>;
}

function settleForm(v: IssueView, csrf: string): SafeHtml {
  return html`<form method="post" action="/issues/${encodeURIComponent(v.issue.id)}/settle">
<input type="hidden" name="_csrf" value="${csrf}">
<fieldset><legend>以哪一处表述为准</legend>
${v.statements.map((s, k) => html`<label><input type="radio" name="choose" value="${s.place}"${s.chosen || (!v.statements.some((x) => x.chosen) && k === 0) ? html` checked` : ''}> ${s.text}（${s.place}）</label>`)}
</fieldset>
<button type="submit">核定</button></form>`;
}

export function issuesPage(list: IssueView[], csrf: string, maySettle: boolean): SafeHtml {
  const open = list.filter((v) => v.issue.status === 'open').length;
  return html`<p role="status">共 ${list.length} 项，其中待核定 ${open} 项。同一目标的表述不一致时，状态按权威表述（指标表优先于正文）判断，核定后按核定的表述判断，重新导入文件后仍然有效。</p>
<table><caption>待核定与已核定事项</caption>
<thead><tr><th scope="col">类型</th><th scope="col">指标</th><th scope="col">地区</th><th scope="col">年份</th><th scope="col">说明</th><th scope="col">状态</th></tr></thead>
<tbody>${list.map(
    (v) => html`<tr id="issue-${v.issue.id}"><td>${KIND[v.issue.kind] ?? v.issue.kind}</td><td>${v.issue.indicator_id ?? ''}</td><td>${v.issue.region ?? ''}</td><td>${v.issue.year ?? ''}</td>
<td>${v.issue.detail}${maySettle && v.statements.length ? settleForm(v, csrf) : ''}</td>
<td>${v.issue.status === 'open' ? '待核定' : html`已核定（${v.issue.settled_by ?? ''}，${(v.issue.settled_at ?? '').slice(0, 10)}）`}</td></tr>\n`,
  )}</tbody></table>`;
}

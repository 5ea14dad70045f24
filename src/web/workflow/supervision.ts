// The supervision page: overdue tasks, lagging indicators, issuing 督办 notices and their history;
// each overdue task and lagging indicator links to the form of a notice about it (web/workflow/notice.ts).
import { html, type SafeHtml } from '../html.js';
import { statusBadge } from '../layout.js';
import { STATUS_LABEL } from '../i18n.js';
import type { NoticesTable } from '../../store/schema.js';
import type { StatusRow } from '../../monitor/evaluate.js';
import type { TaskItem } from '../../server/routes/workflow/data.js';
import { closeForm, deadlineCell, noticeBadge, noticeForm, updateBadge } from './common.js';

export interface SupervisionPage {
  today: string;
  csrf?: string;
  flash?: SafeHtml | '';
  mayIssue: boolean;
  units: string[];
  defaultDeadline: string;
  overdue: Array<TaskItem & { lastStatus?: string }>;
  lagging: Array<StatusRow & { targetId?: string; units: string[] }>;
  notices: NoticesTable[];
  names: Map<string, string>; // user id → display name
}

/** A link to the form of a notice about a task or target, the form open and filled in. */
const issue = (p: SupervisionPage, about: { taskId?: string; targetId?: string; unit?: string; text: string }) => {
  if (!p.mayIssue) return '';
  const q = new URLSearchParams({ ...(about.taskId ? { task_id: about.taskId } : {}), ...(about.targetId ? { target_id: about.targetId } : {}), ...(about.unit ? { unit: about.unit } : {}), text: about.text });
  return html`<br><a href="/notices/new?${q.toString()}">督办</a>`;
};

export function supervisionBody(p: SupervisionPage): SafeHtml {
  const open = p.notices.filter((n) => n.status !== 'closed');
  return html`${p.flash ?? ''}<div class="cards"><div class="card"><strong>${p.overdue.length}</strong>逾期任务</div><div class="card"><strong>${p.lagging.length}</strong>滞后或有风险的指标</div>
<div class="card"><strong>${open.length}</strong>未办结督办</div><div class="card"><strong>${open.filter((n) => n.status === 'issued' && n.reply_deadline < p.today).length}</strong>逾期未回复</div></div>
<h2>逾期任务</h2><p class="muted">期限已过、尚无审核通过的进展的任务。</p>
${p.overdue.length ? html`<table><thead><tr><th scope="col">任务</th><th scope="col">责任单位</th><th scope="col">期限</th><th scope="col">最新进展</th></tr></thead><tbody>${p.overdue.map(
    (t) => html`<tr><td>${t.ordinal ?? ''} ${t.title}<br><span class="muted">${t.documentTitle}</span>${issue(p, { taskId: t.id, unit: t.units[0], text: `请说明“${t.title}”逾期未完成的原因和整改措施`})}</td>
<td>${t.units.map((u) => html`<a href="/departments/${encodeURIComponent(u)}">${u}</a> `)}</td><td>${deadlineCell(t.deadline, t.deadlineText, p.today, false)}</td><td>${t.lastStatus ? updateBadge(t.lastStatus) : html`<span class="muted">未填报</span>`}</td></tr>`,
  )}</tbody></table>` : html`<p>没有逾期任务。</p>`}
<h2>滞后指标</h2>
${p.lagging.length ? html`<table><thead><tr><th scope="col">指标</th><th scope="col">地区</th><th scope="col">年份</th><th scope="col">目标</th><th scope="col">最新</th><th scope="col">状态</th><th scope="col">责任单位</th></tr></thead><tbody>${p.lagging.map(
    (r) => html`<tr><td>${r.indicator}${issue(p, { targetId: r.targetId, unit: r.units[0], text: `${r.indicator}（${r.year}年目标 ${r.target}）${STATUS_LABEL[r.status]}：${r.reason}。请说明原因和措施`})}</td>
<td>${r.region}</td><td>${r.year}</td><td>${r.target}</td><td>${r.latest ?? '—'}</td><td>${statusBadge(r.status, STATUS_LABEL[r.status] ?? r.status)}<br><span class="muted">${r.reason}</span></td><td>${r.units.join('、') || html`<span class="muted">规划部门</span>`}</td></tr>`,
  )}</tbody></table>` : html`<p>没有滞后或有风险的指标。</p>`}
${p.mayIssue ? html`<h2>下发督办通知</h2>${noticeForm(p.csrf, p.units, { key: 'new' }, p.defaultDeadline)}` : ''}
<h2>督办记录</h2>
${p.notices.length ? html`<table><thead><tr><th scope="col">文号</th><th scope="col">下发</th><th scope="col">单位</th><th scope="col">督办事项</th><th scope="col">回复期限</th><th scope="col">状态</th><th scope="col">回复</th></tr></thead><tbody>${p.notices.map(
    (n) => html`<tr><td><a href="/notices/${encodeURIComponent(n.id)}">${n.number ?? '—'}</a><br><a href="/notices/${encodeURIComponent(n.id)}/print">打印</a></td><td>${n.issued_at.slice(0, 10)}<br><span class="muted">${p.names.get(n.issued_by) ?? ''}</span></td><td>${n.unit}</td><td><a href="/notices/${encodeURIComponent(n.id)}">${n.text}</a></td>
<td>${deadlineCell(n.reply_deadline, null, p.today, n.status !== 'issued')}</td><td>${noticeBadge(n.status)} ${p.mayIssue && n.status !== 'closed' ? closeForm(p.csrf, n) : ''}</td>
<td>${n.reply ?? html`<span class="muted">未回复</span>`}${n.replied_at ? html`<br><span class="muted">${p.names.get(n.replied_by ?? '') ?? ''}，${n.replied_at.slice(0, 10)}</span>` : ''}</td></tr>`,
  )}</tbody></table>` : html`<p>尚未下发督办通知。</p>`}`;
}

// The supervision page: overdue tasks, lagging indicators, issuing 督办 notices and their history;
// each overdue task and lagging indicator links to the form of a notice about it (web/workflow/notice.ts).
import { html, type SafeHtml } from '../html.js';
import { statusBadge } from '../layout.js';
import { STATUS_LABEL, t as tr, zhPart, type Lang } from '../i18n.js';
import { reason } from '../pages/common.js';
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
  lang?: Lang;
}

/** A link to the form of a notice about a task or target, the form open and filled in. */
const issue = (p: SupervisionPage, about: { taskId?: string; targetId?: string; unit?: string; text: string }) => {
  if (!p.mayIssue) return '';
  const q = new URLSearchParams({ ...(about.taskId ? { task_id: about.taskId } : {}), ...(about.targetId ? { target_id: about.targetId } : {}), ...(about.unit ? { unit: about.unit } : {}), text: about.text });
  return html`<br><a href="/notices/new?${q.toString()}">${tr('督办', p.lang ?? 'zh')}</a>`;
};

export function supervisionBody(p: SupervisionPage): SafeHtml {
  const L = p.lang ?? 'zh';
  const T = (zh: string) => tr(zh, L);
  const Z = (x: unknown) => zhPart(x, L);
  const th = (hs: string[]) => html`<thead><tr>${hs.map((h) => html`<th scope="col">${T(h)}</th>`)}</tr></thead>`;
  const open = p.notices.filter((n) => n.status !== 'closed');
  return html`${p.flash ?? ''}<div class="cards"><div class="card"><strong>${p.overdue.length}</strong>${T('逾期任务')}</div><div class="card"><strong>${p.lagging.length}</strong>${T('滞后或有风险的指标')}</div>
<div class="card"><strong>${open.length}</strong>${T('未办结督办')}</div><div class="card"><strong>${open.filter((n) => n.status === 'issued' && n.reply_deadline < p.today).length}</strong>${T('逾期未回复')}</div></div>
<h2>${T('逾期任务')}</h2><p class="muted">${T('期限已过、尚无审核通过的进展的任务。')}</p>
${p.overdue.length ? html`<table>${th(['任务', '责任单位', '期限', '最新进展'])}<tbody>${p.overdue.map(
    (t) => html`<tr><td>${Z(t.ordinal ?? '')} ${Z(t.title)}<br><span class="muted">${Z(t.documentTitle)}</span>${issue(p, { taskId: t.id, unit: t.units[0], text: `请说明“${t.title}”逾期未完成的原因和整改措施`})}</td>
<td>${t.units.map((u) => html`<a href="/departments/${encodeURIComponent(u)}">${Z(u)}</a> `)}</td><td>${deadlineCell(t.deadline, t.deadlineText, p.today, false, L)}</td><td>${t.lastStatus ? updateBadge(t.lastStatus, L) : html`<span class="muted">${T('未填报')}</span>`}</td></tr>`,
  )}</tbody></table>` : html`<p>${T('没有逾期任务。')}</p>`}
<h2>${T('滞后指标')}</h2>
${p.lagging.length ? html`<table>${th(['指标', '地区', '年份', '目标', '最新', '状态', '责任单位'])}<tbody>${p.lagging.map(
    (r) => html`<tr><td>${Z(r.indicator)}${issue(p, { targetId: r.targetId, unit: r.units[0], text: `${r.indicator}（${r.year}年目标 ${r.target}）${STATUS_LABEL[r.status]}：${r.reason}。请说明原因和措施`})}</td>
<td>${Z(r.region)}</td><td>${r.year}</td><td>${Z(r.target)}</td><td>${Z(r.latest ?? '—')}</td><td>${statusBadge(r.status, STATUS_LABEL[r.status] ? T(STATUS_LABEL[r.status]) : r.status)}<br><span class="muted">${reason(r.reason, L)}</span></td><td>${r.units.length ? Z(r.units.join(L === 'en' ? ', ' : '、')) : html`<span class="muted">${T('规划部门')}</span>`}</td></tr>`,
  )}</tbody></table>` : html`<p>${T('没有滞后或有风险的指标。')}</p>`}
${p.mayIssue ? html`<h2>${T('下发督办通知')}</h2>${noticeForm(p.csrf, p.units, { key: 'new' }, p.defaultDeadline, L)}` : ''}
<h2>${T('督办记录')}</h2>
${p.notices.length ? html`<table>${th(['文号', '下发', '单位', '督办事项', '回复期限', '状态', '回复'])}<tbody>${p.notices.map(
    (n) => html`<tr><td><a href="/notices/${encodeURIComponent(n.id)}">${Z(n.number ?? '—')}</a><br><a href="/notices/${encodeURIComponent(n.id)}/print">${T('打印')}</a></td><td>${n.issued_at.slice(0, 10)}<br><span class="muted">${Z(p.names.get(n.issued_by) ?? '')}</span></td><td>${Z(n.unit)}</td><td><a href="/notices/${encodeURIComponent(n.id)}">${Z(n.text)}</a></td>
<td>${deadlineCell(n.reply_deadline, null, p.today, n.status !== 'issued', L)}</td><td>${noticeBadge(n.status, L)} ${p.mayIssue && n.status !== 'closed' ? closeForm(p.csrf, n, L) : ''}</td>
<td>${n.reply ? Z(n.reply) : html`<span class="muted">${T('未回复')}</span>`}${n.replied_at ? html`<br><span class="muted">${Z(p.names.get(n.replied_by ?? '') ?? '')}${L === 'en' ? ', ' : '，'}${n.replied_at.slice(0, 10)}</span>` : ''}</td></tr>`,
  )}</tbody></table>` : html`<p>${T('尚未下发督办通知。')}</p>`}`;
}

// The department pages: the list of units, and one unit's tasks and indicators with their deadlines,
// latest updates, review comments, 督办 notices to answer, and the forms to report progress.
import { html, type SafeHtml } from '../html.js';
import { statusBadge } from '../layout.js';
import { STATUS_LABEL } from '../i18n.js';
import type { NoticesTable, UpdatesTable } from '../../store/schema.js';
import type { TargetItem, TaskItem } from '../../server/routes/workflow/data.js';
import { deadlineState } from '../../monitor/workflow.js';
import { DUE_HINT, ROLE_LABEL, deadlineCell, noticeBadge, replyForm, updateBadge, updateLine } from './common.js';

export interface UnitSummary {
  unit: string;
  tasks: number;
  lead: number;
  overdue: number;
  due: number;
  /** Updates waiting for review; null: not the viewer's to know. */
  waiting: number | null;
}

export function departmentsBody(units: UnitSummary[], own: string[]): SafeHtml {
  if (!units.length) return html`<p class="muted">尚无任务分工：导入任务分工方案后，各责任单位会列在这里。</p>`;
  return html`<p class="muted">${DUE_HINT}</p>
<table><caption>责任单位（${units.length} 个）</caption>
<thead><tr><th scope="col">单位</th><th scope="col">任务</th><th scope="col">牵头</th><th scope="col">逾期</th><th scope="col">14 天内到期</th><th scope="col">待审核进展</th></tr></thead>
<tbody>${units.map(
    (u) => html`<tr><th scope="row"><a href="/departments/${encodeURIComponent(u.unit)}">${u.unit}</a>${own.includes(u.unit) ? html` <span class="muted">（本单位）</span>` : ''}</th>
<td>${u.tasks}</td><td>${u.lead}</td><td>${u.overdue ? statusBadge('off_track', String(u.overdue)) : '0'}</td><td>${u.due ? statusBadge('at_risk', String(u.due)) : '0'}</td><td>${u.waiting ?? html`<span class="muted">—</span>`}</td></tr>`,
  )}</tbody></table>`;
}

export interface UnitPage {
  unit: string;
  today: string;
  csrf?: string;
  flash?: SafeHtml | '';
  /** May the viewer see this unit's updates, comments, evidence and notices? */
  mayRead: boolean;
  /** May the viewer report for this unit? */
  mayChange: boolean;
  tasks: TaskItem[];
  targets: Array<TargetItem & { status?: string }>;
  updates: UpdatesTable[]; // of this unit, newest first
  notices: NoticesTable[]; // to this unit, newest first
}

const latestOf = (p: UnitPage, kind: string, id: string) => p.updates.find((u) => u.subject_kind === kind && u.subject_id === id);

/** The reviewer's comment on a returned update, the link to the reporting form (a page of its own, the form
 *  open), and the history of one task or target. */
function reporting(p: UnitPage, kind: 'task' | 'target', id: string): SafeHtml {
  if (!p.mayRead) return html``;
  const mine = p.updates.filter((u) => u.subject_kind === kind && u.subject_id === id);
  const open = mine.find((u) => u.status !== 'approved');
  const back = `/departments/${encodeURIComponent(p.unit)}`;
  return html`${mine[0]?.status === 'returned' && mine[0].comment ? html`<p class="notice">退回意见：${mine[0].comment}</p>` : ''}
${p.mayChange ? html`<p><a href="/updates/new?kind=${kind}&amp;id=${encodeURIComponent(id)}&amp;unit=${encodeURIComponent(p.unit)}&amp;back=${encodeURIComponent(back)}">${open ? '修改进展' : '填报进展'}</a></p>` : ''}
${mine.length ? html`<details><summary>进展记录（${mine.length}）</summary><ul>${mine.map((u) => updateLine(u))}</ul></details>` : ''}`;
}

export function unitBody(p: UnitPage): SafeHtml {
  const open = p.notices.filter((n) => n.status !== 'closed');
  const overdue = p.tasks.filter((t) => ['overdue', 'escalated'].includes(deadlineState(t.deadline, p.today, t.approved))).length;
  return html`${p.flash ?? ''}<p>任务 ${p.tasks.length} 项${overdue ? html`，其中 ${statusBadge('off_track', `逾期 ${overdue} 项`)}` : ''}；指标目标 ${p.targets.length} 项。<span class="muted">${DUE_HINT}</span></p>
${p.mayRead && open.length ? html`<section aria-labelledby="notices"><h2 id="notices">督办通知</h2>${open.map(
    (n) => html`<article class="notice"><p>${noticeBadge(n.status)} <a href="/notices/${encodeURIComponent(n.id)}">${n.text}</a> — 回复期限 ${deadlineCell(n.reply_deadline, null, p.today, n.status !== 'issued')}</p>
${n.status !== 'closed' && p.mayChange ? replyForm(p.csrf, n, undefined, `/departments/${encodeURIComponent(p.unit)}`) : n.reply ? html`<p>回复：${n.reply}</p>` : ''}</article>`,
  )}</section>` : ''}
${p.mayChange ? excelBox(p) : ''}
<h2>任务</h2>
${p.tasks.length ? html`<table><thead><tr><th scope="col">序号</th><th scope="col">任务</th><th scope="col">文件</th><th scope="col">期限</th><th scope="col">职责</th><th scope="col">最新进展</th></tr></thead><tbody>${p.tasks.map((t) => {
    const last = latestOf(p, 'task', t.id);
    const role = t.roles.filter((r) => r.unit === p.unit).map((r) => ROLE_LABEL[r.role] ?? r.role).join('、');
    return html`<tr id="task-${t.id}"><td>${t.ordinal ?? ''}</td><td>${t.title}${reporting(p, 'task', t.id)}</td>
<td><a href="/documents/${encodeURIComponent(t.documentId)}#L${t.line}">${t.documentTitle}</a></td><td>${deadlineCell(t.deadline, t.deadlineText, p.today, t.approved)}</td><td>${role}</td>
<td>${p.mayRead && last ? html`${updateBadge(last.status)}${last.progress !== null ? html` ${last.progress}%` : ''}` : html`<span class="muted">—</span>`}</td></tr>`;
  })}</tbody></table>` : html`<p class="muted">本单位没有分工任务。</p>`}
<h2>指标</h2>
<p class="muted">列出的是任务分工文件中写在本单位任务之下的指标目标；规划纲要、政府工作报告中的指标由规划部门填报。</p>
${p.targets.length ? html`<table><thead><tr><th scope="col">指标目标</th><th scope="col">地区</th><th scope="col">文件</th><th scope="col">状态</th><th scope="col">最新填报</th></tr></thead><tbody>${p.targets.map((t) => {
    const last = latestOf(p, 'target', t.id);
    return html`<tr id="target-${t.id}"><td>${t.title}${reporting(p, 'target', t.id)}</td><td>${t.region}</td><td>${t.documentTitle}</td>
<td>${t.status ? statusBadge(t.status, STATUS_LABEL[t.status] ?? t.status) : ''}</td><td>${p.mayRead && last ? html`${updateBadge(last.status)}${last.value !== null ? html` ${last.value}` : ''}` : html`<span class="muted">—</span>`}</td></tr>`;
  })}</tbody></table>` : html`<p class="muted">本单位没有分工的指标目标。</p>`}`;
}

/** Excel exchange: download the unit's template for a period, upload it filled in. */
function excelBox(p: UnitPage): SafeHtml {
  const u = encodeURIComponent(p.unit);
  const year = p.today.slice(0, 4);
  return html`<details><summary>用 Excel 填报</summary>
<p><a href="/departments/${u}/template.xlsx?period=${year}">下载 ${year} 年填报模板</a>（本单位的任务和指标，含上期情况）</p>
<form method="post" action="/departments/${u}/import?_csrf=${encodeURIComponent(p.csrf ?? '')}" enctype="multipart/form-data"><input type="hidden" name="_csrf" value="${p.csrf}">
<label for="wb">上传填好的模板（xlsx）</label><input id="wb" name="workbook" type="file" accept=".xlsx" required>
<label><input type="checkbox" name="store_valid"> 有错误时仍保存其余正确的行</label>
<p><button type="submit">上传</button></p></form></details>`;
}

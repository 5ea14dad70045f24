// The department pages: the list of units, and one unit's tasks and indicators with their deadlines,
// latest updates, review comments, 督办 notices to answer, and the forms to report progress.
import { html, type SafeHtml } from '../html.js';
import { statusBadge } from '../layout.js';
import { STATUS_LABEL, t as tr, zhPart, type Lang } from '../i18n.js';
import type { NoticesTable, UpdatesTable } from '../../store/schema.js';
import type { TargetItem, TaskItem } from '../../server/routes/workflow/data.js';
import { deadlineState } from '../../monitor/workflow.js';
import { ROLE_LABEL, deadlineCell, dueHint, noticeBadge, replyForm, tf, updateBadge, updateLine } from './common.js';

export interface UnitSummary {
  unit: string;
  tasks: number;
  lead: number;
  overdue: number;
  due: number;
  /** Updates waiting for review; null: not the viewer's to know. */
  waiting: number | null;
}

export function departmentsBody(units: UnitSummary[], own: string[], lang: Lang = 'zh'): SafeHtml {
  const T = (zh: string) => tr(zh, lang);
  if (!units.length) return html`<p class="muted">${T('尚无任务分工：导入任务分工方案后，各责任单位会列在这里。')}</p>`;
  return html`<p class="muted">${dueHint(lang)}</p>
<table><caption>${tf('责任单位（{n} 个）', lang, { n: units.length })}</caption>
<thead><tr>${['单位', '任务', '牵头', '逾期', '14 天内到期', '待审核进展'].map((h) => html`<th scope="col">${T(h)}</th>`)}</tr></thead>
<tbody>${units.map(
    (u) => html`<tr><th scope="row"><a href="/departments/${encodeURIComponent(u.unit)}">${zhPart(u.unit, lang)}</a>${own.includes(u.unit) ? html` <span class="muted">${T('（本单位）')}</span>` : ''}</th>
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
  lang?: Lang;
}

const latestOf = (p: UnitPage, kind: string, id: string) => p.updates.find((u) => u.subject_kind === kind && u.subject_id === id);

/** The reviewer's comment on a returned update, the link to the reporting form (a page of its own, the form
 *  open), and the history of one task or target. */
function reporting(p: UnitPage, kind: 'task' | 'target', id: string): SafeHtml {
  if (!p.mayRead) return html``;
  const L = p.lang ?? 'zh';
  const T = (zh: string) => tr(zh, L);
  const mine = p.updates.filter((u) => u.subject_kind === kind && u.subject_id === id);
  const open = mine.find((u) => u.status !== 'approved');
  const back = `/departments/${encodeURIComponent(p.unit)}`;
  return html`${mine[0]?.status === 'returned' && mine[0].comment ? html`<p class="notice">${T('退回意见')}${L === 'en' ? ': ' : '：'}${zhPart(mine[0].comment, L)}</p>` : ''}
${p.mayChange ? html`<p><a href="/updates/new?kind=${kind}&amp;id=${encodeURIComponent(id)}&amp;unit=${encodeURIComponent(p.unit)}&amp;back=${encodeURIComponent(back)}">${T(open ? '修改进展' : '填报进展')}</a></p>` : ''}
${mine.length ? html`<details><summary>${tf('进展记录（{n}）', L, { n: mine.length })}</summary><ul>${mine.map((u) => updateLine(u, L))}</ul></details>` : ''}`;
}

export function unitBody(p: UnitPage): SafeHtml {
  const L = p.lang ?? 'zh';
  const T = (zh: string) => tr(zh, L);
  const Z = (x: unknown) => zhPart(x, L);
  const th = (hs: string[]) => html`<thead><tr>${hs.map((h) => html`<th scope="col">${T(h)}</th>`)}</tr></thead>`;
  const open = p.notices.filter((n) => n.status !== 'closed');
  const overdue = p.tasks.filter((t) => ['overdue', 'escalated'].includes(deadlineState(t.deadline, p.today, t.approved))).length;
  return html`${p.flash ?? ''}<p>${tf('任务 {n} 项', L, { n: p.tasks.length })}${overdue ? html`${T('，其中 ')}${statusBadge('off_track', tf('逾期 {n} 项', L, { n: overdue }))}` : ''}${tf('；指标目标 {n} 项。', L, { n: p.targets.length })}<span class="muted">${dueHint(L)}</span></p>
${p.mayRead && open.length ? html`<section aria-labelledby="notices"><h2 id="notices">${T('督办通知')}</h2>${open.map(
    (n) => html`<article class="notice"><p>${noticeBadge(n.status, L)} <a href="/notices/${encodeURIComponent(n.id)}">${Z(n.text)}</a> — ${T('回复期限')} ${deadlineCell(n.reply_deadline, null, p.today, n.status !== 'issued', L)}</p>
${n.status !== 'closed' && p.mayChange ? replyForm(p.csrf, n, undefined, `/departments/${encodeURIComponent(p.unit)}`, L) : n.reply ? html`<p>${T('回复')}${L === 'en' ? ': ' : '：'}${Z(n.reply)}</p>` : ''}</article>`,
  )}</section>` : ''}
${p.mayChange ? excelBox(p) : ''}
<h2>${T('任务')}</h2>
${p.tasks.length ? html`<table>${th(['序号', '任务', '文件', '期限', '职责', '最新进展'])}<tbody>${p.tasks.map((t) => {
    const last = latestOf(p, 'task', t.id);
    const role = t.roles.filter((r) => r.unit === p.unit).map((r) => (ROLE_LABEL[r.role] ? T(ROLE_LABEL[r.role]) : r.role)).join(L === 'en' ? ', ' : '、');
    return html`<tr id="task-${t.id}"><td>${Z(t.ordinal ?? '')}</td><td>${Z(t.title)}${reporting(p, 'task', t.id)}</td>
<td><a href="/documents/${encodeURIComponent(t.documentId)}#L${t.line}">${Z(t.documentTitle)}</a></td><td>${deadlineCell(t.deadline, t.deadlineText, p.today, t.approved, L)}</td><td>${role}</td>
<td>${p.mayRead && last ? html`${updateBadge(last.status, L)}${last.progress !== null ? html` ${last.progress}%` : ''}` : html`<span class="muted">—</span>`}</td></tr>`;
  })}</tbody></table>` : html`<p class="muted">${T('本单位没有分工任务。')}</p>`}
<h2>${T('指标')}</h2>
<p class="muted">${T('列出的是任务分工文件中写在本单位任务之下的指标目标；规划纲要、政府工作报告中的指标由规划部门填报。')}</p>
${p.targets.length ? html`<table>${th(['指标目标', '地区', '文件', '状态', '最新填报'])}<tbody>${p.targets.map((t) => {
    const last = latestOf(p, 'target', t.id);
    return html`<tr id="target-${t.id}"><td>${Z(t.title)}${reporting(p, 'target', t.id)}</td><td>${Z(t.region)}</td><td>${Z(t.documentTitle)}</td>
<td>${t.status ? statusBadge(t.status, STATUS_LABEL[t.status] ? T(STATUS_LABEL[t.status]) : t.status) : ''}</td><td>${p.mayRead && last ? html`${updateBadge(last.status, L)}${last.value !== null ? html` ${last.value}` : ''}` : html`<span class="muted">—</span>`}</td></tr>`;
  })}</tbody></table>` : html`<p class="muted">${T('本单位没有分工的指标目标。')}</p>`}`;
}

/** Excel exchange: download the unit's template for a period, upload it filled in. */
function excelBox(p: UnitPage): SafeHtml {
  const u = encodeURIComponent(p.unit);
  const year = p.today.slice(0, 4);
  const L = p.lang ?? 'zh';
  const T = (zh: string) => tr(zh, L);
  return html`<details><summary>${T('用 Excel 填报')}</summary>
<p><a href="/departments/${u}/template.xlsx?period=${year}">${tf('下载 {year} 年填报模板', L, { year })}</a>${T('（本单位的任务和指标，含上期情况）')}</p>
<form method="post" action="/departments/${u}/import?_csrf=${encodeURIComponent(p.csrf ?? '')}" enctype="multipart/form-data"><input type="hidden" name="_csrf" value="${p.csrf}">
<label for="wb">${T('上传填好的模板（xlsx）')}</label><input id="wb" name="workbook" type="file" accept=".xlsx" required>
<label><input type="checkbox" name="store_valid"> ${T('有错误时仍保存其余正确的行')}</label>
<p><button type="submit">${T('上传')}</button></p></form></details>`;
}

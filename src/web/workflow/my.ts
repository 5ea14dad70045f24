// 我的任务: where a department user lands — what came back from review (with the reviewer's comment and
// the form open to change it), 督办 notices to answer (the reply form open), what is due next (deadlines
// and the reporting calendar's dates), then all the unit's tasks and targets, each with a link to the
// document at its line and to its reporting form.
import { html, type SafeHtml } from '../html.js';
import { t, zhPart, type Lang } from '../i18n.js';
import type { NoticesTable, UpdatesTable } from '../../store/schema.js';
import type { TargetItem, TaskItem } from '../../server/routes/workflow/data.js';
import type { CalendarEntry } from '../../monitor/calendar.js';
import { deadlineState } from '../../monitor/workflow.js';
import { ROLE_LABEL, deadlineCell, dueHint, replyForm, tf, updateBadge, updateForm } from './common.js';
import { docLink } from './report.js';

export interface MyPage {
  lang: Lang;
  units: string[];
  today: string;
  csrf?: string;
  flash: SafeHtml | '';
  tasks: TaskItem[];
  targets: TargetItem[];
  updates: UpdatesTable[]; // of the units, newest first
  notices: NoticesTable[]; // to the units, open
  calendar: CalendarEntry[]; // the units' reporting dates ahead
  names: Map<string, string>;
}

const q = encodeURIComponent;
const formLink = (kind: string, id: string, unit: string, label: string) => html`<a href="/updates/new?kind=${kind}&amp;id=${q(id)}&amp;unit=${q(unit)}&amp;back=/my">${label}</a>`;
const unitOf = (p: MyPage, units: string[]) => units.find((u) => p.units.includes(u)) ?? units[0] ?? '';

export function myBody(p: MyPage): SafeHtml {
  const L = p.lang;
  const T = (zh: string) => t(zh, L);
  const Z = (x: unknown) => zhPart(x, L);
  if (!p.units.length) return html`<p>${T('您的账号尚未绑定责任单位，请联系系统管理员。')}</p>`;
  const latest = new Map<string, UpdatesTable>();
  for (const u of p.updates) if (!latest.has(`${u.subject_kind}:${u.subject_id}:${u.unit}`)) latest.set(`${u.subject_kind}:${u.subject_id}:${u.unit}`, u);
  const returned = [...latest.values()].filter((u) => u.status === 'returned');
  const title = (u: UpdatesTable) => (u.subject_kind === 'task' ? p.tasks.find((t) => t.id === u.subject_id)?.title : p.targets.find((t) => t.id === u.subject_id)?.title) ?? u.subject_id;
  const states = p.tasks.map((t) => ({ t, s: deadlineState(t.deadline, p.today, t.approved) }));
  const urgent = states.filter((x) => ['due', 'overdue', 'escalated'].includes(x.s)).sort((a, b) => a.t.deadline!.localeCompare(b.t.deadline!));
  const overdue = states.filter((x) => x.s === 'overdue' || x.s === 'escalated').length;
  const card = (n: number, label: string, href: string, cls = '') => html`<a class="card${cls && n ? ` ${cls}` : ''}" href="${href}"><strong>${n}</strong>${T(label)}</a>`;
  const fill = (label: string) => T(label);
  return html`${p.flash}
<p>${T('责任单位：')}${Z(p.units.join('、'))} · <a href="/departments/${q(p.units[0])}">${T('单位页')}</a> · <a href="/calendar">${T('报送日历')}</a> · <a href="/?view=overview">${T('全市总览')}</a></p>
<div class="cards">${card(p.tasks.length, '项任务', '#all')}${card(overdue, '项逾期', '#next', 's-off_track')}${card(urgent.length - overdue, '项 14 天内到期', '#next', 's-at_risk')}${card(returned.length, '项被退回', '#returned', 's-off_track')}${card(p.notices.length, '份督办待回复', '#notices', 's-at_risk')}</div>
${returned.length ? html`<section aria-labelledby="returned"><h2 id="returned">${tf('退回修改（{n}）', L, { n: returned.length })}</h2>${returned.map((u) => html`<article class="notice" id="update-${u.id}">
<h3>${Z(title(u))}</h3><p><strong>${T('审核意见：')}</strong>${Z(u.comment ?? '')} <span class="muted">（${Z(p.names.get(u.reviewed_by ?? '') ?? '')}${u.reviewed_at ? `，${u.reviewed_at.slice(0, 10)}` : ''}）</span></p>
${updateForm(p.csrf, { kind: u.subject_kind === 'target' ? 'target' : 'task', id: u.subject_id, unit: u.unit, period: u.period }, u, undefined, '/my', L)}</article>`)}</section>` : ''}
${p.notices.length ? html`<section aria-labelledby="notices"><h2 id="notices">${tf('督办通知待回复（{n}）', L, { n: p.notices.length })}</h2>${p.notices.map((n) => html`<article class="notice">
<h3><a href="/notices/${q(n.id)}">${Z(n.number ?? '督办通知')}</a></h3><p>${Z(n.text)}</p><p>${T('回复期限')} ${deadlineCell(n.reply_deadline, null, p.today, false, L)}</p>
${replyForm(p.csrf, n, undefined, '/my', L)}</article>`)}</section>` : ''}
<section aria-labelledby="next"><h2 id="next">${T('接下来要做')}</h2><p class="muted">${dueHint(L)}</p>
${urgent.length || p.calendar.length ? html`<table><thead><tr><th scope="col">${T('日期')}</th><th scope="col">${T('任务')}</th><th scope="col">${T('要求')}</th><th scope="col">${T('填报')}</th></tr></thead><tbody>
${urgent.map(({ t: x }) => html`<tr><td>${deadlineCell(x.deadline, null, p.today, x.approved, L)}</td><td>${Z(x.title)}</td><td>${Z(x.deadlineText ?? '')}</td><td>${formLink('task', x.id, unitOf(p, x.units), fill('填报进展'))}</td></tr>`)}
${p.calendar.map((e) => html`<tr><td><time datetime="${e.date}">${e.date}</time></td><td>${Z(e.title)}</td><td>${Z(e.text)} <span class="muted">${T('（定期报送）')}</span></td><td>${formLink('task', e.taskId, unitOf(p, e.units), fill('填报进展'))}</td></tr>`)}
</tbody></table>` : html`<p>${T('近期没有到期的任务或报送日。')}</p>`}</section>
<section aria-labelledby="all"><h2 id="all">${tf('全部任务（{n}）', L, { n: p.tasks.length })}</h2>
${p.tasks.length ? html`<table><thead><tr><th scope="col">${T('序号')}</th><th scope="col">${T('任务')}</th><th scope="col">${T('期限')}</th><th scope="col">${T('职责')}</th><th scope="col">${T('最新进展')}</th><th scope="col">${T('填报')}</th></tr></thead><tbody>${p.tasks.map((x) => {
    const unit = unitOf(p, x.units);
    const last = latest.get(`task:${x.id}:${unit}`);
    const role = x.roles.filter((r) => p.units.includes(r.unit)).map((r) => T(ROLE_LABEL[r.role] ?? r.role)).join(L === 'en' ? ', ' : '、');
    return html`<tr id="task-${x.id}"><td>${Z(x.ordinal ?? '')}</td><td>${Z(x.title)}<br><span class="muted">${docLink(x.documentId, x.line, x.documentTitle, L)}</span></td>
<td>${deadlineCell(x.deadline, x.deadlineText, p.today, x.approved, L)}</td><td>${role}</td><td>${last ? html`${updateBadge(last.status, L)}${last.progress !== null ? ` ${last.progress}%` : ''}` : html`<span class="muted">${T('未填报')}</span>`}</td>
<td>${formLink('task', x.id, unit, fill(last && last.status !== 'approved' ? '修改进展' : '填报进展'))}</td></tr>`;
  })}</tbody></table>` : html`<p class="muted">${T('本单位没有分工任务。')}</p>`}</section>
<section aria-labelledby="targets"><h2 id="targets">${tf('指标目标（{n}）', L, { n: p.targets.length })}</h2>
${p.targets.length ? html`<table><thead><tr><th scope="col">${T('指标目标')}</th><th scope="col">${T('地区')}</th><th scope="col">${T('出处')}</th><th scope="col">${T('最新填报')}</th><th scope="col">${T('填报')}</th></tr></thead><tbody>${p.targets.map((x) => {
    const unit = unitOf(p, x.units);
    const last = latest.get(`target:${x.id}:${unit}`);
    return html`<tr id="target-${x.id}"><td>${Z(x.title)}</td><td>${Z(x.region)}</td><td>${docLink(x.documentId, x.line, x.documentTitle, L)}</td>
<td>${last ? html`${updateBadge(last.status, L)}${last.value !== null ? ` ${last.value}` : ''}` : html`<span class="muted">${T('未填报')}</span>`}</td><td>${formLink('target', x.id, unit, fill('填报进展'))}</td></tr>`;
  })}</tbody></table>` : html`<p class="muted">${T('本单位没有分工的指标目标。')}</p>`}</section>`;
}

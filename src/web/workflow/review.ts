// The review page (updates waiting for a planner) and the reminders page.
import { html, type SafeHtml } from '../html.js';
import type { UpdatesTable } from '../../store/schema.js';
import type { Reminder } from '../../monitor/workflow.js';
import { t, zhPart, type Lang } from '../i18n.js';
import { reviewForms, tf, updateBadge } from './common.js';

export interface ReviewRow {
  update: UpdatesTable;
  title: string;
  kind: string; // 任务 / 指标
  by: string;
}

function row(r: ReviewRow, forms: SafeHtml | '', lang: Lang): SafeHtml {
  const u = r.update;
  const en = lang === 'en';
  const comma = en ? ', ' : '，';
  return html`<tr id="update-${u.id}"><td>${t(r.kind, lang)}${en ? ': ' : '：'}${zhPart(r.title, lang)}</td><td><a href="/departments/${encodeURIComponent(u.unit)}">${zhPart(u.unit, lang)}</a></td><td>${u.period}</td>
<td>${u.value ?? ''}${u.progress !== null ? html`<br>${t('进度', lang)} ${u.progress}%` : ''}</td>
<td>${zhPart(u.text, lang)}${u.evidence_path ? html`<br><a href="/updates/${encodeURIComponent(u.id)}/evidence">${u.evidence_name ? zhPart(u.evidence_name, lang) : t('证明材料', lang)}</a>` : ''}${u.comment ? html`<p class="notice">${t('意见：', lang)}${zhPart(u.comment, lang)}</p>` : ''}</td>
<td>${updateBadge(u.status, lang)}<br><span class="muted">${zhPart(r.by, lang)}${comma}${u.submitted_at.slice(0, 10)}${comma}${tf('第 {n} 版', lang, { n: u.version })}</span></td><td>${forms}</td></tr>`;
}

const head = (lang: Lang) => html`<thead><tr>${['任务或指标', '单位', '报告期', '数值', '进展', '状态', '审核'].map((h) => html`<th scope="col">${t(h, lang)}</th>`)}</tr></thead>`;

export function reviewBody(waiting: ReviewRow[], decided: ReviewRow[], csrf: string | undefined, mayReview: boolean, lang: Lang = 'zh'): SafeHtml {
  const HEAD = head(lang);
  return html`<p class="muted">${t('通过后，指标目标的填报数值作为实际值（来源：部门填报）入库，指标状态随之更新；退回须写明意见，部门修改后可重新提交。', lang)}</p>
${waiting.length ? html`<table><caption>${tf('待审核（{n}）', lang, { n: waiting.length })}</caption>${HEAD}<tbody>${waiting.map((r) => row(r, mayReview ? reviewForms(csrf, r.update, lang) : '', lang))}</tbody></table>` : html`<p>${t('没有待审核的进展。', lang)}</p>`}
${decided.length ? html`<table><caption>${t('最近审核', lang)}</caption>${HEAD}<tbody>${decided.map((r) => row(r, '', lang))}</tbody></table>` : ''}`;
}

const KIND: Record<string, string> = {
  due: '即将到期',
  overdue: '已逾期',
  escalated: '逾期升级',
  returned: '进展被退回',
  notice: '督办待回复',
  review: '待审核',
  notice_overdue: '督办逾期未回复',
  replied: '督办已回复，待办结',
  report: '报送日临近',
  report_late: '报送日已过，尚未报送',
};
const CLS: Record<string, string> = { due: 'at_risk', overdue: 'off_track', escalated: 'off_track', returned: 'off_track', notice: 'at_risk', review: 'at_risk', notice_overdue: 'off_track', replied: 'on_track', report: 'at_risk', report_late: 'off_track' };

function link(r: Reminder, taskUnit: (id: string) => string | undefined): string {
  if (r.kind === 'review') return `/review#update-${r.id}`;
  if (r.kind === 'notice' || r.kind === 'notice_overdue' || r.kind === 'replied') return `/notices/${encodeURIComponent(r.id)}`;
  if (r.kind === 'report' || r.kind === 'report_late') return `/updates/new?kind=task&id=${encodeURIComponent(r.taskId ?? '')}&unit=${encodeURIComponent(r.unit ?? '')}`;
  const unit = r.unit ?? taskUnit(r.id) ?? '';
  return `/departments/${encodeURIComponent(unit)}${r.kind === 'returned' ? '' : `#task-${r.id}`}`;
}

export function notificationsBody(list: Reminder[], taskUnit: (id: string) => string | undefined, lang: Lang = 'zh'): SafeHtml {
  if (!list.length) return html`<p>${t('目前没有需要处理的提醒。', lang)}</p>`;
  return html`<ul class="reminders">${list.map(
    (r) => html`<li><span class="status s-${CLS[r.kind]}">${t(KIND[r.kind] ?? r.kind, lang)}</span> <a href="${link(r, taskUnit)}">${zhPart(r.title, lang)}</a>
${r.unit ? html` <span class="muted">${zhPart(r.unit, lang)}</span>` : ''}${r.date ? html` — ${t('期限', lang)} <time datetime="${r.date}">${r.date}</time>${r.days !== undefined ? (r.days < 0 ? tf('（逾期 {n} 天）', lang, { n: -r.days }) : tf('（还有 {n} 天）', lang, { n: r.days })) : ''}` : ''}
${r.comment ? html`<p class="notice">${t('审核意见：', lang)}${zhPart(r.comment, lang)}</p>` : ''}</li>`,
  )}</ul>`;
}

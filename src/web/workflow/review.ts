// The review page (updates waiting for a planner) and the reminders page.
import { html, type SafeHtml } from '../html.js';
import type { UpdatesTable } from '../../store/schema.js';
import type { Reminder } from '../../monitor/workflow.js';
import { reviewForms, updateBadge } from './common.js';

export interface ReviewRow {
  update: UpdatesTable;
  title: string;
  kind: string; // 任务 / 指标
  by: string;
}

function row(r: ReviewRow, forms: SafeHtml | ''): SafeHtml {
  const u = r.update;
  return html`<tr id="update-${u.id}"><td>${r.kind}：${r.title}</td><td><a href="/departments/${encodeURIComponent(u.unit)}">${u.unit}</a></td><td>${u.period}</td>
<td>${u.value ?? ''}${u.progress !== null ? html`<br>进度 ${u.progress}%` : ''}</td>
<td>${u.text}${u.evidence_path ? html`<br><a href="/updates/${encodeURIComponent(u.id)}/evidence">${u.evidence_name ?? '证明材料'}</a>` : ''}${u.comment ? html`<p class="notice">意见：${u.comment}</p>` : ''}</td>
<td>${updateBadge(u.status)}<br><span class="muted">${r.by}，${u.submitted_at.slice(0, 10)}，第 ${u.version} 版</span></td><td>${forms}</td></tr>`;
}

const HEAD = html`<thead><tr><th scope="col">任务或指标</th><th scope="col">单位</th><th scope="col">报告期</th><th scope="col">数值</th><th scope="col">进展</th><th scope="col">状态</th><th scope="col">审核</th></tr></thead>`;

export function reviewBody(waiting: ReviewRow[], decided: ReviewRow[], csrf: string | undefined, mayReview: boolean): SafeHtml {
  return html`<p class="muted">通过后，指标目标的填报数值作为实际值（来源：部门填报）入库，指标状态随之更新；退回须写明意见，部门修改后可重新提交。</p>
${waiting.length ? html`<table><caption>待审核（${waiting.length}）</caption>${HEAD}<tbody>${waiting.map((r) => row(r, mayReview ? reviewForms(csrf, r.update) : ''))}</tbody></table>` : html`<p>没有待审核的进展。</p>`}
${decided.length ? html`<table><caption>最近审核</caption>${HEAD}<tbody>${decided.map((r) => row(r, ''))}</tbody></table>` : ''}`;
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

export function notificationsBody(list: Reminder[], taskUnit: (id: string) => string | undefined): SafeHtml {
  if (!list.length) return html`<p>目前没有需要处理的提醒。</p>`;
  return html`<ul class="reminders">${list.map(
    (r) => html`<li><span class="status s-${CLS[r.kind]}">${KIND[r.kind]}</span> <a href="${link(r, taskUnit)}">${r.title}</a>
${r.unit ? html` <span class="muted">${r.unit}</span>` : ''}${r.date ? html` — 期限 <time datetime="${r.date}">${r.date}</time>${r.days !== undefined ? (r.days < 0 ? `（逾期 ${-r.days} 天）` : `（还有 ${r.days} 天）`) : ''}` : ''}
${r.comment ? html`<p class="notice">审核意见：${r.comment}</p>` : ''}</li>`,
  )}</ul>`;
}

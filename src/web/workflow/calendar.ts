// The reporting calendar page: the dates on which units report, month by month, from the deadlines of
// the task-division plans (每月20日前, 每季度末, 每年底前 … and one-off dates), each with its task, units,
// the words of the plan and a link to the document at the task's line.
import { html, type SafeHtml } from '../html.js';
import type { CalendarEntry } from '../../monitor/calendar.js';
import { REMIND_AFTER_DAYS, REMIND_BEFORE_DAYS } from '../../monitor/calendar.js';

export function calendarBody(entries: CalendarEntry[], o: { from: string; to: string; scope: string; today: string }): SafeHtml {
  const months = new Map<string, CalendarEntry[]>();
  for (const e of entries) months.set(e.date.slice(0, 7), [...(months.get(e.date.slice(0, 7)) ?? []), e]);
  return html`<p>${o.scope}从 ${o.from} 到 ${o.to} 的报送日（${entries.length} 个）。<span class="muted">报送日前 ${REMIND_BEFORE_DAYS} 天提醒；报送日后 ${REMIND_AFTER_DAYS} 天内仍未报送的，再次提醒（在“提醒”中，并发送电子邮件）。</span></p>
${entries.length ? [...months].map(([m, list]) => html`<table><caption>${Number(m.slice(0, 4))}年${Number(m.slice(5))}月</caption>
<thead><tr><th scope="col">日期</th><th scope="col">任务</th><th scope="col">责任单位</th><th scope="col">要求</th></tr></thead><tbody>${list.map((e) => html`<tr${e.date === o.today ? html` class="today"` : ''}>
<td><time datetime="${e.date}">${e.date}</time></td><td><a href="/documents/${encodeURIComponent(e.documentId)}#L${e.line}">${e.title}</a></td><td>${e.units.map((u, i) => html`${i ? '、' : ''}<a href="/departments/${encodeURIComponent(u)}">${u}</a>`)}</td>
<td>${e.text}${e.recurring ? html`<span class="muted">（定期）</span>` : ''}</td></tr>`)}</tbody></table>`) : html`<p>这段时间没有报送日。导入含“每月20日前”“每季度末”等报送要求的任务分工方案后，报送日会列在这里。</p>`}`;
}

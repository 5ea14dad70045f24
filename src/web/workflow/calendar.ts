// The reporting calendar page: the dates on which units report, month by month, from the deadlines of
// the task-division plans (每月20日前, 每季度末, 每年底前 … and one-off dates), each with its task, units,
// the words of the plan and a link to the document at the task's line.
import { html, type SafeHtml } from '../html.js';
import { t, zhPart, type Lang } from '../i18n.js';
import { tf } from './common.js';
import type { CalendarEntry } from '../../monitor/calendar.js';
import { REMIND_AFTER_DAYS, REMIND_BEFORE_DAYS } from '../../monitor/calendar.js';

export function calendarBody(entries: CalendarEntry[], o: { from: string; to: string; scope?: string; today: string; lang: Lang }): SafeHtml {
  const L = o.lang;
  const T = (zh: string) => t(zh, L);
  const Z = (x: unknown) => zhPart(x, L);
  const months = new Map<string, CalendarEntry[]>();
  for (const e of entries) months.set(e.date.slice(0, 7), [...(months.get(e.date.slice(0, 7)) ?? []), e]);
  return html`<p>${o.scope ? html`${Z(o.scope)}${L === 'en' ? ': ' : '：'}` : ''}${tf('从 {from} 到 {to} 的报送日（{n} 个）。', L, { from: o.from, to: o.to, n: entries.length })}<span class="muted">${tf('报送日前 {n} 天提醒；报送日后 {m} 天内仍未报送的，再次提醒（在“提醒”中，并发送电子邮件）。', L, { n: REMIND_BEFORE_DAYS, m: REMIND_AFTER_DAYS })}</span></p>
${entries.length ? [...months].map(([m, list]) => html`<table><caption>${L === 'en' ? m : `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`}</caption>
<thead><tr><th scope="col">${T('日期')}</th><th scope="col">${T('任务')}</th><th scope="col">${T('责任单位')}</th><th scope="col">${T('要求')}</th></tr></thead><tbody>${list.map((e) => html`<tr>
<td><time datetime="${e.date}">${e.date}</time></td><td><a href="/documents/${encodeURIComponent(e.documentId)}#L${e.line}">${Z(e.title)}</a></td><td>${e.units.map((u, i) => html`${i ? (L === 'en' ? ', ' : '、') : ''}<a href="/departments/${encodeURIComponent(u)}">${Z(u)}</a>`)}</td>
<td>${Z(e.text)}${e.recurring ? html` <span class="muted">${T('（定期）')}</span>` : ''}</td></tr>`)}</tbody></table>`) : html`<p>${T('这段时间没有报送日。导入含“每月20日前”“每季度末”等报送要求的任务分工方案后，报送日会列在这里。')}</p>`}`;
}

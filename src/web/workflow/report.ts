// The page to report progress on one task or target: what it is (with a link to the document at its
// line), its deadline, the unit's earlier updates with the reviewers' comments, and the form, open —
// after a refused submission, with the error above it and what was typed in it.
import { html, type SafeHtml } from '../html.js';
import type { UpdatesTable } from '../../store/schema.js';
import type { Subject } from '../../server/routes/workflow/data.js';
import { deadlineCell, tf, updateForm, updateLine } from './common.js';
import { t, zhPart, type Lang } from '../i18n.js';

export interface ReportPage {
  lang: Lang;
  subject: Subject;
  unit: string;
  today: string;
  csrf?: string;
  history: UpdatesTable[]; // the unit's updates on it, newest first
  /** The update to change and resubmit (returned or waiting), if any. */
  open?: UpdatesTable;
  typed?: Record<string, string>;
  error?: SafeHtml | '';
  back: string;
}

export const docLink = (documentId: string | null, line: number | null, title: string, lang: Lang = 'zh'): SafeHtml =>
  documentId ? html`<a href="/documents/${encodeURIComponent(documentId)}${line ? `#L${line}` : ''}">${zhPart(title, lang)}${line ? tf('（第 {n} 行）', lang, { n: line }) : ''}</a>` : zhPart(title, lang);

export function reportBody(p: ReportPage): SafeHtml {
  const s = p.subject;
  const period = s.kind === 'task' ? p.today.slice(0, 4) : String(s.year);
  const L = p.lang;
  const T = (zh: string) => t(zh, L);
  return html`${p.error ?? ''}
<dl><dt>${T(s.kind === 'task' ? '任务' : '指标目标')}</dt><dd>${zhPart(`${s.kind === 'task' && s.ordinal ? `${s.ordinal} ` : ''}${s.title}`, L)}</dd>
<dt>${T('责任单位')}</dt><dd>${zhPart(p.unit, L)}</dd>
<dt>${T('出处')}</dt><dd>${docLink(s.documentId, s.line, s.documentTitle, L)}</dd>
${s.kind === 'task' ? html`<dt>${T('期限')}</dt><dd>${deadlineCell(s.deadline, s.deadlineText, p.today, s.approved, L)}${s.deadlineText && s.deadline ? html` <span class="muted">${zhPart(s.deadlineText, L)}</span>` : ''}</dd>` : ''}</dl>
${p.open?.status === 'returned' && p.open.comment ? html`<p class="notice">${T('退回意见：')}${zhPart(p.open.comment, L)}</p>` : ''}
<h2>${T(p.open ? '修改后重新提交' : '填报进展')}</h2>
${updateForm(p.csrf, { kind: s.kind, id: s.id, unit: p.unit, period }, p.open, p.typed, p.back, L)}
<h2>${T('进展记录')}</h2>
${p.history.length ? html`<ul>${p.history.map((u) => updateLine(u, L))}</ul>` : html`<p class="muted">${T('尚无进展记录。')}</p>`}
<p><a href="${p.back}">${T('返回')}</a></p>`;
}

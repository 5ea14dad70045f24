// The page to report progress on one task or target: what it is (with a link to the document at its
// line), its deadline, the unit's earlier updates with the reviewers' comments, and the form, open —
// after a refused submission, with the error above it and what was typed in it.
import { html, type SafeHtml } from '../html.js';
import type { UpdatesTable } from '../../store/schema.js';
import type { Subject } from '../../server/routes/workflow/data.js';
import { deadlineCell, tf, updateForm, updateLine } from './common.js';
import { zhPart, type Lang } from '../i18n.js';

export interface ReportPage {
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
  return html`${p.error ?? ''}
<dl><dt>${s.kind === 'task' ? '任务' : '指标目标'}</dt><dd>${s.kind === 'task' && s.ordinal ? `${s.ordinal} ` : ''}${s.title}</dd>
<dt>责任单位</dt><dd>${p.unit}</dd>
<dt>出处</dt><dd>${docLink(s.documentId, s.line, s.documentTitle)}</dd>
${s.kind === 'task' ? html`<dt>期限</dt><dd>${deadlineCell(s.deadline, s.deadlineText, p.today, s.approved)}${s.deadlineText && s.deadline ? html` <span class="muted">（${s.deadlineText}）</span>` : ''}</dd>` : ''}</dl>
${p.open?.status === 'returned' && p.open.comment ? html`<p class="notice">退回意见：${p.open.comment}</p>` : ''}
<h2>${p.open ? '修改后重新提交' : '填报进展'}</h2>
${updateForm(p.csrf, { kind: s.kind, id: s.id, unit: p.unit, period }, p.open, p.typed, p.back)}
<h2>进展记录</h2>
${p.history.length ? html`<ul>${p.history.map(updateLine)}</ul>` : html`<p class="muted">尚无进展记录。</p>`}
<p><a href="${p.back}">返回</a></p>`;
}

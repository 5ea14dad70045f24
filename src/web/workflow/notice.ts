// One 督办 notice: its number, unit, matter, deadline, attachments, reply and the forms to reply and to
// close it; and the page of a new notice (the form open, with what was typed when it was refused).
import { html, type SafeHtml } from '../html.js';
import { t, zhPart, type Lang } from '../i18n.js';
import type { NoticeFilesTable, NoticesTable } from '../../store/schema.js';
import { closeForm, deadlineCell, noticeBadge, noticeForm, replyForm, tf } from './common.js';

export interface NoticeView {
  lang: Lang;
  today: string;
  csrf?: string;
  mayReply: boolean;
  mayClose: boolean;
  about?: string;
  names: Map<string, string>;
  files: NoticeFilesTable[];
  flash?: SafeHtml | '';
  error?: SafeHtml | '';
  /** A refused reply, shown again. */
  typed?: string;
}

const kb = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function fileList(n: NoticesTable, files: NoticeFilesTable[], lang: Lang = 'zh'): SafeHtml | '' {
  if (!files.length) return '';
  return html`<ul>${files.map((f) => html`<li><a href="/notices/${encodeURIComponent(n.id)}/files/${encodeURIComponent(f.id)}">${zhPart(f.name, lang)}</a> <span class="muted">(${kb(f.size)})</span></li>`)}</ul>`;
}

export function noticeBody(n: NoticesTable, o: NoticeView): SafeHtml {
  const issued = o.files.filter((f) => f.part === 'issue');
  const replied = o.files.filter((f) => f.part === 'reply');
  const L = o.lang;
  const T = (zh: string) => t(zh, L);
  const Z = (x: unknown) => zhPart(x, L);
  return html`${o.flash ?? ''}${o.error ?? ''}
<p><strong>${n.number ? Z(n.number) : T('（无文号）')}</strong> · <a href="/notices/${encodeURIComponent(n.id)}/print">${T('打印（公文格式）')}</a></p>
<dl><dt>${T('督办单位')}</dt><dd><a href="/departments/${encodeURIComponent(n.unit)}">${Z(n.unit)}</a></dd>
${o.about ? html`<dt>${T('事由')}</dt><dd>${Z(o.about)}</dd>` : ''}<dt>${T('督办事项')}</dt><dd>${Z(n.text)}</dd>
<dt>${T('下发')}</dt><dd>${n.issued_at.slice(0, 10)} ${Z(o.names.get(n.issued_by) ?? '')}</dd><dt>${T('回复期限')}</dt><dd>${deadlineCell(n.reply_deadline, null, o.today, n.status !== 'issued', L)}</dd>
${issued.length ? html`<dt>${T('附件')}</dt><dd>${fileList(n, issued, L)}</dd>` : ''}
<dt>${T('状态')}</dt><dd>${noticeBadge(n.status, L)} (${tf('第 {n} 版', L, { n: n.version })})</dd>
<dt>${T('回复')}</dt><dd>${n.reply ? Z(n.reply) : html`<span class="muted">${T('未回复')}</span>`}${n.replied_at ? html` <span class="muted">(${Z(o.names.get(n.replied_by ?? '') ?? '')}, ${n.replied_at.slice(0, 10)})</span>` : ''}${fileList(n, replied, L)}</dd></dl>
${o.mayReply && n.status !== 'closed' ? html`<h2>${T(n.reply ? '修改回复' : '回复')}</h2>${replyForm(o.csrf, n, o.typed, undefined, L)}` : ''}${o.mayClose && n.status !== 'closed' ? html`<p>${closeForm(o.csrf, n, L)}</p>` : ''}`;
}

export interface NewNotice {
  csrf?: string;
  units: string[];
  defaultDeadline: string;
  about?: string;
  typed: { taskId?: string; targetId?: string; unit?: string; text?: string; deadline?: string };
  error?: SafeHtml | '';
  lang?: Lang;
}

export function newNoticeBody(p: NewNotice): SafeHtml {
  const L = p.lang ?? 'zh';
  return html`${p.error ?? ''}${p.about ? html`<p>${t('事由', L)}${L === 'en' ? ': ' : '：'}${zhPart(p.about, L)}</p>` : ''}
${noticeForm(p.csrf, p.units, { ...p.typed, key: 'new' }, p.defaultDeadline, L)}
<p class="muted">${t('下发后自动编号（督办〔年份〕序号号），可打印为公文格式；单位回复时，下发人会在“提醒”中看到，并收到电子邮件（如已配置）。', L)}</p>`;
}

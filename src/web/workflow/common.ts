// Pieces shared by the workflow pages: status labels and badges, and the forms (each carries the CSRF
// token and, when it changes a row, the row's version, so a stale form is refused with 409).
import { html, type SafeHtml } from '../html.js';
import { t, zhPart, type Lang } from '../i18n.js';
import { deadlineState, daysUntil, DUE_WINDOW_DAYS, ESCALATE_AFTER_DAYS } from '../../monitor/workflow.js';
import type { NoticesTable, UpdatesTable } from '../../store/schema.js';

export const UPDATE_LABEL: Record<string, [string, string]> = {
  submitted: ['待审核', 'at_risk'],
  approved: ['已通过', 'on_track'],
  returned: ['已退回', 'off_track'],
};
export const NOTICE_LABEL: Record<string, [string, string]> = {
  issued: ['已下发', 'at_risk'],
  replied: ['已回复', 'on_track'],
  closed: ['已办结', 'no_data'],
};
/** Interface text with values: tf('{n} 天内到期', lang, { n: 5 }) — the English (vocab/ui-en/workflow.json) has the same places. */
export const tf = (zh: string, lang: Lang, vars: Record<string, string | number>): string => t(zh, lang).replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? ''));

const badge = ([label, cls]: [string, string]) => html`<span class="status s-${cls}">${label}</span>`;
export const updateBadge = (s: string, lang: Lang = 'zh') => badge(UPDATE_LABEL[s] ? [t(UPDATE_LABEL[s][0], lang), UPDATE_LABEL[s][1]] : [s, 'no_data']);
export const noticeBadge = (s: string, lang: Lang = 'zh') => badge(NOTICE_LABEL[s] ? [t(NOTICE_LABEL[s][0], lang), NOTICE_LABEL[s][1]] : [s, 'no_data']);

/** A deadline with its state: overdue (red), due within 14 days (amber), done (green). */
export function deadlineCell(deadline: string | null, text: string | null, today: string, done: boolean, lang: Lang = 'zh'): SafeHtml {
  if (!deadline) return html`<span class="muted">${text ? zhPart(text, lang) : t('未定', lang)}</span>`;
  const s = deadlineState(deadline, today, done);
  const d = daysUntil(deadline, today);
  const tag =
    s === 'escalated' ? badge([tf('逾期 {n} 天（已升级，超过 {m} 天）', lang, { n: -d, m: ESCALATE_AFTER_DAYS }), 'off_track'])
    : s === 'overdue' ? badge([tf('逾期 {n} 天', lang, { n: -d }), 'off_track'])
    : s === 'due' ? badge([tf('{n} 天内到期', lang, { n: d }), 'at_risk'])
    : s === 'done' ? badge([t('已完成', lang), 'on_track'])
    : '';
  return html`<time datetime="${deadline}">${deadline}</time> ${tag}`;
}

export const ROLE_LABEL: Record<string, string> = { lead: '牵头', unit: '责任', support: '配合' };

const csrfField = (csrf: string | undefined) => html`<input type="hidden" name="_csrf" value="${csrf ?? ''}">`;

/** Submit a progress update (new), or change and resubmit one (with its version). `typed`: what the user
 *  typed into a form that was refused, shown again; `back`: the page to return to. */
export function updateForm(csrf: string | undefined, s: { kind: 'task' | 'target'; id: string; unit: string; period: string }, prev?: UpdatesTable, typed?: Record<string, string>, back?: string, lang: Lang = 'zh'): SafeHtml {
  const T = (zh: string) => t(zh, lang);
  const key = `${s.kind}-${s.id}-${prev?.id ?? 'new'}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const action = prev ? `/updates/${encodeURIComponent(prev.id)}/resubmit` : '/updates';
  const val = (k: 'period' | 'value' | 'progress' | 'text', was: unknown) => typed?.[k] ?? (was === null || was === undefined ? '' : String(was));
  // a multipart body is read only after its CSRF token is checked: the token also rides in the URL
  return html`<form method="post" action="${action}?_csrf=${encodeURIComponent(csrf ?? '')}" enctype="multipart/form-data">
${csrfField(csrf)}${back ? html`<input type="hidden" name="back" value="${back}">` : ''}${prev ? html`<input type="hidden" name="version" value="${prev.version}">` : html`<input type="hidden" name="subject_kind" value="${s.kind}"><input type="hidden" name="subject_id" value="${s.id}"><input type="hidden" name="unit" value="${s.unit}">`}
<label for="p-${key}">${T('报告期（如 2025、2025-Q2、2025-06）')}</label><input id="p-${key}" name="period" required pattern="(19|20)\\d\\d(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?" value="${val('period', prev?.period ?? s.period)}">
<label for="v-${key}">${T('数值（可选）')}</label><input id="v-${key}" name="value" inputmode="decimal" value="${val('value', prev?.value)}">
${s.kind === 'task' ? html`<label for="g-${key}">${T('完成进度 %')}</label><input id="g-${key}" name="progress" type="number" min="0" max="100" step="1" value="${val('progress', prev?.progress)}">` : ''}
<label for="t-${key}">${T('进展情况')}</label><textarea id="t-${key}" name="text" rows="4" cols="60" required maxlength="5000">${val('text', prev?.text)}</textarea>
<label for="e-${key}">${T('证明材料（pdf、docx、xlsx、jpg、png，不超过 10 MB）')}${prev?.evidence_name ? html` ${T('不选则保留')} ${zhPart(prev.evidence_name, lang)}` : ''}${typed ? ` ${T('如需上传，请重新选择文件')}` : ''}</label><input id="e-${key}" name="evidence" type="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png">
<p><button type="submit">${T(prev ? '修改后重新提交' : '提交进展')}</button></p>
</form>`;
}

/** Approve, or return with a comment (planners and administrators). */
export function reviewForms(csrf: string | undefined, u: UpdatesTable, lang: Lang = 'zh'): SafeHtml {
  const id = encodeURIComponent(u.id);
  return html`<form class="inline" method="post" action="/updates/${id}/approve">${csrfField(csrf)}<input type="hidden" name="version" value="${u.version}"><button type="submit">${t('通过', lang)}</button></form>
<form method="post" action="/updates/${id}/return">${csrfField(csrf)}<input type="hidden" name="version" value="${u.version}">
<label for="c-${u.id}">${t('退回意见', lang)}</label><textarea id="c-${u.id}" name="comment" rows="2" cols="50" required maxlength="2000"></textarea>
<button type="submit">${t('退回修改', lang)}</button></form>`;
}

const FILES_HINT = '附件（可选；pdf、docx、xlsx、jpg、png，不超过 10 MB）';

/** Issue a 督办 notice to a unit (supervisors and administrators), with an optional attachment. */
export function noticeForm(csrf: string | undefined, units: string[], about: { taskId?: string; targetId?: string; unit?: string; text?: string; key: string; deadline?: string }, defaultDeadline: string, lang: Lang = 'zh'): SafeHtml {
  const k = about.key;
  const T = (zh: string) => t(zh, lang);
  return html`<form method="post" action="/notices?_csrf=${encodeURIComponent(csrf ?? '')}" enctype="multipart/form-data">${csrfField(csrf)}
${about.taskId ? html`<input type="hidden" name="task_id" value="${about.taskId}">` : ''}${about.targetId ? html`<input type="hidden" name="target_id" value="${about.targetId}">` : ''}
<label for="u-${k}">${T('督办单位')}</label><select id="u-${k}" name="unit" required>${units.map((u) => html`<option${u === about.unit ? html` selected` : ''}${lang === 'en' ? html` lang="zh-CN"` : ''}>${u}</option>`)}</select>
<label for="x-${k}">${T('督办事项')}</label><textarea id="x-${k}" name="text" rows="3" cols="60" required maxlength="2000"${lang === 'en' && about.text ? html` lang="zh-CN"` : ''}>${about.text ?? ''}</textarea>
<label for="d-${k}">${T('回复期限')}</label><input id="d-${k}" name="reply_deadline" type="date" required value="${about.deadline ?? defaultDeadline}">
<label for="a-${k}">${T(FILES_HINT)}</label><input id="a-${k}" name="attachment" type="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png">
<p><button type="submit">${T('下发督办通知')}</button></p></form>`;
}

/** Reply to a notice (its unit), with an optional attachment; `typed`: a refused reply shown again. */
export function replyForm(csrf: string | undefined, n: NoticesTable, typed?: string, back?: string, lang: Lang = 'zh'): SafeHtml {
  const T = (zh: string) => t(zh, lang);
  return html`<form method="post" action="/notices/${encodeURIComponent(n.id)}/reply?_csrf=${encodeURIComponent(csrf ?? '')}" enctype="multipart/form-data">${csrfField(csrf)}<input type="hidden" name="version" value="${n.version}">${back ? html`<input type="hidden" name="back" value="${back}">` : ''}
<label for="r-${n.id}">${T('回复')}${n.number ? html` ${zhPart(n.number, lang)}` : ''}</label><textarea id="r-${n.id}" name="reply" rows="4" cols="60" required maxlength="5000">${typed ?? n.reply ?? ''}</textarea>
<label for="ra-${n.id}">${T(FILES_HINT)}</label><input id="ra-${n.id}" name="attachment" type="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png">
<p><button type="submit">${T(n.reply ? '修改回复' : '提交回复')}</button></p></form>`;
}

export function closeForm(csrf: string | undefined, n: NoticesTable, lang: Lang = 'zh'): SafeHtml {
  return html`<form class="inline" method="post" action="/notices/${encodeURIComponent(n.id)}/close">${csrfField(csrf)}<input type="hidden" name="version" value="${n.version}"><button type="submit">${t('办结', lang)}</button></form>`;
}

/** One update as a line of history: period, values, text, evidence, review comment. */
export function updateLine(u: UpdatesTable, lang: Lang = 'zh'): SafeHtml {
  const T = (zh: string) => t(zh, lang);
  return html`<li>${u.period} ${updateBadge(u.status, lang)} ${u.value !== null ? html`${T('数值')} ${u.value} ` : ''}${u.progress !== null ? html`${T('进度')} ${u.progress}% ` : ''}— ${zhPart(u.text, lang)}
${u.evidence_path ? html` <a href="/updates/${encodeURIComponent(u.id)}/evidence">${u.evidence_name ? zhPart(u.evidence_name, lang) : T('证明材料')}</a>` : ''}
<span class="muted">（${zhPart(u.unit, lang)}${lang === 'en' ? ', ' : '，'}${u.submitted_at.slice(0, 10)}${lang === 'en' ? ', ' : '，'}${tf('第 {n} 版', lang, { n: u.version })}）</span>${u.comment ? html`<p class="notice">${T('审核意见：')}${zhPart(u.comment, lang)}</p>` : ''}</li>`;
}

export const DUE_HINT = `期限前 ${DUE_WINDOW_DAYS} 天内标为即将到期，逾期超过 ${ESCALATE_AFTER_DAYS} 天升级督办。`;
export const dueHint = (lang: Lang) => tf('期限前 {n} 天内标为即将到期，逾期超过 {m} 天升级督办。', lang, { n: DUE_WINDOW_DAYS, m: ESCALATE_AFTER_DAYS });

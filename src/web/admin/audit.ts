// 操作日志 (administrators): the audit log searched by words, action, user and dates, newest first,
// 50 entries a page; each entry's record before and after folded under it.
import { html, raw, type SafeHtml } from '../html.js';
import { t, zhPart, type Lang } from '../i18n.js';
import type { Viewer } from '../layout.js';
import type { AuditLogTable } from '../../store/schema.js';
import type { AuditQuery } from '../../store/audit-search.js';
import { adminNav, errorMessage, pager } from './form.js';

export interface AuditView {
  viewer: Viewer;
  lang: Lang;
  query: AuditQuery;
  actions: string[];
  rows: AuditLogTable[];
  more: boolean;
  error?: string;
}

const short = (json: string | null) => (json && json.length > 600 ? `${json.slice(0, 600)}…` : json ?? '');

export function auditPage(v: AuditView): SafeHtml {
  const { lang, query: q } = v;
  const params = { q: q.q, action: q.action, user: q.user, from: q.from, to: q.to };
  return html`${adminNav(v.viewer, lang, '/admin/audit')}
<form method="get" action="/admin/audit" class="filters" role="search">
<label for="a-q">${t('查找', lang)}</label><input id="a-q" name="q" value="${q.q ?? ''}" maxlength="100">
<label for="a-action">${t('操作', lang)}</label><select id="a-action" name="action"><option value="">${t('全部', lang)}</option>${v.actions.map((a) => html`<option${a === q.action ? raw(' selected') : ''}>${a}</option>`)}</select>
<label for="a-user">${t('用户名', lang)}</label><input id="a-user" name="user" value="${q.user ?? ''}" maxlength="64" size="12">
<label for="a-from">${t('从', lang)}</label><input id="a-from" name="from" type="date" value="${q.from ?? ''}">
<label for="a-to">${t('到', lang)}</label><input id="a-to" name="to" type="date" value="${q.to ?? ''}">
<button type="submit">${t('查找', lang)}</button></form>
${errorMessage(v.error, lang)}
<table><caption>${t('操作日志', lang)}</caption>
<thead><tr><th scope="col">${t('时间', lang)}</th><th scope="col">${t('用户', lang)}</th><th scope="col">${t('操作', lang)}</th><th scope="col">${t('对象', lang)}</th><th scope="col">${t('内容', lang)}</th></tr></thead>
<tbody>${v.rows.length ? v.rows.map((r) => html`<tr><td>${r.at.replace('T', ' ').slice(0, 19)}</td><td>${zhPart(r.username ?? '—', lang)}</td><td>${r.action}</td><td>${r.entity}${r.entity_id ? html`<br><small>${zhPart(r.entity_id.slice(0, 80), lang)}</small>` : ''}</td>
<td>${r.before || r.after ? html`<details><summary>${t('修改前后', lang)}</summary>${r.before ? html`<p><strong>${t('修改前', lang)}</strong> <code style="word-break:break-all">${zhPart(short(r.before), lang)}</code></p>` : ''}${r.after ? html`<p><strong>${t('修改后', lang)}</strong> <code style="word-break:break-all">${zhPart(short(r.after), lang)}</code></p>` : ''}</details>` : ''}</td></tr>`) : html`<tr><td colspan="5">${t('没有符合条件的记录', lang)}</td></tr>`}</tbody></table>
${pager(lang, '/admin/audit', params, q.page, v.more)}`;
}

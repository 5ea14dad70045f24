// 用户管理 (administrators): the users with their role, units and state, a form that creates one, and a
// user's page with the forms that change role, units and name, disable or enable, and reset the password.
// A refused form comes back with what was typed and the error next to it. Also 修改密码 for everyone.
import { html, raw, type SafeHtml } from '../html.js';
import { t, tf, zhPart, type Lang } from '../i18n.js';
import type { Viewer } from '../layout.js';
import { ROLES, type Role } from '../../server/auth.js';
import { MIN_PASSWORD, ROLE_LABEL, type UserRow } from '../../server/users.js';
import { adminNav, csrfField, doneMessage, errorMessage, field } from './form.js';

export interface UserFormState {
  values: Record<string, string>;
  units: string[];
  error?: string;
  field?: string;
}

export interface UsersView {
  viewer: Viewer;
  lang: Lang;
  csrf?: string;
  users: UserRow[];
  catalogue: string[];
  done?: string;
  form?: UserFormState;
}

function roleSelect(lang: Lang, value: string, invalid: boolean): SafeHtml {
  return html`<label for="f-role">${t('角色', lang)}</label><select id="f-role" name="role"${invalid ? raw(' aria-invalid="true"') : ''}>${ROLES.map((r) => html`<option value="${r}"${r === value ? raw(' selected') : ''}>${t(ROLE_LABEL[r], lang)}</option>`)}</select>`;
}

function unitSelect(lang: Lang, catalogue: string[], chosen: string[], invalid: boolean): SafeHtml {
  return html`<label for="f-units">${t('绑定的责任单位', lang)}</label><small class="muted" id="units-hint" style="display:block">${t('仅责任单位用户需要；按住 Ctrl 或 ⌘ 可多选', lang)}</small>
<select id="f-units" name="units" multiple size="8" aria-describedby="units-hint"${invalid ? raw(' aria-invalid="true"') : ''} style="max-width:100%">${catalogue.map((u) => html`<option value="${u}"${chosen.includes(u) ? raw(' selected') : ''} lang="zh-CN">${u}</option>`)}</select>`;
}

const roleName = (r: Role, lang: Lang) => t(ROLE_LABEL[r] ?? r, lang);
const EMAIL_HINT = '提醒和督办回复通知发到这里；留空则只在系统内提醒';

export function usersPage(v: UsersView): SafeHtml {
  const { lang } = v;
  const f = v.form ?? { values: { role: 'department' }, units: [] };
  const bad = (name: string) => f.field === name;
  return html`${adminNav(v.viewer, lang, '/admin/users')}${doneMessage(v.done, lang)}
<table><caption>${tf('{a}（{b}）', lang, { a: t('用户', lang), b: v.users.length })}</caption>
<thead><tr><th scope="col">${t('用户名', lang)}</th><th scope="col">${t('姓名', lang)}</th><th scope="col">${t('角色', lang)}</th><th scope="col">${t('责任单位', lang)}</th><th scope="col">${t('电子邮件', lang)}</th><th scope="col">${t('状态', lang)}</th></tr></thead>
<tbody>${v.users.map((u) => html`<tr><td><a href="/admin/users/${encodeURIComponent(u.id)}">${u.username}</a></td><td>${zhPart(u.displayName, lang)}</td><td>${roleName(u.role, lang)}</td><td>${zhPart(u.units.join('、'), lang)}</td><td>${u.email ?? ''}</td><td>${u.disabled ? html`<strong class="error">${t('已停用', lang)}</strong>` : t('正常', lang)}</td></tr>`)}</tbody></table>
<h2 id="new">${t('新建用户', lang)}</h2>
${errorMessage(f.error, lang)}
<form method="post" action="/admin/users">${csrfField(v.csrf)}
${field(lang, '用户名', 'username', f.values.username ?? '', { required: true, autocomplete: 'off', maxlength: 40, hint: '2–40 个字母、数字、点、下划线或连字符', invalid: bad('username') })}
${field(lang, '姓名或单位名称', 'displayName', f.values.displayName ?? '', { required: true, maxlength: 100, invalid: bad('displayName') })}
${roleSelect(lang, f.values.role ?? 'department', bad('role'))}
${unitSelect(lang, v.catalogue, f.units, bad('units'))}
${field(lang, '电子邮件', 'email', f.values.email ?? '', { type: 'email', autocomplete: 'off', maxlength: 200, hint: EMAIL_HINT, invalid: bad('email') })}
${field(lang, '初始密码', 'password', '', { type: 'password', required: true, autocomplete: 'new-password', hint: `至少 ${MIN_PASSWORD} 个字符`, invalid: bad('password') })}
<p><button type="submit">${t('创建用户', lang)}</button></p></form>`;
}

export interface UserView {
  viewer: Viewer;
  lang: Lang;
  csrf?: string;
  user: UserRow;
  catalogue: string[];
  done?: string;
  form?: UserFormState;
  /** The form a refused error belongs to. */
  which?: 'edit' | 'password' | 'state';
}

export function userPage(v: UserView): SafeHtml {
  const { lang, user: u } = v;
  const f = v.which === 'edit' && v.form ? v.form : { values: { displayName: u.displayName, role: u.role, email: u.email ?? '' }, units: u.units };
  const err = (w: UserView['which']) => (v.which === w ? errorMessage(v.form?.error, lang) : '');
  const action = `/admin/users/${encodeURIComponent(u.id)}`;
  return html`${adminNav(v.viewer, lang, '/admin/users')}${doneMessage(v.done, lang)}
<p><a href="/admin/users">${t('返回用户列表', lang)}</a></p>
<h2>${tf('{a}（{b}）', lang, { a: u.username, b: zhPart(u.displayName, lang) })}</h2>
<p>${tf('{a}：', lang, { a: t('状态', lang) })}${u.disabled ? html`<strong class="error">${t('已停用', lang)}</strong>` : t('正常', lang)} · ${t('创建于', lang)} ${u.createdAt.slice(0, 10)}</p>
<h2>${t('角色、单位和姓名', lang)}</h2>${err('edit')}
<form method="post" action="${action}">${csrfField(v.csrf)}
${field(lang, '姓名或单位名称', 'displayName', f.values.displayName ?? '', { required: true, maxlength: 100, invalid: v.which === 'edit' && f.field === 'displayName' })}
${roleSelect(lang, f.values.role ?? u.role, v.which === 'edit' && f.field === 'role')}
${unitSelect(lang, v.catalogue, f.units, v.which === 'edit' && f.field === 'units')}
${field(lang, '电子邮件', 'email', f.values.email ?? '', { type: 'email', autocomplete: 'off', maxlength: 200, hint: EMAIL_HINT, invalid: v.which === 'edit' && f.field === 'email' })}
<p><button type="submit">${t('保存', lang)}</button></p></form>
<h2>${t('重设密码', lang)}</h2>${err('password')}
<form method="post" action="${action}/password">${csrfField(v.csrf)}
${field(lang, '新密码', 'password', '', { type: 'password', required: true, autocomplete: 'new-password', hint: `至少 ${MIN_PASSWORD} 个字符；该用户的登录将全部结束`, invalid: v.which === 'password' })}
<p><button type="submit">${t('重设密码', lang)}</button></p></form>
<h2>${u.disabled ? t('启用', lang) : t('停用', lang)}</h2>${err('state')}
<form method="post" action="${action}/${u.disabled ? 'enable' : 'disable'}">${csrfField(v.csrf)}
<p class="muted">${u.disabled ? t('启用后该用户可以重新登录。', lang) : t('停用后该用户不能登录，已有的登录立即结束；记录和日志保留。', lang)}</p>
<p><button type="submit">${u.disabled ? t('启用该用户', lang) : t('停用该用户', lang)}</button></p></form>`;
}

export interface AccountView {
  viewer: Viewer;
  lang: Lang;
  csrf?: string;
  done?: string;
  error?: string;
  field?: string;
}

export function accountPage(v: AccountView): SafeHtml {
  const { lang } = v;
  return html`${adminNav(v.viewer, lang, '/account')}${doneMessage(v.done, lang)}
<p>${tf('{a}：', lang, { a: t('用户名', lang) })}<strong>${v.viewer.username}</strong> · ${tf('{a}：', lang, { a: t('角色', lang) })}${roleName(v.viewer.role, lang)}</p>
${errorMessage(v.error, lang)}
<form method="post" action="/account/password">${csrfField(v.csrf)}
${field(lang, '原密码', 'old', '', { type: 'password', required: true, autocomplete: 'current-password', invalid: v.field === 'old' })}
${field(lang, '新密码', 'password', '', { type: 'password', required: true, autocomplete: 'new-password', hint: `至少 ${MIN_PASSWORD} 个字符`, invalid: v.field === 'password' })}
${field(lang, '再次输入新密码', 'confirm', '', { type: 'password', required: true, autocomplete: 'new-password', invalid: v.field === 'confirm' })}
<p><button type="submit">${t('修改密码', lang)}</button></p></form>`;
}

// The pieces of the administration forms: the message after an action (named by a code in the address,
// so no text from the address reaches the page), the error of a refused form with the field it is about,
// labelled inputs that keep what was typed, and the sub-navigation of the administration pages.
import { html, raw, type SafeHtml } from '../html.js';
import { t, type Lang } from '../i18n.js';
import type { Viewer } from '../layout.js';

/** What each action says when it is done (`?ok=code`). */
export const DONE: Record<string, string> = {
  'user-added': '已创建用户',
  'user-updated': '已保存用户的角色、单位和姓名',
  'user-disabled': '已停用该用户，其登录已全部结束',
  'user-enabled': '已启用该用户',
  'password-reset': '已重设密码，该用户的登录已全部结束',
  'password-changed': '密码已修改，其他设备上的登录已结束',
  'indicator-saved': '已保存指标，监测数据已按新的名称、同义词和方向重新生成',
  'target-assigned': '已保存目标的责任单位',
  'link-set': '已关联到指标，监测数据已重新生成',
  'actual-added': '已录入官方数据',
  'actual-unchanged': '库中已有相同的数据，未重复录入',
  'issue-settled': '已核定',
};

export function doneMessage(code: string | undefined, lang: Lang): SafeHtml {
  const text = code ? DONE[code] : undefined;
  return text ? html`<p class="notice" role="status">${t(text, lang)}</p>` : html``;
}

export function errorMessage(error: string | undefined, lang: Lang): SafeHtml {
  return error ? html`<p class="error" role="alert" id="form-error">${t(error, lang)}</p>` : html``;
}

export interface FieldOpts {
  type?: string;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  hint?: string;
  /** The field the error is about: marked invalid and described by the error. */
  invalid?: boolean;
}

/** A labelled input keeping its value (passwords are never put back). */
export function field(lang: Lang, label: string, name: string, value: string, o: FieldOpts = {}): SafeHtml {
  const id = `f-${name}`;
  return html`<label for="${id}">${t(label, lang)}</label><input id="${id}" name="${name}" type="${o.type ?? 'text'}" value="${o.type === 'password' ? '' : value}"${o.required ? raw(' required') : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''} maxlength="${o.maxlength ?? 200}"${o.invalid ? raw(' aria-invalid="true" aria-describedby="form-error"') : ''}>${o.hint ? html`<small class="muted"> ${t(o.hint, lang)}</small>` : ''}`;
}

export const csrfField = (csrf: string | undefined) => html`<input type="hidden" name="_csrf" value="${csrf ?? ''}">`;

const SECTIONS: Array<[string, string, Viewer['role'][]]> = [
  ['/admin/users', '用户管理', ['admin']],
  ['/admin/uploads', '上传文件', ['admin', 'planner']],
  ['/issues', '核定与关联', ['admin', 'planner']],
  ['/admin/registry', '指标库', ['admin', 'planner']],
  ['/admin/targets', '目标责任单位', ['admin', 'planner']],
  ['/admin/audit', '操作日志', ['admin']],
  ['/account', '修改密码', ['admin', 'planner', 'department', 'supervisor', 'leader']],
];

/** The administration sections this viewer may open. */
export function adminNav(viewer: Viewer | undefined, lang: Lang, current: string): SafeHtml {
  const links = SECTIONS.filter(([, , who]) => viewer && who.includes(viewer.role));
  return html`<nav aria-label="${t('管理', lang)}" class="filters">${links.map(([href, label]) => html`<a href="${href}"${href === current ? raw(' aria-current="page"') : ''}>${t(label, lang)}</a>`)}</nav>`;
}

/** Paging links of a list: previous and next, keeping the other query parameters. */
export function pager(lang: Lang, base: string, params: Record<string, string | undefined>, page: number, more: boolean): SafeHtml {
  const href = (p: number) => `${base}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(params).filter(([, v]) => v)), page: String(p) } as Record<string, string>)}`;
  return html`<p class="pager">${t('第', lang)} ${page} ${t('页', lang)}${page > 1 ? html`<a href="${href(page - 1)}">${t('上一页', lang)}</a>` : ''}${more ? html`<a href="${href(page + 1)}">${t('下一页', lang)}</a>` : ''}</p>`;
}

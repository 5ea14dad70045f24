// The error page: what happened (by status code), the server's message in the page's language, and
// ways back — the page the visitor came from, the start page, the login page when a login would help.
import { html, type SafeHtml } from '../html.js';
import { hasEnglish, t, zhPart } from '../i18n.js';
import { page, type PageContext } from '../layout.js';

const TITLE: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '无权访问',
  404: '页面不存在',
  405: '请求方式不支持',
  413: '请求内容过大',
  414: '请求地址过长',
  415: '不支持的请求内容类型',
  429: '请求过于频繁',
  500: '服务器内部错误',
};

const HINT: Record<number, string> = {
  403: '如需访问，请联系系统管理员调整角色或责任单位。',
  404: '地址可能有误，或该内容已被删除。',
  413: '请缩小文件或减少内容后重试。',
  415: '请使用页面上的表单提交，或上传支持的文件格式。',
  500: '错误已记录。请稍后重试；如问题持续，请联系系统管理员。',
};

const titleOf = (code: number) => TITLE[code] ?? (code >= 500 ? TITLE[500] : TITLE[400]);

export function errorPage(ctx: PageContext, code: number, message: string, back?: string): SafeHtml {
  const { lang } = ctx;
  const title = titleOf(code);
  const said = message && message !== title ? (hasEnglish(message) ? t(message, lang) : zhPart(message, lang)) : '';
  const home = ctx.viewer ? '/' : '/public';
  const login = !ctx.viewer && (code === 401 || code === 403);
  const csrf = code === 403 && /CSRF/.test(message);
  return page(
    ctx,
    `${code} ${t(title, lang)}`,
    html`<div class="notice" role="alert">${said ? html`<p><strong>${said}</strong></p>` : ''}
${HINT[code] ? html`<p>${t(HINT[code], lang)}</p>` : ''}${csrf ? html`<p>${t('页面打开太久或已在别处退出登录：请返回上一页，刷新后再提交。', lang)}</p>` : ''}${!said && !HINT[code] ? html`<p>${t(title, lang)}</p>` : ''}</div>
<ul class="back">${back ? html`<li><a href="${back}">${t('返回上一页', lang)}</a></li>` : ''}
<li><a href="${home}">${t(ctx.viewer ? '返回总览' : '查看公开数据', lang)}</a></li>
${login ? html`<li><a href="/login">${t('登录', lang)}</a></li>` : ''}</ul>`,
  );
}

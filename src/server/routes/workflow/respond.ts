// Answers and form fields shared by the workflow's mutating routes: 403 / 404 / 409 / 400 pages,
// a conflict raised inside a transaction (rolls it back), and the checked fields of a form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../web/html.js';
import { secureFlag } from '../../guard.js';
import { page } from '../../../web/layout.js';
import { validPeriod } from '../../../monitor/workflow.js';
import { markZh, t, ts, type Lang } from '../../../web/i18n.js';

/** Thrown inside a transaction when a row changed since the form was shown: nothing is written. */
export class Conflict extends Error {}

/** An error page; `message` in the page's language (a sentence of the interface is translated here). */
export function fail(reply: FastifyReply, code: number, message: string) {
  const lang = reply.request.lang;
  const back = reply.request.headers.referer;
  const body = html`<p class="error" role="alert">${markZh(t(message, lang), lang)}</p>${back && /^https?:\/\/[^/]+\//.test(back) ? html`<p><a href="${new URL(back).pathname}">${t('返回', lang)}</a></p>` : ''}`;
  return reply.code(code).type('text/html; charset=utf-8').send(page(reply.ctx(), ts('{code} 未能完成', lang, { code }), body).value);
}

export const deny = (reply: FastifyReply, what = '只能为本单位的任务、指标和督办通知填报或回复') =>
  fail(reply, 403, ts('403 无权操作：{what}', reply.request.lang, { what: t(what, reply.request.lang) }));
export const notFound = (reply: FastifyReply, what: string) => fail(reply, 404, ts('404 {what}不存在', reply.request.lang, { what: t(what, reply.request.lang) }));
export const conflict = (reply: FastifyReply, message?: string) =>
  fail(reply, 409, message ?? '409 此记录已被他人修改，您的修改没有保存。请刷新页面，查看最新内容后重试。');

const FLASH = 'lantu_flash';

/** Redirects (303) to a page that then shows `message` once: the flash of a successful action. */
export function redirectWith(reply: FastifyReply, to: string, message: string): FastifyReply {
  reply.setCookie(FLASH, message.slice(0, 300), { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 120, secure: secureFlag(reply.server.lantu) as boolean });
  return reply.redirect(to, 303);
}

/** The flash message for this page, if one waits (it is shown once). */
export function takeFlash(req: FastifyRequest, reply: FastifyReply): string | undefined {
  const c = req.cookies[FLASH];
  if (!c) return undefined;
  reply.clearCookie(FLASH, { path: '/' });
  const u = req.unsignCookie(c);
  return u.valid && u.value ? u.value : undefined;
}

/** A flash message (success), or an error of the form shown (kept input below it); made in the page's language (ts), its Chinese parts marked. */
export const flashBox = (message: string | undefined, lang: Lang): SafeHtml | '' => (message ? html`<p class="notice" role="status">✓ ${markZh(message, lang)}</p>` : '');
export const errorBox = (message: string | undefined, lang: Lang): SafeHtml | '' => (message ? html`<p class="error" role="alert">${markZh(t(message, lang), lang)}</p>` : '');

/** A file over the multipart limit (10 MB): the body was read only up to it. */
export const fileTooLarge = (e: unknown): boolean => (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';

/** The fields read before a multipart body was cut off (the multipart plugin keeps them as {value} parts). */
export function partialFields(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((req.body as Record<string, unknown> | undefined) ?? {})) {
    const x = Array.isArray(v) ? v[0] : v;
    const value = typeof x === 'string' ? x : x && typeof x === 'object' && typeof (x as { value?: unknown }).value === 'string' ? (x as { value: string }).value : undefined;
    if (value !== undefined) out[k] = value.trim();
  }
  return out;
}

/**
 * A route's error handler for uploads: a file over the limit shows the form again (through `show`, with
 * the fields typed before it) instead of a bare 413; any other error goes on to the application's handler.
 */
export const showTooLarge = (show: (req: FastifyRequest, reply: FastifyReply, f: Record<string, string>) => Promise<FastifyReply | undefined>) =>
  async (err: Error, req: FastifyRequest, reply: FastifyReply) => {
    if (!fileTooLarge(err) || !req.viewer) throw err;
    const shown = await show(req, reply, partialFields(req));
    if (!shown) throw err;
    return shown;
  };

/** The form's fields as strings (multipart and url-encoded alike; a repeated field: its first value). */
export function fields(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((req.body as Record<string, unknown> | undefined) ?? {})) {
    const x = Array.isArray(v) ? v[0] : v;
    if (typeof x === 'string') out[k] = x.trim();
  }
  return out;
}

/** The version a form carries, or undefined when missing or not a positive integer. */
export function versionOf(f: Record<string, string>): number | undefined {
  const n = Number(f.version);
  return /^\d+$/.test(f.version ?? '') && n >= 1 ? n : undefined;
}

export interface UpdateInput {
  period: string;
  value: number | null;
  progress: number | null;
  text: string;
}

const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s.replace(/[,，\s]/g, '')));

/** The checked fields of a progress update; progress (0–100 %) only for tasks. */
export function updateInput(f: Record<string, string>, kind: string, lang: Lang): UpdateInput | { error: string } {
  if (!validPeriod(f.period ?? '')) return { error: '报告期应写作 2025、2025-Q2、2025-H1 或 2025-06' };
  const value = num(f.value);
  if (value !== null && !Number.isFinite(value)) return { error: ts('数值“{value}”不是数字', lang, { value: f.value }) };
  const progress = kind === 'task' ? num(f.progress) : null;
  if (progress !== null && !(Number.isFinite(progress) && progress >= 0 && progress <= 100)) return { error: '完成进度应在 0 到 100 之间' };
  const text = f.text ?? '';
  if (!text) return { error: '请填写进展情况' };
  if (text.length > 5000) return { error: '进展情况不能超过 5000 字' };
  return { period: f.period, value, progress, text };
}

export const nowIso = () => new Date().toISOString();

/** Did a conditional UPDATE change a row? */
export const changed = (r: { numUpdatedRows: bigint } | undefined) => !!r && r.numUpdatedRows > 0n;

// Helpers of the page routes: sending a page, 404, the login guard, today's date.
import type { FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../../../web/html.js';
import { page, type Heading } from '../../../web/layout.js';
import { t, zhPart } from '../../../web/i18n.js';
import { requireRole } from '../../auth.js';

export function sendPage(reply: FastifyReply, title: string | Heading, body: SafeHtml): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(page(reply.ctx(), title, body).value);
}

export function notFound(reply: FastifyReply, what: string): FastifyReply {
  const lang = reply.request.lang;
  return sendPage(reply.code(404), '未找到', html`<p>${lang === 'en' ? html`${t(what, lang) === what ? zhPart(what, lang) : t(what, lang)} does not exist or has been deleted.` : html`${what}不存在或已被删除。`}</p><p><a href="/">${t('返回总览', lang)}</a></p>`);
}

/** Any logged-in user. */
export const loggedIn = { preHandler: requireRole() };

export { today } from '../../../monitor/statuses.js';

export const query = (req: { query: unknown }): Record<string, string | undefined> => {
  const q = (req.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined]));
};

// Helpers of the page routes: sending a page, 404, the login guard, today's date.
import type { FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../../../web/html.js';
import { page } from '../../../web/layout.js';
import { requireRole } from '../../auth.js';

export function sendPage(reply: FastifyReply, title: string, body: SafeHtml): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(page(reply.ctx(), title, body).value);
}

export function notFound(reply: FastifyReply, what: string): FastifyReply {
  return sendPage(reply.code(404), '未找到', html`<p>${what}不存在或已被删除。</p><p><a href="/">返回总览</a></p>`);
}

/** Any logged-in user. */
export const loggedIn = { preHandler: requireRole() };

export { today } from '../../../monitor/statuses.js';

export const query = (req: { query: unknown }): Record<string, string | undefined> => {
  const q = (req.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined]));
};

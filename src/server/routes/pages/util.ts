// Helpers of the page routes: sending a page, a page kept until the store changes, 404, the login guard,
// today's date.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../web/html.js';
import { page, pageBytes, readyBody, type Heading, type ReadyBody } from '../../../web/layout.js';
import { t, zhPart } from '../../../web/i18n.js';
import { requireRole } from '../../auth.js';
import { today } from '../../../monitor/statuses.js';
import { localToday } from '../../../monitor/workflow.js';

export function sendPage(reply: FastifyReply, title: string | Heading, body: SafeHtml): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(page(reply.ctx(), title, body).value);
}

export function notFound(reply: FastifyReply, what: string): FastifyReply {
  const lang = reply.request.lang;
  return sendPage(reply.code(404), '未找到', html`<p>${lang === 'en' ? html`${t(what, lang) === what ? zhPart(what, lang) : t(what, lang)} does not exist or has been deleted.` : html`${what}不存在或已被删除。`}</p><p><a href="/">${t('返回总览', lang)}</a></p>`);
}

/** What a kept page's route builds: its title and body, or the name of what is missing (a 404). */
export type Built = { title: string | Heading; body: SafeHtml } | { missing: string };
type Ready = { title: string | Heading; body: ReadyBody } | { missing: string };

/**
 * A page route whose title and body are kept in the page cache (server/page-cache.ts) until the store
 * changes, for the viewer, language, dates and URL of the request; the page around the body is the request's own.
 */
export function keptPage(build: (req: FastifyRequest) => Promise<Built>) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const key = [req.viewer?.id ?? '', req.lang, today(), localToday(), req.url].join('\n');
    const ready = async (): Promise<Ready> => {
      const b = await build(req);
      return 'body' in b ? { title: b.title, body: readyBody(b.body, req.lang) } : b;
    };
    const p = await req.server.pages.get(key, ready, (b) => ('body' in b ? 2 * b.body.value.length + Buffer.byteLength(b.body.value) + 200 : 100));
    return 'missing' in p ? notFound(reply, p.missing) : reply.type('text/html; charset=utf-8').send(pageBytes(reply.ctx(), p.title, p.body));
  };
}

/** Any logged-in user. */
export const loggedIn = { preHandler: requireRole() };

export { today };

export const query = (req: { query: unknown }): Record<string, string | undefined> => {
  const q = (req.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined]));
};

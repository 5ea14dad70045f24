// Errors as people see them: every 4xx/5xx answer — a route's plain-text refusal, a limit, a failed
// CSRF check, an unknown address, a crash — becomes a page in the page frame and the chosen language,
// with what happened and a way back. A client that asked for JSON (and not HTML) gets JSON instead.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorPage } from '../web/pages/error.js';
import { clientMessage, logFailure } from './guard.js';

/** Whether the client asked for JSON rather than a page (an API call, a script's fetch of a .json file). */
export function wantsJson(req: FastifyRequest): boolean {
  const accept = String(req.headers.accept ?? '');
  return (/application\/json/i.test(accept) && !/text\/html/i.test(accept)) || /\.json(\?|$)/.test(req.url);
}

const CSRF_MESSAGE = '请求已失效（CSRF 校验失败），请刷新页面后重试';

/** The error handler's answer: the code of the error (500 when it has none) and a message that leaks nothing. */
function describe(err: Error & { statusCode?: number; code?: string }): { code: number; message: string } {
  const code = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
  if (code >= 500) return { code, message: '服务器内部错误' };
  return { code, message: code === 403 && /csrf/i.test(err.message) ? CSRF_MESSAGE : clientMessage(err) };
}

/** A plain-text error body ("403 无权访问") → its message ("无权访问"). */
const messageOf = (text: string, code: number) => text.replace(new RegExp(`^${code}\\s*`), '').trim();

function send(req: FastifyRequest, reply: FastifyReply, code: number, message: string): FastifyReply {
  if (wantsJson(req)) return reply.code(code).type('application/json; charset=utf-8').send(JSON.stringify({ statusCode: code, error: message }));
  return reply.code(code).type('text/plain; charset=utf-8').send(`${code} ${message}`);
}

export function installErrorPages(app: FastifyInstance): void {
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const { code, message } = describe(err);
    if (code >= 500) logFailure(req, err);
    return send(req, reply, code, message);
  });
  app.setNotFoundHandler((req, reply) => send(req, reply, 404, '页面不存在'));
  // every plain-text error answer, wherever it was written, is sent as a page to a browser
  app.addHook('onSend', async (req, reply, payload) => {
    const code = reply.statusCode;
    if (code < 400 || typeof payload !== 'string' || wantsJson(req)) return payload;
    if (!/^text\/plain/i.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    reply.type('text/html; charset=utf-8');
    return errorPage(pageContext(req, reply), code, messageOf(payload, code), refererPath(req)).value;
  });
}

/** The page context of an error: no CSRF token is made here (a failed check must not renew it). */
function pageContext(req: FastifyRequest, reply: FastifyReply) {
  return { viewer: req.viewer, lang: req.lang ?? 'zh', path: req.routeOptions?.url ?? req.url, url: req.url, notifications: req.reminders, csrf: csrfOf(reply) };
}

function csrfOf(reply: FastifyReply): string | undefined {
  try {
    return reply.request.viewer ? reply.generateCsrf() : undefined;
  } catch {
    return undefined;
  }
}

/** Where the visitor came from, when it is a page of this site (for "back"). */
function refererPath(req: FastifyRequest): string | undefined {
  const ref = req.headers.referer;
  if (!ref) return undefined;
  try {
    const u = new URL(ref);
    return u.hostname === req.hostname && u.pathname + u.search !== req.url ? u.pathname + u.search : undefined;
  } catch {
    return undefined;
  }
}

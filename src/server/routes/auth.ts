// Log in and out. Failed logins are limited per account and per address (login-limit.ts); a failed
// login says nothing about whether the user exists. Logging in renews the session and the CSRF secret.
import type { FastifyInstance } from 'fastify';
import { html } from '../../web/html.js';
import { page } from '../../web/layout.js';
import { t, tf, ts } from '../../web/i18n.js';
import { SESSION_COOKIE, checkPassword, closeSession, openSession } from '../auth.js';
import { audit } from '../../store/audit.js';
import { secureFlag } from '../guard.js';
import { LoginLimiter } from '../login-limit.js';

/**
 * Where to go after login: a path of this application only. The path is normalised as a browser would
 * (backslashes, tabs and newlines, dot segments), so `/\\evil.example` or `/\t/evil.example` cannot leave the site.
 */
export function safeNext(n: unknown): string {
  if (typeof n !== 'string' || !n.startsWith('/') || n.length > 2000) return '/';
  const base = 'http://lantu.invalid';
  let u: URL;
  try {
    u = new URL(n, base);
  } catch {
    return '/';
  }
  if (u.origin !== base || u.pathname.startsWith('//')) return '/';
  return u.pathname + u.search + u.hash;
}

export async function authRoutes(app: FastifyInstance, opts: { loginRateLimit: number }) {
  const form = (reply: any, next: string, error?: string) =>
    reply.type('text/html; charset=utf-8').send(
      page(reply.ctx(), t('登录', reply.request.lang), html`
${error ? html`<p class="error" role="alert">${t(error, reply.request.lang)}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="_csrf" value="${reply.ctx().csrf}"><input type="hidden" name="next" value="${next}">
<label for="username">${t('用户名', reply.request.lang)}</label><input id="username" name="username" autocomplete="username" required>
<label for="password">${t('密码', reply.request.lang)}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<p><button type="submit">${t('登录', reply.request.lang)}</button></p>
</form><p class="muted">${tf('公众无需登录即可查看{link}。', reply.request.lang, { link: html`<a href="/public">${t('公开数据', reply.request.lang)}</a>` })}</p>`).value,
    );

  app.get('/login', async (req, reply) => form(reply, safeNext((req.query as any).next)));

  const limiter = new LoginLimiter(app.store, opts.loginRateLimit, opts.loginRateLimit * 3);
  app.post('/login', async (req, reply) => {
    const b = req.body as Record<string, unknown>;
    const username = typeof b?.username === 'string' ? b.username.slice(0, 200) : '';
    const wait = await limiter.retryAfter(username, req.ip);
    if (wait) return reply.code(429).header('retry-after', String(wait)).type('text/plain; charset=utf-8').send(ts('429 登录失败次数过多，请 {wait} 秒后再试', reply.request.lang, { wait }));
    const userId = await checkPassword(app.store, username, typeof b?.password === 'string' ? b.password : '');
    if (!userId) {
      await limiter.failed(username, req.ip);
      await audit(app.store, undefined, 'login-failed', 'user', null, undefined, { username: username.slice(0, 64) });
      return form(reply.code(401), safeNext(b?.next), '用户名或密码不正确');
    }
    await limiter.succeeded(username);
    // a new session (the one this browser had, if any, ends) and a new CSRF secret
    const old = req.cookies[SESSION_COOKIE] ? req.unsignCookie(req.cookies[SESSION_COOKIE]) : undefined;
    if (old?.valid && old.value) await closeSession(app.store, old.value);
    delete req.cookies._csrf;
    reply.generateCsrf();
    const sid = await openSession(app.store, userId);
    await audit(app.store, { id: userId } as any, 'login', 'user', userId, undefined, undefined);
    reply.setCookie(SESSION_COOKIE, sid, { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: secureFlag(app.lantu) as boolean, maxAge: 12 * 3600 });
    return reply.redirect(safeNext(b?.next), 303);
  });

  app.post('/logout', async (req, reply) => {
    const sid = req.cookies[SESSION_COOKIE] ? req.unsignCookie(req.cookies[SESSION_COOKIE]) : undefined;
    if (sid?.valid && sid.value) await closeSession(app.store, sid.value);
    if (req.viewer) await audit(app.store, req.viewer, 'logout', 'user', req.viewer.id, undefined, undefined);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/public', 303);
  });
}

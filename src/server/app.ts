// The web application on a store: security (helmet headers, sessions, CSRF on every unsafe request,
// limited failed logins, body limits: see guard.ts), the viewer on every request, the language, and the
// routes of each page.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fstatic from '@fastify/static';
import type { Store } from '../store/db.js';
import type { Lang } from '../web/i18n.js';
import type { PageContext, Viewer } from '../web/layout.js';
import { SESSION_COOKIE, viewerOf } from './auth.js';
import { authRoutes } from './routes/auth.js';
import { registerPages } from './routes/index.js';
import { reminderCount } from './routes/workflow/data.js';
import { localToday } from '../monitor/workflow.js';
import { BODY_LIMIT, MULTIPART_LIMITS, guardMultipart, limitUrl, noStore, secureFlag } from './guard.js';
import { installErrorPages } from './errors.js';
import { pageCache, type PageCache } from './page-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    viewer?: Viewer;
    lang: Lang;
    reminders?: number;
  }
  interface FastifyReply {
    ctx(): PageContext;
  }
  interface FastifyInstance {
    store: Store;
    lantu: AppOptions;
    pages: PageCache;
  }
}

export interface AppOptions {
  store: Store;
  /** Where uploaded evidence files go. */
  uploadDir: string;
  /** Secret for signed cookies. */
  cookieSecret: string;
  /** Mark cookies Secure always (served over HTTPS). */
  secureCookies?: boolean;
  /** Behind a reverse proxy: trust its X-Forwarded-For/-Proto (true, a hop count or addresses); cookies are then Secure when the proxy says https. */
  trustProxy?: boolean | number | string;
  logger?: boolean;
  /** Failed logins per minute per account (per address: three times as many). */
  loginRateLimit?: number;
  /** Megabytes of page bodies kept until the store changes (page-cache.ts); 0 keeps none. Default: LANTU_PAGE_CACHE_MB or 32. */
  pageCacheMB?: number;
}


const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: (opts.trustProxy ?? false) as boolean, bodyLimit: BODY_LIMIT, routerOptions: { maxParamLength: 500 } });
  app.decorate('store', opts.store);
  app.decorate('lantu', opts);
  app.decorate('pages', pageCache(opts.store, (opts.pageCacheMB ?? Number(process.env.LANTU_PAGE_CACHE_MB || 32)) * 2 ** 20));
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null },
    },
  });
  await app.register(cookie, { secret: opts.cookieSecret });
  await app.register(formbody);
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: MULTIPART_LIMITS });
  await app.register(csrf, { cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: secureFlag(opts) as boolean },
    // a multipart body is checked before it is read (guard.ts): its token comes in the query string
    getToken: (req) => (req.body as Record<string, string> | undefined)?._csrf ?? (req.headers['x-csrf-token'] as string | undefined) ?? (/^multipart\//i.test(String(req.headers['content-type'] ?? '')) ? (req.query as Record<string, string>)._csrf : undefined) });
  const echarts = dirname(createRequire(import.meta.url).resolve('echarts/package.json'));
  await app.register(fstatic, { root: join(echarts, 'dist'), prefix: '/assets/echarts/', decorateReply: false, allowedPath: (p) => p === '/echarts.min.js' });

  app.decorateRequest('viewer', undefined);
  app.decorateRequest('lang', 'zh');
  app.decorateReply('ctx', function (this: any) {
    const req = this.request;
    return { viewer: req.viewer, lang: req.lang, path: req.routeOptions?.url ?? req.url, url: req.url, csrf: this.generateCsrf(), notifications: req.reminders } as PageContext;
  });
  app.addHook('onRequest', limitUrl);
  app.addHook('onRequest', async (req, reply) => {
    const q = (req.query as Record<string, string> | undefined)?.lang;
    if (q === 'en' || q === 'zh') reply.setCookie('lantu_lang', q, { path: '/', sameSite: 'lax', httpOnly: true, secure: secureFlag(opts) as boolean });
    req.lang = (q ?? req.cookies.lantu_lang) === 'en' ? 'en' : 'zh';
    const sid = req.cookies[SESSION_COOKIE] ? req.unsignCookie(req.cookies[SESSION_COOKIE]) : undefined;
    req.viewer = sid?.valid && sid.value ? await viewerOf(opts.store, sid.value) : undefined;
  });
  app.addHook('onRequest', guardMultipart(app));
  app.addHook('onSend', noStore);
  app.addHook('preHandler', (req, reply, done) => {
    if (UNSAFE.has(req.method)) return app.csrfProtection(req, reply, done);
    done();
  });
  // the reminders count in the page header, for pages (not downloads or assets) seen by a logged-in user
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'GET' || !req.viewer || /^\/(assets|public)\b|\.(csv|json|xlsx|docx|md|html)(\?|$)|\/evidence/.test(req.url)) return;
    req.reminders = await reminderCount(opts.store, req.viewer, localToday());
  });
  installErrorPages(app);
  await app.register(authRoutes, { loginRateLimit: opts.loginRateLimit ?? 10 });
  await registerPages(app);
  return app;
}

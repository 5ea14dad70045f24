// A web application on an embedded store holding the project samples, with one user per role, for
// tests through app.inject() (no network). Every user's password is PASSWORD.
//   const t = await testApp(); const cookie = await t.login('planner');
//   const res = await t.app.inject({ url: '/', headers: { cookie } }); … await t.close();
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ingestPaths } from '../../src/cli/ingest.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { createUser } from '../../src/server/auth.js';
import { openStore, type Store } from '../../src/store/db.js';

export const PASSWORD = 'correct-horse-battery';
export const samplesDir = fileURLToPath(new URL('../../samples/', import.meta.url));

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  /** The units the department users answer for (units of the samples' tasks). */
  units: { 'dept-edu': string; 'dept-other': string };
  /** Logs in (GET /login for the CSRF cookie and token, POST /login); returns the Cookie header to send. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The CSRF token of a page's forms (every page of a logged-in user has one in the logout form). */
export function csrfToken(body: string): string {
  const m = body.match(/name="_csrf" value="([^"]+)"/);
  if (!m) throw new Error('no _csrf field in the page');
  return m[1];
}

/** name=value pairs of a response's Set-Cookie headers. */
function cookiesOf(setCookie: string | string[] | undefined): Map<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return new Map(list.map((c) => c.split(';')[0]).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

export async function testApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-web-'));
  const store = await openStore({ url: '', dataDir: join(dir, 'data') });
  await ingestPaths(store, [samplesDir]);
  const units = await store.selectFrom('task_units').select('unit').select((e) => e.fn.countAll().as('n')).groupBy('unit').orderBy('n', 'desc').orderBy('unit').limit(2).execute();
  if (units.length < 2) throw new Error('the samples name fewer than two responsible units');
  const bound = { 'dept-edu': units[0].unit, 'dept-other': units[1].unit };
  const users: Array<[string, string, Parameters<typeof createUser>[1]['role'], string[]]> = [
    ['admin', '系统管理员', 'admin', []],
    ['planner', '规划科', 'planner', []],
    ['dept-edu', bound['dept-edu'], 'department', [bound['dept-edu']]],
    ['dept-other', bound['dept-other'], 'department', [bound['dept-other']]],
    ['supervisor', '督查室', 'supervisor', []],
    ['leader', '分管领导', 'leader', []],
  ];
  for (const [username, displayName, role, us] of users) await createUser(store, { username, displayName, password: PASSWORD, role, units: us });
  const app = await buildApp({ store, uploadDir: join(dir, 'uploads'), cookieSecret: 'test-secret-at-least-32-characters-long', loginRateLimit: 1000, ...options });
  await app.ready();

  async function login(username: string): Promise<string> {
    const form = await app.inject({ method: 'GET', url: '/login' });
    const jar = cookiesOf(form.headers['set-cookie']);
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfToken(form.body), username, password: PASSWORD, next: '/' }).toString(),
    });
    if (res.statusCode !== 303) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
    for (const [k, v] of cookiesOf(res.headers['set-cookie'])) jar.set(k, v);
    return cookie();
  }

  return {
    app,
    store,
    units: bound,
    login,
    async close() {
      await app.close();
      await store.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A logged-in user of a test app: its cookie and CSRF token, GET, and POST of a url-encoded form. */
export async function session(t: TestApp, username: string) {
  const cookie = await t.login(username);
  const token = csrfToken((await t.app.inject({ url: '/notifications', headers: { cookie } })).body);
  return {
    cookie,
    token,
    get: (url: string) => t.app.inject({ url, headers: { cookie } }),
    post: (url: string, form: Record<string, string>) =>
      t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...form }).toString() }),
  };
}

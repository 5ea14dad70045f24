// Two `lantu serve` processes on one PostgreSQL database work as one: they start together and load an
// empty store once (a lock in the store), sign cookies with the secret kept in the store, so a session and
// a CSRF token of one are good on the other, and count failed logins together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cookieSecret, prepareStore } from '../../src/cli/serve.js';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/db.js';
import { postgresAvailable, postgresStore } from '../store/stores.js';
import { csrfToken } from './helpers.js';

const skip = !(await postgresAvailable()) && !process.env.CI && 'PostgreSQL not reachable: two servers on one database not tested';
const PASSWORD = 'two-servers-password';

test('two servers on one database: one start-up load, shared sessions, CSRF tokens and login limits', { skip }, async () => {
  const first = await postgresStore();
  const second = await openStore({ url: first.url });
  const apps: Array<Awaited<ReturnType<typeof buildApp>>> = [];
  const before = process.env.LANTU_DEMO_PASSWORD;
  process.env.LANTU_DEMO_PASSWORD = PASSWORD;
  try {
    // both start at once on the empty store: the samples are loaded and the accounts made once
    const said: string[] = [];
    await Promise.all([prepareStore(first.store, (l) => said.push(l)), prepareStore(second, (l) => said.push(l))]);
    assert.equal(said.filter((l) => l.startsWith('empty store')).length, 1, said.join('\n'));
    const users = await second.selectFrom('users').select('username').execute();
    assert.equal(new Set(users.map((u) => u.username)).size, users.length);
    assert.ok(users.some((u) => u.username === 'planner'));

    // each has its own data directory; the secret is the store's
    const secrets = await Promise.all([cookieSecret(first.store, mkdtempSync(join(tmpdir(), 'lantu-a-'))), cookieSecret(second, mkdtempSync(join(tmpdir(), 'lantu-b-')))]);
    assert.equal(secrets[0], secrets[1]);
    for (const store of [first.store, second]) apps.push(await buildApp({ store, uploadDir: mkdtempSync(join(tmpdir(), 'lantu-up-')), cookieSecret: secrets[0], loginRateLimit: 3 }));
    const [a, b] = apps;
    const cookiesOf = (h: string | string[] | undefined) => (Array.isArray(h) ? h : h ? [h] : []).map((c) => c.split(';')[0]);

    // logged in on A, known on B; a form of A posted to B
    const form = await a.inject({ url: '/login' });
    const jar = cookiesOf(form.headers['set-cookie']);
    const login = await a.inject({ method: 'POST', url: '/login', headers: { cookie: jar.join('; '), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrfToken(form.body), username: 'planner', password: PASSWORD }).toString() });
    assert.equal(login.statusCode, 303);
    const cookie = [...jar.filter((c) => !c.startsWith('_csrf=')), ...cookiesOf(login.headers['set-cookie'])].join('; ');
    const page = await b.inject({ url: '/', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /planner|规划科/);
    const onA = await a.inject({ url: '/notifications', headers: { cookie } });
    const out = await b.inject({ method: 'POST', url: '/logout', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrfToken(onA.body))}` });
    assert.equal(out.statusCode, 303, 'the CSRF token of A is good on B');
    assert.equal((await a.inject({ url: '/', headers: { cookie } })).statusCode, 302, 'logged out on B is logged out on A');

    // three failures on A, the fourth attempt on B is refused
    const attempt = async (app: typeof a) => {
      const f = await app.inject({ url: '/login', remoteAddress: '10.1.2.3' });
      return app.inject({ method: 'POST', url: '/login', remoteAddress: '10.1.2.3', headers: { cookie: cookiesOf(f.headers['set-cookie']).join('; '), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrfToken(f.body), username: 'leader', password: 'wrong' }).toString() });
    };
    for (let i = 0; i < 3; i++) assert.equal((await attempt(a)).statusCode, 401);
    assert.equal((await attempt(b)).statusCode, 429);
  } finally {
    if (before === undefined) delete process.env.LANTU_DEMO_PASSWORD;
    else process.env.LANTU_DEMO_PASSWORD = before;
    for (const app of apps) await app.close();
    await second.destroy();
    await first.close();
  }
});

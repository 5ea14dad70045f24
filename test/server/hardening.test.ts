// Sessions and cookies under an attacker's eye: Secure cookies behind TLS (configured, or a trusted
// proxy saying https), the CSRF secret and the session renewed at login, no caching of authenticated
// pages, failed logins limited per account and per address (successes not counted), and malformed
// requests answered with 4xx, never 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { createUser } from '../../src/server/auth.js';
import { openStore } from '../../src/store/db.js';
import { trustProxySetting } from '../../src/cli/serve.js';

const PASSWORD = 'correct-horse-battery';

async function setup(options: Partial<AppOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-hard-'));
  const store = await openStore({ url: '', dataDir: dir });
  for (const u of ['planner', 'other']) await createUser(store, { username: u, displayName: u, password: PASSWORD, role: 'planner' });
  const app = await buildApp({ store, uploadDir: join(dir, 'up'), cookieSecret: 'test-secret-at-least-32-characters-long', loginRateLimit: 3, ...options });
  /** Logs in (or tries to) from an address; returns the response and the cookies it ends with. */
  const login = async (username: string, password = PASSWORD, extra: { remoteAddress?: string; headers?: Record<string, string>; cookie?: string } = {}) => {
    const f = await app.inject({ url: '/login', remoteAddress: extra.remoteAddress, headers: { ...extra.headers, cookie: extra.cookie ?? '' } });
    const jar = new Map((extra.cookie ? extra.cookie.split('; ').map((c) => c.split('=') as [string, string]) : []));
    for (const c of f.cookies) jar.set(c.name, c.value);
    const token = /name="_csrf" value="([^"]+)"/.exec(f.body)![1];
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const r = await app.inject({ method: 'POST', url: '/login', remoteAddress: extra.remoteAddress, headers: { ...extra.headers, cookie }, payload: { _csrf: token, username, password, next: '/' } });
    for (const c of r.cookies) jar.set(c.name, c.value);
    return { r, form: f, csrfBefore: f.cookies.find((c) => c.name === '_csrf')?.value ?? extra.cookie?.match(/_csrf=([^;]+)/)?.[1], cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
  };
  return { app, store, login, close: async () => (await app.close(), await store.destroy()) };
}

test('cookies are Secure when configured, or behind a trusted proxy that says https; not otherwise', async () => {
  const plain = await setup();
  const proxied = await setup({ trustProxy: true });
  const always = await setup({ secureCookies: true });
  try {
    const secure = (r: { cookies: Array<{ name: string; secure?: boolean }> }) => Object.fromEntries(r.cookies.map((c) => [c.name, !!c.secure]));
    assert.deepEqual(secure((await plain.login('planner', PASSWORD, { headers: { 'x-forwarded-proto': 'https' } })).r), { _csrf: false, lantu_sid: false });
    assert.deepEqual(secure((await proxied.login('planner', PASSWORD, { headers: { 'x-forwarded-proto': 'https' } })).r), { _csrf: true, lantu_sid: true });
    assert.deepEqual(secure((await proxied.login('planner')).r), { _csrf: false, lantu_sid: false });
    assert.deepEqual(secure((await always.login('planner')).r), { _csrf: true, lantu_sid: true });
    assert.equal(trustProxySetting('1'), true);
    assert.equal(trustProxySetting('2'), 2);
    assert.equal(trustProxySetting('10.0.0.0/8'), '10.0.0.0/8');
    assert.equal(trustProxySetting(''), false);
  } finally {
    await Promise.all([plain.close(), proxied.close(), always.close()]);
  }
});

test('logging in renews the CSRF secret and ends the session the browser had', async () => {
  const s = await setup();
  try {
    const first = await s.login('planner');
    const csrfAfter = first.r.cookies.find((c) => c.name === '_csrf')?.value;
    assert.ok(csrfAfter && csrfAfter !== first.csrfBefore, 'a new CSRF secret is set at login');
    const oldSid = first.r.cookies.find((c) => c.name === 'lantu_sid')!.value;
    const second = await s.login('other', PASSWORD, { cookie: first.cookie });
    assert.equal(second.r.statusCode, 303);
    const stale = await s.app.inject({ url: '/', headers: { cookie: `lantu_sid=${oldSid}` } });
    assert.equal(stale.statusCode, 302, 'the earlier session has ended');
  } finally {
    await s.close();
  }
});

test('authenticated pages are sent with Cache-Control: no-store', async () => {
  const s = await setup();
  try {
    const { cookie } = await s.login('planner');
    const r = await s.app.inject({ url: '/', headers: { cookie } });
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal((await s.app.inject({ url: '/public' })).headers['cache-control'], undefined);
  } finally {
    await s.close();
  }
});

test('failed logins are limited per account across addresses and per address across accounts; successes do not count', async () => {
  const s = await setup();
  try {
    const codes = async (tries: Array<[string, string, string]>) => {
      const out: number[] = [];
      for (const [user, pw, ip] of tries) out.push((await s.login(user, pw, { remoteAddress: ip })).r.statusCode);
      return out;
    };
    assert.deepEqual(await codes(Array.from({ length: 6 }, () => ['planner', PASSWORD, '10.0.0.1'] as [string, string, string])), [303, 303, 303, 303, 303, 303]);
    // one account guessed from three addresses: stopped after 3 failures
    assert.deepEqual(await codes([['planner', 'wrong-1', '10.0.0.2'], ['planner', 'wrong-2', '10.0.0.3'], ['planner', 'wrong-3', '10.0.0.4'], ['planner', PASSWORD, '10.0.0.5']]), [401, 401, 401, 429]);
    // one address trying many accounts: stopped after 9 failures (3 × the per-account limit)
    const spray = Array.from({ length: 10 }, (_, i) => [`user${i}`, 'wrong', '10.0.0.9'] as [string, string, string]);
    assert.deepEqual(await codes(spray), [...Array(9).fill(401), 429]);
    // another account from another address is not affected
    assert.deepEqual(await codes([['other', PASSWORD, '10.0.0.10']]), [303]);
  } finally {
    await s.close();
  }
});

test('malformed requests get 4xx, not 500', async () => {
  const s = await setup();
  try {
    const { cookie } = await s.login('planner');
    const token = /name="_csrf" value="([^"]+)"/.exec((await s.app.inject({ url: '/', headers: { cookie } })).body)![1];
    const h = { cookie, 'x-csrf-token': token };
    const tries = [
      await s.app.inject({ method: 'POST', url: '/login', headers: { ...h, 'content-type': 'application/json' }, payload: '{' }),
      await s.app.inject({ method: 'POST', url: `/updates?_csrf=${encodeURIComponent(token)}`, headers: { ...h, 'content-type': 'multipart/form-data' }, payload: 'garbage' }),
      await s.app.inject({ method: 'POST', url: `/updates?_csrf=${encodeURIComponent(token)}`, headers: { ...h, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x' }),
      await s.app.inject({ method: 'POST', url: '/notices', headers: { ...h, 'content-type': 'application/json' }, payload: JSON.stringify({ unit: ['a'], text: 5, reply_deadline: {} }) }),
      await s.app.inject({ url: '/departments/x/template.xlsx?period=2025&period=2026', headers: h }),
      await s.app.inject({ url: `/search?q=${'a'.repeat(200000)}`, headers: h }),
      await s.app.inject({ method: 'POST', url: '/login', headers: { ...h, 'content-type': 'application/json' }, payload: 'null' }),
    ];
    for (const r of tries) assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${r.statusCode} ${r.body.slice(0, 100)}`);
  } finally {
    await s.close();
  }
});

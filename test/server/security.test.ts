// Security of the web application: headers, sessions, CSRF, rate-limited login, no open redirect,
// failed logins audited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { createUser } from '../../src/server/auth.js';
import { openStore } from '../../src/store/db.js';

const PASSWORD = 'correct-horse-battery';

async function setup(loginRateLimit = 10) {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-sec-'));
  const store = await openStore({ url: '', dataDir: dir });
  await createUser(store, { username: 'planner', displayName: '规划科', password: PASSWORD, role: 'planner' });
  const app = await buildApp({ store, uploadDir: join(dir, 'up'), cookieSecret: 'test-secret-at-least-32-characters-long', loginRateLimit });
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await store.destroy();
    },
  };
}

/** GET /login: the CSRF cookie and the token of the form. */
async function form(app: Awaited<ReturnType<typeof setup>>['app']) {
  const r = await app.inject({ method: 'GET', url: '/login' });
  const cookie = r.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(r.body)![1];
  return { cookie, token };
}

test('security headers are sent', async () => {
  const { app, close } = await setup();
  try {
    const r = await app.inject({ method: 'GET', url: '/login' });
    assert.match(String(r.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.ok(r.headers['x-frame-options']);
    assert.match(String(r.headers['set-cookie']), /HttpOnly/);
  } finally {
    await close();
  }
});

test('log in with the CSRF token: a signed httpOnly session cookie; without the token: 403', async () => {
  const { app, close } = await setup();
  try {
    const { cookie, token } = await form(app);
    const ok = await app.inject({ method: 'POST', url: '/login', headers: { cookie }, payload: { _csrf: token, username: 'planner', password: PASSWORD, next: '/' } });
    assert.equal(ok.statusCode, 303);
    const sid = ok.cookies.find((c) => c.name === 'lantu_sid');
    assert.ok(sid && sid.httpOnly);
    const forged = await app.inject({ method: 'POST', url: '/login', headers: { cookie }, payload: { username: 'planner', password: PASSWORD } });
    assert.equal(forged.statusCode, 403);
    const wrongToken = await app.inject({ method: 'POST', url: '/logout', headers: { cookie: `${cookie}; lantu_sid=${sid!.value}` }, payload: { _csrf: 'x' + token } });
    assert.equal(wrongToken.statusCode, 403);
  } finally {
    await close();
  }
});

test('a wrong password says nothing about the user, and is audited', async () => {
  const { app, store, close } = await setup();
  try {
    const { cookie, token } = await form(app);
    const a = await app.inject({ method: 'POST', url: '/login', headers: { cookie }, payload: { _csrf: token, username: 'planner', password: 'wrong-password-x' } });
    const b = await app.inject({ method: 'POST', url: '/login', headers: { cookie }, payload: { _csrf: token, username: 'nobody', password: 'wrong-password-x' } });
    assert.equal(a.statusCode, 401);
    assert.equal(b.statusCode, 401);
    assert.match(a.body, /用户名或密码不正确/);
    const log = await store.selectFrom('audit_log').selectAll().where('action', '=', 'login-failed').execute();
    assert.equal(log.length, 2);
  } finally {
    await close();
  }
});

test('login is rate-limited per address', async () => {
  const { app, close } = await setup(3);
  try {
    const { cookie, token } = await form(app);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await app.inject({ method: 'POST', url: '/login', headers: { cookie }, payload: { _csrf: token, username: 'planner', password: 'nope-nope-nope' } })).statusCode);
    }
    assert.deepEqual(codes, [401, 401, 401, 429, 429]);
  } finally {
    await close();
  }
});

test('no open redirect after login', async () => {
  const { app, close } = await setup();
  try {
    const { cookie, token } = await form(app);
    const r = await app.inject({ method: 'POST', url: '/login', headers: { cookie }, payload: { _csrf: token, username: 'planner', password: PASSWORD, next: '//evil.example/' } });
    assert.equal(r.headers.location, '/');
  } finally {
    await close();
  }
});

test('the interface switches to English and remembers it', async () => {
  const { app, close } = await setup();
  try {
    const en = await app.inject({ method: 'GET', url: '/login?lang=en' });
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /<h1>Log in<\/h1>/);
    const cookie = en.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const again = await app.inject({ method: 'GET', url: '/login', headers: { cookie } });
    assert.match(again.body, /<h1>Log in<\/h1>/);
    assert.match((await app.inject({ method: 'GET', url: '/login' })).body, /<h1>登录<\/h1>/);
  } finally {
    await close();
  }
});

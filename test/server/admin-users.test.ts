// Users in the browser: only administrators manage them; a created user logs in with the role and units
// given; a refused form keeps what was typed; disabling ends sessions and logins; a reset or an own change
// of password takes effect; every action is in the audit log, which only administrators search.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { csrfToken, session, testApp, type TestApp } from './helpers.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** Logs in with a password; the status of POST /login (303: in, 401: refused). */
async function tryLogin(username: string, password: string): Promise<{ status: number; cookie: string }> {
  const form = await t.app.inject({ url: '/login' });
  const jar = [form.headers['set-cookie']].flat().filter(Boolean).map((c) => String(c).split(';')[0]);
  const res = await t.app.inject({ method: 'POST', url: '/login', headers: { cookie: jar.join('; '), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrfToken(form.body), username, password, next: '/' }).toString() });
  const set = [res.headers['set-cookie']].flat().filter(Boolean).map((c) => String(c).split(';')[0]);
  return { status: res.statusCode, cookie: [...jar, ...set].join('; ') };
}

const userId = async (username: string) => (await t.store.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const audited = async (action: string) => t.store.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

test('only administrators see and change users', async () => {
  for (const who of ['planner', 'dept-edu', 'supervisor', 'leader']) {
    const s = await session(t, who);
    assert.equal((await s.get('/admin/users')).statusCode, 403, who);
    assert.equal((await s.post('/admin/users', { username: 'intruder', displayName: 'x', role: 'admin', password: 'long-enough-password' })).statusCode, 403, who);
    assert.equal((await s.post(`/admin/users/${await userId('leader')}/disable`, {})).statusCode, 403, who);
    assert.equal((await s.get('/admin/audit')).statusCode, 403, who);
  }
  assert.equal(await t.store.selectFrom('users').select('id').where('username', '=', 'intruder').executeTakeFirst(), undefined);
  assert.equal((await t.app.inject({ url: '/admin/users' })).statusCode, 302, 'not logged in: to the login page');
});

test('an administrator creates a department user bound to a unit, who logs in as such', async () => {
  const admin = await session(t, 'admin');
  const page = await admin.get('/admin/users');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`<option value="${t.units['dept-edu']}"`), 'the units of the catalogue are offered');
  const res = await admin.post('/admin/users', { username: 'wang.li', displayName: '王丽', role: 'department', units: t.units['dept-edu'], password: 'a-new-password-1' });
  assert.equal(res.statusCode, 303);
  assert.match(res.headers.location as string, /^\/admin\/users\/[^?]+\?ok=user-added$/);
  assert.match((await admin.get(res.headers.location as string)).body, /已创建用户/);
  const row = await t.store.selectFrom('users').selectAll().where('username', '=', 'wang.li').executeTakeFirstOrThrow();
  assert.equal(row.role, 'department');
  assert.deepEqual(JSON.parse(row.units), [t.units['dept-edu']]);
  assert.match(row.password_hash, /^\$argon2id\$/);
  const [entry] = await audited('user-add');
  assert.equal(entry.username, 'admin');
  assert.doesNotMatch(entry.after ?? '', /argon2|a-new-password/, 'no password in the log');
  const login = await tryLogin('wang.li', 'a-new-password-1');
  assert.equal(login.status, 303);
  const home = await t.app.inject({ url: '/account', headers: { cookie: login.cookie } });
  assert.match(home.body, /wang\.li/);
});

test('a refused form says why and keeps what was typed (never the password)', async () => {
  const admin = await session(t, 'admin');
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ username: 'x', displayName: '张三', role: 'planner', password: 'long-enough-password' }, /用户名应为/],
    [{ username: 'zhang3', displayName: '张三', role: 'department', password: 'long-enough-password' }, /须绑定至少一个责任单位/],
    [{ username: 'zhang3', displayName: '张三', role: 'department', units: '没有这个单位', password: 'long-enough-password' }, /没有责任单位“没有这个单位”/],
    [{ username: 'zhang3', displayName: '张三', role: 'planner', password: 'short' }, /密码至少 10 个字符/],
    [{ username: 'admin', displayName: '张三', role: 'planner', password: 'long-enough-password' }, /用户名“admin”已存在/],
    [{ username: 'zhang3', displayName: '张三', role: 'root', password: 'long-enough-password' }, /角色“root”无效/],
  ];
  for (const [form, message] of cases) {
    const res = await admin.post('/admin/users', form);
    assert.equal(res.statusCode, 400, JSON.stringify(form));
    assert.match(res.body, message);
    assert.match(res.body, /value="张三"/, 'the name typed is kept');
    assert.doesNotMatch(res.body, /long-enough-password/);
  }
  assert.equal(await t.store.selectFrom('users').select('id').where('username', '=', 'zhang3').executeTakeFirst(), undefined);
});

test('disabling a user ends their sessions and refuses their login; enabling lets them in again', async () => {
  const leader = await session(t, 'leader');
  assert.equal((await leader.get('/')).statusCode, 200);
  const admin = await session(t, 'admin');
  const id = await userId('leader');
  assert.equal((await admin.post(`/admin/users/${id}/disable`, {})).statusCode, 303);
  assert.equal((await leader.get('/')).statusCode, 302, 'the open session ended');
  assert.equal((await tryLogin('leader', 'correct-horse-battery')).status, 401);
  assert.equal((await audited('user-disable')).length, 1);
  assert.equal((await admin.post(`/admin/users/${id}/enable`, {})).statusCode, 303);
  assert.equal((await tryLogin('leader', 'correct-horse-battery')).status, 303);
  const self = await admin.post(`/admin/users/${await userId('admin')}/disable`, {});
  assert.equal(self.statusCode, 400);
  assert.match(self.body, /不能停用自己的账户/);
});

test('role and units change; the last administrator keeps the role', async () => {
  const admin = await session(t, 'admin');
  const id = await userId('supervisor');
  assert.equal((await admin.post(`/admin/users/${id}`, { displayName: '督查室', role: 'department', units: t.units['dept-other'] })).statusCode, 303);
  const row = await t.store.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.role, 'department');
  assert.deepEqual(JSON.parse(row.units), [t.units['dept-other']]);
  const last = await admin.post(`/admin/users/${await userId('admin')}`, { displayName: '系统管理员', role: 'planner' });
  assert.equal(last.statusCode, 400);
  assert.match(last.body, /最后一位系统管理员/);
  assert.equal((await audited('user-update')).length, 1);
});

test('a reset password replaces the old one and ends the sessions', async () => {
  const dept = await session(t, 'dept-other');
  const admin = await session(t, 'admin');
  assert.equal((await admin.post(`/admin/users/${await userId('dept-other')}/password`, { password: 'reset-by-admin-42' })).statusCode, 303);
  assert.equal((await dept.get('/')).statusCode, 302);
  assert.equal((await tryLogin('dept-other', 'correct-horse-battery')).status, 401);
  assert.equal((await tryLogin('dept-other', 'reset-by-admin-42')).status, 303);
  assert.equal((await audited('password-reset')).length, 1);
});

test('every user changes their own password, the old one required', async () => {
  const planner = await session(t, 'planner');
  const wrong = await planner.post('/account/password', { old: 'not-my-password', password: 'planner-new-pass', confirm: 'planner-new-pass' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /原密码不正确/);
  const mismatch = await planner.post('/account/password', { old: 'correct-horse-battery', password: 'planner-new-pass', confirm: 'planner-new-pas' });
  assert.match(mismatch.body, /两次输入的新密码不一致/);
  const ok = await planner.post('/account/password', { old: 'correct-horse-battery', password: 'planner-new-pass', confirm: 'planner-new-pass' });
  assert.equal(ok.statusCode, 303);
  assert.equal((await planner.get('/account?ok=password-changed')).statusCode, 200, 'this session stays');
  assert.equal((await tryLogin('planner', 'planner-new-pass')).status, 303);
  assert.equal((await audited('password-change')).length, 1);
});

test('the audit log is searchable and paged', async () => {
  const admin = await session(t, 'admin');
  const all = await admin.get('/admin/audit');
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /user-add/);
  const found = await admin.get('/admin/audit?q=wang.li');
  assert.match(found.body, /user-add/);
  assert.doesNotMatch(found.body, /<td>user-disable<\/td>/, 'only entries that hold the words');
  const byAction = await admin.get('/admin/audit?action=login-failed');
  assert.doesNotMatch(byAction.body, /<td>user-add<\/td>/);
  assert.match(byAction.body, /<td>login-failed<\/td>/);
  assert.match((await admin.get('/admin/audit?q=%25')).body, /没有符合条件的记录|<td>/, 'a % is a character, not a wildcard');
  assert.equal((await admin.get('/admin/audit?from=yesterday')).statusCode, 400);
  for (let i = 0; i < 60; i++) await t.store.insertInto('audit_log').values({ id: `filler-${String(i).padStart(2, '0')}`, at: '2020-01-01T00:00:00Z', user_id: null, username: 'cli', action: 'filler', entity: 'x', entity_id: null, before: null, after: null }).execute();
  const p1 = await admin.get('/admin/audit?action=filler');
  assert.equal((p1.body.match(/<td>filler<\/td>/g) ?? []).length, 50);
  assert.match(p1.body, /href="\/admin\/audit\?action&#61;filler&#38;page&#61;2"/);
  const p2 = await admin.get('/admin/audit?action=filler&page=2');
  assert.equal((p2.body.match(/<td>filler<\/td>/g) ?? []).length, 10);
});

test('every administration form needs its CSRF token', async () => {
  const cookie = await t.login('admin');
  const id = await userId('leader');
  for (const url of ['/admin/users', `/admin/users/${id}`, `/admin/users/${id}/password`, `/admin/users/${id}/disable`, `/admin/users/${id}/enable`, '/account/password', '/admin/registry/gdp', '/admin/targets/x', '/issues/link', '/issues/actual', '/issues/x/settle']) {
    const res = await t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'username=x&password=long-enough-password&role=admin&displayName=x' });
    assert.equal(res.statusCode, 403, url);
    assert.match(res.body, /CSRF/, url);
  }
  const upload = await t.app.inject({ method: 'POST', url: '/admin/uploads', headers: { cookie, 'content-type': 'multipart/form-data; boundary=b' }, payload: '--b\r\nContent-Disposition: form-data; name="documents"; filename="a.txt"\r\n\r\nx\r\n--b--\r\n' });
  assert.equal(upload.statusCode, 403, 'an upload without its token is refused before its body is read');
  assert.equal((await t.store.selectFrom('users').select('id').where('username', '=', 'x').execute()).length, 0);
});

test("an administrator sets and changes a user's e-mail, where reminders go; a malformed one is refused", async () => {
  const admin = await session(t, 'admin');
  const made = await admin.post('/admin/users', { username: 'zhao.mail', displayName: '赵', role: 'supervisor', email: 'zhao@lanhu.gov.cn', password: 'a-new-password-2' });
  assert.equal(made.statusCode, 303);
  const row = () => t.store.selectFrom('users').select(['id', 'email']).where('username', '=', 'zhao.mail').executeTakeFirstOrThrow();
  assert.equal((await row()).email, 'zhao@lanhu.gov.cn');
  const id = (await row()).id;
  assert.match((await admin.get(`/admin/users/${id}`)).body, /value="zhao@lanhu\.gov\.cn"/, 'the form shows the address');
  const bad = await admin.post(`/admin/users/${id}`, { displayName: '赵', role: 'supervisor', email: 'not an address' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /电子邮件地址无效/);
  assert.match(bad.body, /name="email" type="email" value="not an address"[^>]*aria-invalid="true"/, 'kept as typed, marked invalid');
  assert.equal((await row()).email, 'zhao@lanhu.gov.cn', 'nothing changed');
  assert.equal((await admin.post(`/admin/users/${id}`, { displayName: '赵', role: 'supervisor', email: 'zhao2@lanhu.gov.cn' })).statusCode, 303);
  assert.equal((await row()).email, 'zhao2@lanhu.gov.cn');
  assert.equal((await admin.post(`/admin/users/${id}`, { displayName: '赵', role: 'supervisor', email: '' })).statusCode, 303);
  assert.equal((await row()).email, null, 'emptied: no e-mail');
});

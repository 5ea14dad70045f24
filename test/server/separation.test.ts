// Separation of duties and least privilege: a department user sees neither another unit's updates in
// the overview nor their count on /departments; nobody approves his own submission; notices go only to
// units of the catalogue; the page after login is a path of this application, however it is spelt.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, csrfToken, session, testApp, type TestApp } from './helpers.js';
import { createUser } from '../../src/server/auth.js';

let t: TestApp;
let otherTask: string;
const latest = (body: string) => body.slice(body.indexOf('最新进度报告'), body.indexOf('</section>', body.indexOf('最新进度报告')));

before(async () => {
  t = await testApp();
  await createUser(t.store, { username: 'planner2', displayName: '规划科二', password: PASSWORD, role: 'planner' });
  otherTask = (await t.store.selectFrom('task_units').select('task_id').where('unit', '=', t.units['dept-other']).executeTakeFirstOrThrow()).task_id;
  const other = await session(t, 'dept-other');
  assert.equal((await other.post('/updates', { subject_kind: 'task', subject_id: otherTask, unit: t.units['dept-other'], period: '2025', progress: '37', text: '他单位的待审核进展' })).statusCode, 303);
});
after(() => t.close());

test("a department user does not see another unit's updates in the overview, a planner does", async () => {
  const dept = await session(t, 'dept-edu');
  const mine = latest((await dept.get('/?view=overview')).body); // `/` leads a department user to 我的任务
  assert.ok(mine.length > 0, 'the section is there');
  assert.doesNotMatch(mine, /37%/);
  assert.ok(!mine.includes(t.units['dept-other']), mine);
  const planner = await session(t, 'planner');
  assert.match(latest((await planner.get('/')).body), /37%/);
});

test("a department user does not see how many of another unit's updates wait for review", async () => {
  const row = (body: string, unit: string) => body.slice(body.indexOf(`>${unit}</a>`), body.indexOf('</tr>', body.indexOf(`>${unit}</a>`)));
  const dept = await session(t, 'dept-edu');
  const seen = row((await dept.get('/departments')).body, t.units['dept-other']);
  assert.match(seen, /<td><span class="muted">—<\/span><\/td>$/);
  const planner = await session(t, 'planner');
  assert.match(row((await planner.get('/departments')).body, t.units['dept-other']), /<td>1<\/td>$/);
});

test('a planner cannot approve his own submission; another planner can', async () => {
  const planner = await session(t, 'planner');
  assert.equal((await planner.post('/updates', { subject_kind: 'task', subject_id: otherTask, unit: t.units['dept-other'], period: '2025', progress: '60', text: '规划科代报' })).statusCode, 303);
  const own = await t.store.selectFrom('updates').selectAll().where('text', '=', '规划科代报').executeTakeFirstOrThrow();
  const self = await planner.post(`/updates/${own.id}/approve`, { version: String(own.version) });
  assert.equal(self.statusCode, 403);
  assert.match(self.body, /不能审核自己提交的进展/);
  assert.equal((await t.store.selectFrom('updates').select('status').where('id', '=', own.id).executeTakeFirstOrThrow()).status, 'submitted');
  const second = await session(t, 'planner2');
  assert.equal((await second.post(`/updates/${own.id}/approve`, { version: String(own.version) })).statusCode, 303);
});

test('a notice to a unit that does not exist is refused; to a real unit it is issued', async () => {
  const sup = await session(t, 'supervisor');
  const bad = await sup.post('/notices', { unit: '不存在的局', text: '请说明', reply_deadline: '2099-01-01' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /没有责任单位“不存在的局”/);
  assert.equal((await t.store.selectFrom('notices').select('id').where('unit', '=', '不存在的局').execute()).length, 0);
  assert.equal((await sup.post('/notices', { unit: t.units['dept-other'], text: '请说明', reply_deadline: '2099-01-01' })).statusCode, 303);
});

test('after login only a path of the application: /\\evil.example, tabs and dot segments stay on the site', async () => {
  for (const next of ['/\\evil.example', '/\\/evil.example', '/\t/evil.example', '/.//evil.example', 'https://evil.example/']) {
    const form = await t.app.inject({ url: `/login?next=${encodeURIComponent(next)}` });
    assert.match(form.body, /name="next" value="\/"/, `the form keeps ${JSON.stringify(next)} out`);
    const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const r = await t.app.inject({ method: 'POST', url: '/login', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrfToken(form.body), username: 'leader', password: PASSWORD, next }).toString() });
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, '/', `next=${JSON.stringify(next)}`);
  }
});

// Who may change what: every mutating workflow route refuses a department user acting for another
// unit (403), the wrong roles, requests without a valid CSRF token, and stale versions (409) — and
// writes nothing when it refuses.
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, session, testApp, type TestApp } from './helpers.js';
import { createUser } from '../../src/server/auth.js';

const OWN = '市农牧局';
const OTHER = '市交通运输局';
let t: TestApp;
const ids = { ownTask: '', otherTask: '', otherTarget: '', planTarget: '', otherUpdate: '', otherNotice: '' };

const as = (username: string) => session(t, username);
/** Everything the workflow writes, to compare before and after a refused request. */
const snapshot = async () => {
  const rows = await Promise.all(['updates', 'notices', 'actuals'].map((tb) => t.store.selectFrom(tb as 'updates').selectAll().orderBy('id').execute()));
  const log = await t.store.selectFrom('audit_log').selectAll().where('entity', 'in', ['update', 'notice', 'actual']).orderBy('id').execute(); // logins are logged too
  return createHash('sha256').update(JSON.stringify([rows, log])).digest('hex');
};
const taskOf = async (unit: string) => (await t.store.selectFrom('task_units').select('task_id').where('unit', '=', unit).executeTakeFirstOrThrow()).task_id;

before(async () => {
  t = await testApp();
  await createUser(t.store, { username: 'nongmu', displayName: OWN, password: PASSWORD, role: 'department', units: [OWN] });
  await createUser(t.store, { username: 'jiaotong', displayName: OTHER, password: PASSWORD, role: 'department', units: [OTHER] });
  ids.ownTask = await taskOf(OWN);
  ids.otherTask = await taskOf(OTHER);
  ids.otherTarget = (await t.store.selectFrom('targets').select('id').where('indicator_id', '=', 'budget-revenue-growth').where('line', '=', 78).executeTakeFirstOrThrow()).id; // 市财政局, 市税务局
  ids.planTarget = (await t.store.selectFrom('targets').select('id').where('line', '=', 40).executeTakeFirstOrThrow()).id; // the plan's table: no unit
  const other = await as('jiaotong');
  assert.equal((await other.post('/updates', { subject_kind: 'task', subject_id: ids.otherTask, unit: OTHER, period: '2025', text: '通车准备' })).statusCode, 303);
  ids.otherUpdate = (await t.store.selectFrom('updates').select('id').where('unit', '=', OTHER).executeTakeFirstOrThrow()).id;
  const sup = await as('supervisor');
  assert.equal((await sup.post('/notices', { unit: OTHER, task_id: ids.otherTask, text: '请说明进度', reply_deadline: '2099-01-01' })).statusCode, 303);
  ids.otherNotice = (await t.store.selectFrom('notices').select('id').where('unit', '=', OTHER).executeTakeFirstOrThrow()).id;
});
after(() => t.close());

test('a department user is refused (403) on every mutating route for another unit, and nothing is written', async () => {
  const dept = await as('nongmu');
  const attempts: Array<[string, Record<string, string>]> = [
    ['/updates', { subject_kind: 'task', subject_id: ids.otherTask, unit: OTHER, period: '2025', text: 'x' }],
    ['/updates', { subject_kind: 'task', subject_id: ids.otherTask, unit: OWN, period: '2025', text: 'x' }], // own unit named, other unit's task
    ['/updates', { subject_kind: 'target', subject_id: ids.otherTarget, unit: '市财政局', period: '2025', value: '4', text: 'x' }],
    ['/updates', { subject_kind: 'target', subject_id: ids.otherTarget, unit: OWN, period: '2025', value: '4', text: 'x' }],
    ['/updates', { subject_kind: 'target', subject_id: ids.planTarget, unit: OWN, period: '2025', value: '4', text: 'x' }],
    [`/updates/${ids.otherUpdate}/resubmit`, { version: '1', period: '2025', text: 'x' }],
    [`/updates/${ids.otherUpdate}/approve`, { version: '1' }],
    [`/updates/${ids.otherUpdate}/return`, { version: '1', comment: 'x' }],
    ['/notices', { unit: OTHER, text: 'x', reply_deadline: '2099-01-01' }],
    [`/notices/${ids.otherNotice}/reply`, { version: '1', reply: 'x' }],
    [`/notices/${ids.otherNotice}/close`, { version: '1' }],
  ];
  const before = await snapshot();
  for (const [url, form] of attempts) assert.equal((await dept.post(url, form)).statusCode, 403, `${url} ${JSON.stringify(form)}`);
  assert.equal(await snapshot(), before);
  // nor may it read another unit's notice or evidence
  assert.equal((await dept.get(`/notices/${ids.otherNotice}`)).statusCode, 403);
  // but it reports for its own task
  assert.equal((await dept.post('/updates', { subject_kind: 'task', subject_id: ids.ownTask, unit: OWN, period: '2025', text: '本单位进展' })).statusCode, 303);
});

test('roles: leaders and supervisors do not report, planners do not issue or reply, only the unit replies', async () => {
  const before = await snapshot();
  const leader = await as('leader');
  assert.equal((await leader.post('/updates', { subject_kind: 'task', subject_id: ids.otherTask, unit: OTHER, period: '2025', text: 'x' })).statusCode, 403);
  assert.equal((await leader.post(`/updates/${ids.otherUpdate}/approve`, { version: '1' })).statusCode, 403);
  assert.equal((await leader.post('/notices', { unit: OTHER, text: 'x', reply_deadline: '2099-01-01' })).statusCode, 403);
  assert.equal((await leader.post(`/notices/${ids.otherNotice}/close`, { version: '1' })).statusCode, 403);
  const sup = await as('supervisor');
  assert.equal((await sup.post('/updates', { subject_kind: 'task', subject_id: ids.otherTask, unit: OTHER, period: '2025', text: 'x' })).statusCode, 403);
  assert.equal((await sup.post(`/notices/${ids.otherNotice}/reply`, { version: '1', reply: 'x' })).statusCode, 403);
  const planner = await as('planner');
  assert.equal((await planner.post('/notices', { unit: OTHER, text: 'x', reply_deadline: '2099-01-01' })).statusCode, 403);
  assert.equal((await planner.post(`/notices/${ids.otherNotice}/reply`, { version: '1', reply: 'x' })).statusCode, 403);
  assert.equal(await snapshot(), before);
  // logged out: nothing is changed (no CSRF cookie: 403; the pages send to the login form)
  const anon = await t.app.inject({ method: 'POST', url: `/updates/${ids.otherUpdate}/approve`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'version=1' });
  assert.equal(anon.statusCode, 403);
  assert.equal((await t.app.inject({ url: '/supervision' })).statusCode, 302);
  assert.equal(await snapshot(), before);
});

test('a POST without a valid CSRF token is refused (403)', async () => {
  const dept = await as('jiaotong');
  const before = await snapshot();
  const form = { subject_kind: 'task', subject_id: ids.otherTask, unit: OTHER, period: '2025', text: 'x' };
  const send = (payload: Record<string, string>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/updates', headers: { cookie: dept.cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(payload).toString() });
  assert.equal((await send(form)).statusCode, 403);
  assert.equal((await send({ ...form, _csrf: 'forged-token' })).statusCode, 403);
  assert.equal((await send(form, { 'x-csrf-token': 'forged' })).statusCode, 403);
  assert.equal(await snapshot(), before);
  assert.equal((await send(form, { 'x-csrf-token': dept.token })).statusCode, 303, 'the header works as well');
});

test('a stale version gives 409 and writes nothing', async () => {
  const other = await as('jiaotong');
  const planner = await as('planner');
  const admin = await as('admin');
  // the department changes its update (version 1 → 2) while the planner still has version 1 open
  assert.equal((await other.post(`/updates/${ids.otherUpdate}/resubmit`, { version: '1', period: '2025', text: '通车准备，补充' })).statusCode, 303);
  const before = await snapshot();
  for (const [url, form] of [
    [`/updates/${ids.otherUpdate}/approve`, { version: '1' }],
    [`/updates/${ids.otherUpdate}/return`, { version: '1', comment: '旧版本' }],
    [`/updates/${ids.otherUpdate}/resubmit`, { version: '1', period: '2025', text: '旧表单' }],
    [`/updates/${ids.otherUpdate}/approve`, { version: '' }],
  ] as Array<[string, Record<string, string>]>) {
    const r = await (url.endsWith('resubmit') ? other : planner).post(url, form);
    assert.equal(r.statusCode, 409, url);
    assert.match(r.body, /已被他人修改/);
  }
  // notices too: the unit replies (1 → 2), a second stale reply and a stale close are refused
  assert.equal((await other.post(`/notices/${ids.otherNotice}/reply`, { version: '1', reply: '已安排' })).statusCode, 303);
  const mid = await snapshot();
  assert.notEqual(mid, before);
  assert.equal((await other.post(`/notices/${ids.otherNotice}/reply`, { version: '1', reply: '覆盖' })).statusCode, 409);
  assert.equal((await admin.post(`/notices/${ids.otherNotice}/close`, { version: '1' })).statusCode, 409);
  assert.equal(await snapshot(), mid);
  assert.equal((await t.store.selectFrom('updates').select('text').where('id', '=', ids.otherUpdate).executeTakeFirstOrThrow()).text, '通车准备，补充');
  assert.equal((await planner.post(`/updates/${ids.otherUpdate}/approve`, { version: '2' })).statusCode, 303, 'the current version goes through');
});

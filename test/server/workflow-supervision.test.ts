// Supervision: overdue tasks and lagging indicators, a 督办 notice issued to a unit, the unit's reply
// seen by the supervisor, closing it, the audit trail; and the reminders each user is shown.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, session, testApp, type TestApp } from './helpers.js';
import { createUser } from '../../src/server/auth.js';
import { localToday } from '../../src/monitor/workflow.js';

const UNIT = '市农牧局';
let t: TestApp;
let taskId: string;

const as = (username: string) => session(t, username);
const inDays = (n: number) => new Date(Date.parse(`${localToday()}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);

before(async () => {
  t = await testApp();
  await createUser(t.store, { username: 'nongmu', displayName: UNIT, password: PASSWORD, role: 'department', units: [UNIT] });
  taskId = (await t.store.selectFrom('task_units').select('task_id').where('unit', '=', UNIT).executeTakeFirstOrThrow()).task_id;
});
after(() => t.close());

test('the supervision page lists overdue tasks and lagging indicators; who may read it', async () => {
  // the samples' deadlines (2025-04-30, 2025-10-31) have passed; no update is approved
  const overdue = await t.store.selectFrom('tasks').select('title').where('deadline_date', '<', localToday()).execute();
  assert.ok(overdue.length >= 2);
  const sup = await as('supervisor');
  const page = await sup.get('/supervision');
  assert.equal(page.statusCode, 200);
  for (const o of overdue) assert.ok(page.body.includes(o.title), o.title);
  assert.match(page.body, /滞后指标[\s\S]*地区生产总值增长率[\s\S]*未完成/);
  assert.match(page.body, /action="\/notices[?"]/);
  for (const who of ['leader', 'planner', 'admin']) assert.equal((await (await as(who)).get('/supervision')).statusCode, 200, who);
  const planner = (await (await as('planner')).get('/supervision')).body;
  assert.doesNotMatch(planner, /action="\/notices[?"]/, 'planners read, they do not issue');
  assert.equal((await (await as('nongmu')).get('/supervision')).statusCode, 403);
});

test('a supervisor issues a notice, the unit replies, the supervisor sees the reply and closes it', async () => {
  const sup = await as('supervisor');
  assert.equal((await sup.post('/notices', { unit: UNIT, task_id: taskId, text: '请说明进度', reply_deadline: '2020-01-01' })).statusCode, 400, 'a deadline in the past');
  const issued = await sup.post('/notices', { unit: UNIT, task_id: taskId, text: '请于一周内说明高标准农田建设进度', reply_deadline: inDays(7) });
  assert.equal(issued.statusCode, 303, issued.body);
  const n = await t.store.selectFrom('notices').selectAll().executeTakeFirstOrThrow();
  assert.deepEqual([n.unit, n.status, n.version, n.task_id], [UNIT, 'issued', 1, taskId]);

  const dept = await as('nongmu');
  const unitPage = (await dept.get(`/departments/${encodeURIComponent(UNIT)}`)).body;
  assert.match(unitPage, /督办通知[\s\S]*请于一周内说明高标准农田建设进度/);
  assert.match(unitPage, new RegExp(`action="/notices/${n.id}/reply[?"]`));
  assert.match((await dept.get('/notifications')).body, /督办待回复[\s\S]*请于一周内说明/);
  const noticePage = await dept.get(`/notices/${n.id}`);
  assert.equal(noticePage.statusCode, 200);
  assert.match(noticePage.body, /事由[\s\S]*任务：/);
  assert.equal((await dept.post(`/notices/${n.id}/reply`, { version: '1', reply: '已完成2万亩，11月底前全部完成' })).statusCode, 303);

  const history = (await sup.get('/supervision')).body;
  assert.match(history, /督办记录[\s\S]*请于一周内说明高标准农田建设进度[\s\S]*已回复[\s\S]*已完成2万亩，11月底前全部完成/);
  assert.match((await sup.get(`/notices/${n.id}`)).body, /已完成2万亩/);
  assert.equal((await sup.post(`/notices/${n.id}/close`, { version: '2' })).statusCode, 303);
  const closed = await t.store.selectFrom('notices').selectAll().where('id', '=', n.id).executeTakeFirstOrThrow();
  assert.deepEqual([closed.status, closed.version, closed.reply], ['closed', 3, '已完成2万亩，11月底前全部完成']);
  assert.equal((await dept.post(`/notices/${n.id}/reply`, { version: '3', reply: '补充' })).statusCode, 409, 'closed');

  const log = await t.store.selectFrom('audit_log').selectAll().where('entity_id', '=', n.id).orderBy('at').execute();
  assert.deepEqual(log.map((l) => l.action), ['notice-issue', 'notice-reply', 'notice-close']);
  assert.equal(log[0].before, null);
  assert.equal(JSON.parse(log[0].after!).text, '请于一周内说明高标准农田建设进度');
  assert.deepEqual([JSON.parse(log[1].before!).status, JSON.parse(log[1].after!).status], ['issued', 'replied']);
  assert.deepEqual([JSON.parse(log[2].before!).status, JSON.parse(log[2].after!).status], ['replied', 'closed']);
  assert.ok(log.every((l) => l.user_id && l.username && l.at));
});

test('notifications: a department user sees its task due within 14 days and its overdue tasks', async () => {
  await t.store.updateTable('tasks').set({ deadline_date: inDays(5) }).where('id', '=', taskId).execute();
  const title = (await t.store.selectFrom('tasks').select('title').where('id', '=', taskId).executeTakeFirstOrThrow()).title;
  const dept = await as('nongmu');
  const body = (await dept.get('/notifications')).body;
  assert.match(body, new RegExp(`即将到期</span> <a href="/departments/${encodeURIComponent(UNIT)}#task-${taskId}">${title}`));
  assert.match(body, /还有 5 天/);
  assert.match(body, /提醒 <strong>\d+<\/strong>/, 'the count in the navigation');
  const unitPage = (await dept.get(`/departments/${encodeURIComponent(UNIT)}`)).body;
  assert.match(unitPage, /5 天内到期/);
  // another unit's department user is not reminded of it; a unit with an overdue task is (escalated)
  const other = (await (await as('dept-other')).get('/notifications')).body;
  assert.ok(!other.includes(title));
  await createUser(t.store, { username: 'jiaotong', displayName: '市交通运输局', password: PASSWORD, role: 'department', units: ['市交通运输局'] });
  assert.match((await (await as('jiaotong')).get('/notifications')).body, /逾期升级[\s\S]*云泽至蓝湖快速通道[\s\S]*逾期 \d+ 天/);
  // supervisors: overdue notices and escalated tasks
  await t.store.insertInto('notices').values({ id: 'late', task_id: null, target_id: null, unit: UNIT, text: '逾期未复的督办', reply_deadline: inDays(-3), status: 'issued', reply: null, replied_by: null, replied_at: null, issued_by: 'x', issued_at: new Date().toISOString(), version: 1 }).execute();
  const sup = (await (await as('supervisor')).get('/notifications')).body;
  assert.match(sup, /督办逾期未回复[\s\S]*逾期未复的督办/);
  assert.equal((await t.app.inject({ url: '/notifications' })).statusCode, 302, 'logged out: to the login page');
});

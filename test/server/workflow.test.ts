// The reporting workflow through the web application: a department reports progress on its own task
// and target, a planner approves (the target's value becomes an actual and the indicator's status
// changes) or returns with a comment the department then sees and answers by resubmitting.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, session, testApp, type TestApp } from './helpers.js';
import { createUser } from '../../src/server/auth.js';
import { evaluate } from '../../src/monitor/evaluate.js';
import { localToday } from '../../src/monitor/workflow.js';

const UNIT = '市农牧局';
let t: TestApp;
let taskId: string;
let targetId: string;

/** A logged-in user: GET, and POST of a url-encoded form with a valid CSRF token. */
const as = (username: string) => session(t, username);
const updatesOf = (subjectId: string) => t.store.selectFrom('updates').selectAll().where('subject_id', '=', subjectId).orderBy('submitted_at').execute();
const url = (unit: string) => `/departments/${encodeURIComponent(unit)}`;

before(async () => {
  t = await testApp();
  await createUser(t.store, { username: 'nongmu', displayName: UNIT, password: PASSWORD, role: 'department', units: [UNIT] });
  const task = await t.store.selectFrom('tasks').innerJoin('task_units', 'task_units.task_id', 'tasks.id').select(['tasks.id', 'tasks.document_id']).where('task_units.unit', '=', UNIT).executeTakeFirstOrThrow();
  taskId = task.id;
  // 粮食产量稳定在18.5万吨以上: a target written in the 农牧局's task of the task-division plan
  targetId = (await t.store.selectFrom('targets').select('id').where('indicator_id', '=', 'grain-output').where('document_id', '=', task.document_id).executeTakeFirstOrThrow()).id;
});
after(() => t.close());

test('the departments list and a department page show the unit with its task, target and forms', async () => {
  const dept = await as('nongmu');
  const list = await dept.get('/departments');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`href="${url(UNIT)}"`));
  const page = await dept.get(url(UNIT));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /新建高标准农田3万亩/);
  assert.match(page.body, /粮食产量/);
  // each task and target links to its reporting form, open on a page of its own
  assert.ok(page.body.includes(`/updates/new?kind=task&amp;id=${encodeURIComponent(taskId)}&amp;unit=`), 'a form for the task');
  assert.ok(page.body.includes(`/updates/new?kind=target&amp;id=${encodeURIComponent(targetId)}&amp;unit=`), 'a form for the target');
  const form = await dept.get(`/updates/new?kind=target&id=${encodeURIComponent(targetId)}&unit=${encodeURIComponent(UNIT)}`);
  assert.equal(form.statusCode, 200);
  assert.ok(form.body.includes(`name="subject_id" value="${targetId}"`));
  assert.equal((await dept.get(url('没有的单位'))).statusCode, 404);
  assert.equal((await t.app.inject({ url: url(UNIT) })).statusCode, 302, 'logged out: to the login page');
});

test('a target update approved by a planner becomes an actual and changes the indicator status', async () => {
  const statusBefore = (await evaluate(t.store, { indicator: 'grain-output', year: 2025 })).map((r) => r.status);
  assert.ok(statusBefore.every((s) => s === 'no_data'), String(statusBefore));

  const dept = await as('nongmu');
  const sent = await dept.post('/updates', { subject_kind: 'target', subject_id: targetId, unit: UNIT, period: '2025', value: '18.9', text: '全年粮食产量18.9万吨' });
  assert.equal(sent.statusCode, 303, sent.body);
  const [u] = await updatesOf(targetId);
  assert.equal(u.status, 'submitted');
  assert.equal(u.version, 1);

  const planner = await as('planner');
  const review = await planner.get('/review');
  assert.equal(review.statusCode, 200);
  assert.match(review.body, /全年粮食产量18\.9万吨/);
  assert.match((await planner.get('/notifications')).body, /待审核/);
  const ok = await planner.post(`/updates/${u.id}/approve`, { version: '1' });
  assert.equal(ok.statusCode, 303, ok.body);

  const approved = (await updatesOf(targetId))[0];
  assert.equal(approved.status, 'approved');
  assert.equal(approved.version, 2);
  const actual = await t.store.selectFrom('actuals').selectAll().where('source_id', '=', u.id).executeTakeFirstOrThrow();
  assert.deepEqual(
    { indicator: actual.indicator_id, region: actual.region, year: actual.year, value: actual.value, kind: actual.source_kind, vintage: actual.vintage, reported: actual.reported },
    { indicator: 'grain-output', region: '蓝湖市', year: 2025, value: 18.9, kind: 'update', vintage: 'reported', reported: localToday() },
  );
  const statusAfter = (await evaluate(t.store, { indicator: 'grain-output', year: 2025 })).map((r) => r.status);
  assert.ok(statusAfter.every((s) => s === 'achieved'), String(statusAfter));

  const audits = await t.store.selectFrom('audit_log').selectAll().where('entity_id', 'in', [u.id, actual.id]).orderBy('at').execute();
  assert.deepEqual(audits.map((a) => a.action).sort(), ['actual-add', 'update-approve', 'update-submit']);
  const approve = audits.find((a) => a.action === 'update-approve')!;
  assert.equal(JSON.parse(approve.before!).status, 'submitted');
  assert.equal(JSON.parse(approve.after!).status, 'approved');
  assert.ok(audits.every((a) => a.username && a.at && a.after));

  // an approved update cannot be reviewed again
  assert.equal((await planner.post(`/updates/${u.id}/return`, { version: '2', comment: 'x' })).statusCode, 409);
});

test('a planner returns a task update with a comment; the department sees it and resubmits', async () => {
  const dept = await as('nongmu');
  assert.equal((await dept.post('/updates', { subject_kind: 'task', subject_id: taskId, unit: UNIT, period: '2025-Q3', progress: '60', text: '已完成2万亩' })).statusCode, 303);
  const [u] = await updatesOf(taskId);
  assert.equal(u.progress, 60);

  const planner = await as('planner');
  assert.equal((await planner.post(`/updates/${u.id}/return`, { version: '1' })).statusCode, 400, 'a return needs a comment');
  assert.equal((await planner.post(`/updates/${u.id}/return`, { version: '1', comment: '请补充<验收>材料' })).statusCode, 303);
  const returned = (await updatesOf(taskId))[0];
  assert.equal(returned.status, 'returned');
  assert.equal(returned.comment, '请补充<验收>材料');

  const page = (await dept.get(url(UNIT))).body;
  assert.match(page, /退回意见：请补充&#60;验收&#62;材料/, 'the comment, escaped');
  assert.match(page, />修改进展<\/a>/);
  const form = (await dept.get(`/updates/new?kind=task&id=${encodeURIComponent(taskId)}&unit=${encodeURIComponent(UNIT)}`)).body;
  assert.match(form, new RegExp(`action="/updates/${u.id}/resubmit[?"]`)); // the CSRF token may ride in the URL
  assert.match(form, /退回意见：请补充&#60;验收&#62;材料/);
  assert.match((await dept.get('/notifications')).body, /进展被退回[\s\S]*请补充&#60;验收&#62;材料/);

  const again = await dept.post(`/updates/${u.id}/resubmit`, { version: '2', period: '2025-Q3', progress: '70', text: '已完成2.2万亩，附验收材料' });
  assert.equal(again.statusCode, 303, again.body);
  const resent = (await updatesOf(taskId))[0];
  assert.deepEqual([resent.status, resent.version, resent.progress], ['submitted', 3, 70]);
  const log = await t.store.selectFrom('audit_log').selectAll().where('entity_id', '=', u.id).where('action', '=', 'update-resubmit').executeTakeFirstOrThrow();
  assert.equal(JSON.parse(log.before!).text, '已完成2万亩');
  assert.equal(JSON.parse(log.after!).text, '已完成2.2万亩，附验收材料');
});

test('bad input is refused with 400 and nothing is written', async () => {
  const dept = await as('nongmu');
  const n = (await updatesOf(taskId)).length;
  for (const bad of [{ period: '2025年' }, { value: '很多' }, { progress: '120' }, { text: '' }] as Array<Record<string, string>>)
    assert.equal((await dept.post('/updates', { subject_kind: 'task', subject_id: taskId, unit: UNIT, period: '2025', text: '进展', ...bad })).statusCode, 400, JSON.stringify(bad));
  assert.equal((await dept.post('/updates', { subject_kind: 'task', subject_id: 'nope', unit: UNIT, period: '2025', text: 'x' })).statusCode, 404);
  assert.equal((await updatesOf(taskId)).length, n);
});

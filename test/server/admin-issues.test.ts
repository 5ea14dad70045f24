// The 核定 page's queue and figures: planners and administrators link a figure to an indicator (kept by
// hand, the derived data rebuilt) and enter an official figure with its source; leaders read without the
// forms, departments are refused; a refused form shows the page with the error and what was typed; audited.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { session, testApp, type TestApp } from './helpers.js';

let t: TestApp;
let fact: string;
before(async () => {
  t = await testApp();
  fact = (await t.store.selectFrom('facts').select('id').where('metric', '=', '投资').where('unit', '=', '亿元').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

test('the queue lists figures linked to no indicator; leaders read it without forms; departments are refused', async () => {
  const planner = await session(t, 'planner');
  const page = await planner.get('/issues');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /待关联的数字（\d+）/);
  assert.ok(page.body.includes(`id="link-${fact}"`), 'the unlinked figure is in the queue');
  assert.match(page.body, /action="\/issues\/link"/);
  assert.match(page.body, /action="\/issues\/actual"/);
  const leader = await session(t, 'leader');
  const read = await leader.get('/issues');
  assert.equal(read.statusCode, 200);
  assert.doesNotMatch(read.body, /action="\/issues\/(link|actual)"/);
  for (const who of ['leader', 'supervisor', 'dept-edu']) {
    const s = await session(t, who);
    assert.equal((await s.post('/issues/link', { subject: fact, indicator: 'fixed-investment' })).statusCode, 403, who);
    assert.equal((await s.post('/issues/actual', { indicator: 'gdp', region: '蓝湖市', year: '2025', value: '1', source: 'x' })).statusCode, 403, who);
  }
  assert.equal((await (await session(t, 'dept-edu')).get('/issues')).statusCode, 403);
});

test('a figure linked by hand leaves the queue and its target follows the indicator', async () => {
  const admin = await session(t, 'admin');
  const bad = await admin.post('/issues/link', { subject: fact, indicator: '没有这种指标' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /指标库中没有“没有这种指标”/);
  assert.match(bad.body, /value="没有这种指标"/, 'what was typed is kept');
  const res = await admin.post('/issues/link', { subject: fact, indicator: '固定资产投资' });
  assert.equal(res.statusCode, 303);
  assert.match((await admin.get('/issues?ok=link-set')).body, /已关联到指标/);
  const link = await t.store.selectFrom('links').selectAll().where('subject_id', '=', fact).executeTakeFirstOrThrow();
  assert.deepEqual([link.indicator_id, link.manual], ['fixed-investment', 1]);
  assert.ok(!(await admin.get('/issues')).body.includes(`id="link-${fact}"`), 'no longer in the queue');
  const [entry] = await t.store.selectFrom('audit_log').selectAll().where('action', '=', 'link-set').execute();
  assert.equal(entry.username, 'admin');
});

test('an official figure is entered with its source, once', async () => {
  const planner = await session(t, 'planner');
  const form = { indicator: 'gdp', region: '蓝湖市', year: '2025', value: '1234.5', measure: 'level', source: '2025年蓝湖市统计公报' };
  const noSource = await planner.post('/issues/actual', { ...form, source: '' });
  assert.equal(noSource.statusCode, 400);
  assert.match(noSource.body, /请填写出处/);
  assert.match(noSource.body, /value="1234\.5"/);
  const notNumber = await planner.post('/issues/actual', { ...form, value: '一千' });
  assert.match(notNumber.body, /数值“一千”不是数字/);
  const region = await planner.post('/issues/actual', { ...form, region: '火星' });
  assert.match(region.body, /没有地区“火星”/);
  const res = await planner.post('/issues/actual', form);
  assert.equal(res.statusCode, 303);
  assert.match(res.headers.location as string, /ok=actual-added/);
  const rows = await t.store.selectFrom('actuals').selectAll().where('source_kind', '=', 'manual').execute();
  assert.deepEqual(rows.map((r) => [r.indicator_id, r.region, r.year, r.value, r.source_note]), [['gdp', '蓝湖市', 2025, 1234.5, '2025年蓝湖市统计公报']]);
  assert.match((await planner.get('/issues')).body, /2025年蓝湖市统计公报/);
  assert.match((await planner.post('/issues/actual', form)).headers.location as string, /ok=actual-unchanged/);
  const entries = await t.store.selectFrom('audit_log').selectAll().where('action', '=', 'actual-add').execute();
  assert.deepEqual(entries.map((e) => e.username), ['planner']);
});

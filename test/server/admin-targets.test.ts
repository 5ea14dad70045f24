// Targets assigned to units by a planner: only planners and administrators assign (audited, stored in
// target_units); the unit then finds the target in the 指标 sheet of its Excel workbook, beside those the
// task-division plans give it, and may report on it in the web forms; an unknown unit is refused in the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { session, testApp, type TestApp } from './helpers.js';
import { templateWorkbook } from '../../src/report/excel.js';
import { loadWorkflow } from '../../src/server/routes/workflow/data.js';

let t: TestApp;
let target: string;
let unit: string;

before(async () => {
  t = await testApp();
  unit = t.units['dept-other'];
  // a target of 2025 or later that the plans do not give to this unit
  const data = await loadWorkflow(t.store);
  target = data.targets.find((x) => x.year >= 2026 && !x.units.includes(unit))!.id;
  assert.ok(target, 'the samples have a target the unit does not answer for');
});
after(() => t.close());

const sheetIds = async (u: string) => {
  const { workbook } = await templateWorkbook(t.store, u, '2026');
  const ids: string[] = [];
  workbook.getWorksheet('指标')!.eachRow((row, n) => n > 1 && ids.push(String(row.getCell(1).value)));
  return ids;
};

test('only planners and administrators assign units to a target', async () => {
  for (const who of ['dept-edu', 'dept-other', 'supervisor', 'leader']) {
    const s = await session(t, who);
    assert.equal((await s.get('/admin/targets')).statusCode, 403, who);
    assert.equal((await s.post(`/admin/targets/${encodeURIComponent(target)}`, { units: unit })).statusCode, 403, who);
  }
  assert.equal((await t.store.selectFrom('target_units').selectAll().execute()).length, 0);
});

test('a target assigned in the web app appears in that unit\'s workbook and its web forms', async () => {
  assert.ok(!(await sheetIds(unit)).includes(target), 'not in the workbook before');
  const planner = await session(t, 'planner');
  const list = await planner.get('/admin/targets');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`href="/admin/targets/${encodeURIComponent(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  const page = await planner.get(`/admin/targets/${encodeURIComponent(target)}`);
  assert.equal(page.statusCode, 200);
  const res = await planner.post(`/admin/targets/${encodeURIComponent(target)}`, { units: unit });
  assert.equal(res.statusCode, 303);
  assert.match((await planner.get(res.headers.location as string)).body, /已保存目标的责任单位/);
  const rows = await t.store.selectFrom('target_units').selectAll().execute();
  assert.deepEqual(rows.map((r) => [r.target_id, r.unit, r.assigned_by]), [[target, unit, 'planner']]);
  const [entry] = await t.store.selectFrom('audit_log').selectAll().where('action', '=', 'target-assign').execute();
  assert.deepEqual(JSON.parse(entry.after!), { units: [unit] });
  assert.ok((await sheetIds(unit)).includes(target), 'in the 指标 sheet of the unit');
  const eduPlanned = (await loadWorkflow(t.store)).targets.find((x) => x.id === target)!.units.includes(t.units['dept-edu']);
  assert.equal((await sheetIds(t.units['dept-edu'])).includes(target), eduPlanned, 'another unit keeps only what the plans give it');
  // the department sees it among its targets and may report on it
  const dept = await session(t, 'dept-other');
  const mine = await dept.get(`/departments/${encodeURIComponent(unit)}`);
  assert.ok(mine.body.includes(target), 'listed on the unit\'s page');
  // unassigning takes it away again
  assert.equal((await planner.post(`/admin/targets/${encodeURIComponent(target)}`, {})).statusCode, 303);
  assert.ok(!(await sheetIds(unit)).includes(target));
});

test('an unknown unit is refused in the page, keeping the choice', async () => {
  const admin = await session(t, 'admin');
  const res = await admin.post(`/admin/targets/${encodeURIComponent(target)}`, { units: '不存在的局' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /没有责任单位“不存在的局”/);
  assert.equal((await admin.post('/admin/targets/no-such-target', { units: unit })).statusCode, 404);
  assert.equal((await t.store.selectFrom('target_units').selectAll().execute()).length, 0);
});

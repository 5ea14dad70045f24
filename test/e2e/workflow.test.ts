// End to end in a real browser: a department reports, a planner approves and the indicator's status
// changes; another unit's department is refused; the public view shows nothing internal; supervision
// issues a 督办 notice and sees the reply. Screenshots of the main pages are saved.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/server/auth.js';
import { PASSWORD, start, unavailable, type Harness } from './harness.js';

const skip = unavailable();
const UNIT = '市农牧局'; // the samples' task-division plan gives it a task with a target (粮食产量)
const REPORT = '全年粮食产量18.9万吨，超额完成';
let h: Harness;
let targetId: string;

before(async () => {
  if (skip) return;
  h = await start();
  await createUser(h.store, { username: 'nongmu', displayName: UNIT, password: PASSWORD, role: 'department', units: [UNIT] });
  const task = await h.store.selectFrom('tasks').innerJoin('task_units', 'task_units.task_id', 'tasks.id').select(['tasks.document_id']).where('task_units.unit', '=', UNIT).executeTakeFirstOrThrow();
  targetId = (await h.store.selectFrom('targets').select('id').where('indicator_id', '=', 'grain-output').where('document_id', '=', task.document_id).executeTakeFirstOrThrow()).id;
});
after(async () => {
  if (!skip) await h.close();
});

async function as(username: string): Promise<Page> {
  const page = await h.newPage();
  await h.loginAs(page, username);
  return page;
}

/** The status shown for 蓝湖市 2025 on the grain output indicator page. */
async function grainStatus(page: Page): Promise<string> {
  await page.goto(`${h.base}/indicators/grain-output`);
  const row = page.locator('tr', { hasText: '2025' }).filter({ has: page.locator('.status') }).first();
  return (await row.locator('.status').first().innerText()).trim();
}

test('a department reports, a planner approves, the indicator status changes', { skip }, async () => {
  const planner = await as('planner');
  assert.equal(await grainStatus(planner), '暂无数据');

  const dept = await as('nongmu');
  await dept.goto(`${h.base}/departments/${encodeURIComponent(UNIT)}`);
  await h.shot(dept, 'department');
  // the target's reporting form opens on a page of its own
  await dept.locator(`tr[id="target-${targetId}"]`).getByRole('link', { name: '填报进展' }).click();
  const form = dept.locator('form', { has: dept.locator(`input[name="subject_id"][value="${targetId}"]`) });
  await form.locator('input[name="period"]').fill('2025');
  await form.locator('input[name="value"]').fill('18.9');
  await form.locator('textarea[name="text"]').fill(REPORT);
  await form.getByRole('button', { name: '提交进展' }).click();
  await dept.waitForURL((u) => u.pathname.startsWith('/departments/'));
  assert.match(await dept.locator('[role="status"]').innerText(), /进展已提交/);

  await planner.goto(`${h.base}/review`);
  await h.shot(planner, 'review');
  const item = planner.locator('tr, li, section, article').filter({ hasText: REPORT }).last();
  await item.getByRole('button', { name: '通过' }).click();
  await planner.waitForLoadState();
  assert.equal(await grainStatus(planner), '已完成');
  await h.shot(planner, 'indicator');
});

test('a department user is refused another unit\'s target', { skip }, async () => {
  const other = await as('dept2');
  await other.goto(`${h.base}/departments/${encodeURIComponent(UNIT)}`);
  assert.equal(await other.locator(`form input[name="subject_id"][value="${targetId}"]`).count(), 0, 'no form for another unit');
  const token = await other.locator('input[name="_csrf"]').first().inputValue();
  const status = await other.evaluate(
    async ([id, unit, csrf]) => {
      const body = new URLSearchParams({ _csrf: csrf, subject_kind: 'target', subject_id: id, unit, period: '2025', value: '1', text: '越权' });
      return (await fetch('/updates', { method: 'POST', body })).status;
    },
    [targetId, UNIT, token],
  );
  assert.equal(status, 403);
});

test('the public view shows published statuses and nothing internal', { skip }, async () => {
  const page = await h.newPage();
  await page.goto(`${h.base}/public`);
  await h.shot(page, 'public');
  const text = await page.locator('body').innerText();
  assert.match(text, /地区生产总值/);
  for (const internal of [REPORT, UNIT, 'nongmu', '退出', '督办']) assert.ok(!text.includes(internal), `public page shows "${internal}"`);
  const csv = await page.evaluate(async () => (await fetch('/public/data.csv')).text());
  assert.ok(!csv.includes(REPORT) && csv.includes('status'));
});

test('supervision issues a notice and sees the department\'s reply', { skip }, async () => {
  const sup = await as('supervisor');
  await sup.goto(`${h.base}/supervision`);
  await h.shot(sup, 'supervision');
  const form = sup.locator('form[action^="/notices?"]').first(); // the form at the end of the page, open
  await form.locator('select[name="unit"]').selectOption(UNIT);
  await form.locator('textarea[name="text"]').fill('请于期限内报送高标准农田建设进展');
  await form.getByRole('button', { name: '下发督办通知' }).click();
  await sup.waitForLoadState();

  const dept = await as('nongmu');
  await dept.goto(`${h.base}/notifications`);
  await dept.locator('a[href^="/notices/"]').first().click();
  await dept.locator('textarea[name="reply"]').fill('已完成3万亩中的2.1万亩，其余6月底前完成');
  await dept.getByRole('button', { name: '提交回复' }).click();
  await dept.waitForLoadState();

  await sup.goto(`${h.base}/supervision`);
  assert.match(await sup.locator('body').innerText(), /其余6月底前完成/);
});

test('screenshots of the main pages, at 1366×768 and at phone width', { skip }, async () => {
  const page = await as('leader');
  const [doc] = await h.store.selectFrom('documents').select('id').limit(1).execute();
  for (const [name, path] of [['overview', '/'], ['indicators', '/indicators'], ['document', `/documents/${doc.id}`], ['search', `/search?q=${encodeURIComponent('粮食')}`]]) {
    const r = await page.goto(h.base + path);
    assert.equal(r?.status(), 200, path);
    await h.shot(page, name);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${h.base}/`);
  await h.shot(page, 'overview-phone');
});

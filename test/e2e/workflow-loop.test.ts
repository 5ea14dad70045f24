// End to end in Chromium, at 1366×768 and at 390×844: a department user logs in and lands on 我的任务,
// opens a task's form, submits progress and sees the success message; a supervisor issues a 督办 notice,
// sees its number and prints it. Nothing is wider than the phone's viewport. Screenshots of each step.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { start, unavailable, type Harness } from './harness.js';

const skip = unavailable();
let h: Harness;

before(async () => {
  if (skip) return;
  h = await start();
});
after(async () => {
  if (!skip) await h.close();
});

const SIZES: Array<[string, number, number]> = [['', 1366, 768], ['-phone', 390, 844]];

async function as(username: string, width: number, height: number): Promise<Page> {
  const page = await h.newPage();
  await page.setViewportSize({ width, height });
  await h.loginAs(page, username);
  return page;
}
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const [suffix, width, height] of SIZES) {
  test(`a department lands on 我的任务 and reports progress (${width}px)`, { skip }, async () => {
    const dept = await as('dept1', width, height);
    assert.equal(new URL(dept.url()).pathname, '/my', 'after login: 我的任务');
    assert.equal(await dept.locator('h1').innerText(), '我的任务');
    assert.ok((await dept.locator('section[aria-labelledby="all"] table tbody tr').count()) > 0, 'the unit\'s tasks are listed');
    assert.ok(await overflow(dept) <= 0, 'nothing wider than the viewport');
    await h.shot(dept, `my-tasks${suffix}`);
    // the first task's form, open on its own page
    await dept.locator('section[aria-labelledby="all"] tbody tr').first().getByRole('link', { name: /填报进展|修改进展/ }).click();
    await dept.waitForURL((u) => u.pathname === '/updates/new');
    const form = dept.locator('form[action^="/updates"]');
    await form.locator('input[name="progress"]').fill('60');
    await form.locator('textarea[name="text"]').fill(`已完成年度任务的六成（${width}）`);
    await h.shot(dept, `report-form${suffix}`);
    await form.getByRole('button', { name: /提交进展|修改后重新提交/ }).click();
    await dept.waitForURL((u) => u.pathname === '/my');
    assert.match(await dept.locator('[role="status"]').innerText(), /进展已提交|已修改并重新提交/);
    await h.shot(dept, `my-tasks-submitted${suffix}`);
  });

  test(`a supervisor issues a numbered notice and prints it (${width}px)`, { skip }, async () => {
    const sup = await as('supervisor', width, height);
    await sup.goto(`${h.base}/notices/new`);
    const form = sup.locator('form[action^="/notices?"]');
    await form.locator('select[name="unit"]').selectOption(h.units[0]);
    await form.locator('textarea[name="text"]').fill('请于期限内书面报送本季度重点任务推进情况');
    await form.getByRole('button', { name: '下发督办通知' }).click();
    await sup.waitForURL((u) => /^\/notices\/[^/]+$/.test(u.pathname));
    const message = await sup.locator('[role="status"]').innerText();
    assert.match(message, /已下发 督办〔\d{4}〕\d+号/);
    assert.ok(await overflow(sup) <= 0, 'nothing wider than the viewport');
    await h.shot(sup, `notice${suffix}`);
    await sup.getByRole('link', { name: '打印（公文格式）' }).click();
    await sup.waitForURL((u) => u.pathname.endsWith('/print'));
    assert.match(await sup.locator('.no').innerText(), /督办〔\d{4}〕\d+号/);
    assert.equal(await sup.locator('h1').innerText(), '督办通知');
    assert.ok(await overflow(sup) <= 0, 'the print page fits the viewport');
    await h.shot(sup, `notice-print${suffix}`);
    if (!suffix) {
      await sup.emulateMedia({ media: 'print' });
      assert.equal(await sup.locator('.tools').isVisible(), false, 'printing shows the document only');
      const pdf = await sup.pdf({ format: 'A4' });
      assert.ok(pdf.length > 1000);
    }
  });
}

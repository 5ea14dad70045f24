// The administrator's journey in Chromium: create a department user in the browser, who then logs in with
// the password given and lands as that unit; the administration pages fit 1366 px and 390 px (nothing
// wider than the viewport), with screenshots of both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { PASSWORD, start, unavailable } from './harness.js';

const skip = unavailable();

/** How much wider than the viewport the page is (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('an administrator creates a user in the browser, who then logs in', { skip }, async () => {
  const h = await start();
  try {
    const page = await h.newPage();
    await h.loginAs(page, 'admin');
    await page.getByRole('link', { name: '管理', exact: true }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByLabel('用户名', { exact: true }).fill('li.na');
    await page.getByLabel('姓名或单位名称').fill('李娜');
    await page.getByLabel('角色').selectOption('department');
    await page.getByLabel('绑定的责任单位').selectOption([h.units[1]]);
    await page.getByLabel('初始密码').fill('li-na-first-pass');
    await h.shot(page, 'admin-users-1366');
    await page.getByRole('button', { name: '创建用户' }).click();
    await page.waitForURL(/\/admin\/users\/[^/?]+\?ok=user-added$/);
    assert.match(await page.getByRole('status').first().innerText(), /已创建用户/);
    assert.equal(await overflow(page), 0);
    await h.shot(page, 'admin-user-1366');
    for (const path of ['/admin/users', '/admin/uploads', '/admin/registry', '/admin/targets', '/admin/audit', '/issues', '/account']) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${h.base}${path}`);
      assert.ok((await overflow(page)) <= 0, `${path} fits 390 px`);
      if (path === '/admin/users') await h.shot(page, 'admin-users-390');
      if (path === '/issues') await h.shot(page, 'admin-issues-390');
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    await page.getByRole('button', { name: '退出' }).click();

    // the new user logs in with the password the administrator gave
    await page.goto(`${h.base}/login`);
    await page.getByLabel('用户名').fill('li.na');
    await page.getByLabel('密码').fill('li-na-first-pass');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    assert.match(await page.locator('header').innerText(), /李娜（部门）/);
    await page.goto(`${h.base}/account`);
    await page.setViewportSize({ width: 390, height: 844 });
    assert.equal(await overflow(page), 0);
    await h.shot(page, 'account-390');
    // and is refused the administration pages
    const res = await page.goto(`${h.base}/admin/users`);
    assert.equal(res?.status(), 403);
    assert.notEqual(PASSWORD, 'li-na-first-pass');
  } finally {
    await h.close();
  }
});

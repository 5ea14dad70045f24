import { test } from 'node:test';
import assert from 'node:assert/strict';
import { start, unavailable } from './harness.js';

const skip = unavailable();

test('a planner logs in through the login page of a real browser', { skip }, async () => {
  const h = await start();
  try {
    const page = await h.newPage();
    await h.loginAs(page, 'planner');
    assert.ok(!page.url().includes('/login'));
    await h.shot(page, 'after-login');
    // a phone-width viewport still shows the navigation
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.base}/login`);
    await h.shot(page, 'login-phone');
  } finally {
    await h.close();
  }
});

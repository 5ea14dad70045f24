// The pages at a glance and the public site in Chromium, at 1366×768 and at 390×844: each renders,
// nothing is wider than the viewport, the overview's tiles show the counts of the kept statuses and
// lead to the list of those indicators, the public indicator page draws its chart, and an English page
// stays English when a link is followed. Screenshots go to test/out/screenshots/glance-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { statusCounts } from '../../src/monitor/statuses.js';
import { STATUSES } from '../../src/web/pages/common.js';
import { start, unavailable, type Harness } from './harness.js';

const skip = unavailable();
let h: Harness;
let plan: string;

before(async () => {
  if (skip) return;
  h = await start();
  plan = (await h.store.selectFrom('documents').select('id').where('type', '=', '规划纲要').executeTakeFirstOrThrow()).id;
});
after(async () => {
  if (!skip) await h.close();
});

/** How far the page is wider than its viewport (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('glance and public pages render at 1366 and 390 px without horizontal overflow', { skip }, async () => {
  const page = await h.newPage();
  await h.loginAs(page, 'leader');
  const pages: Array<[string, string]> = [
    ['overview', '/'],
    ['indicator-list', '/indicators'],
    ['plan', `/plans/${plan}`],
    ['indicator', '/indicators/gdp-per-capita'],
    ['public', '/public'],
    ['public-list', '/public/indicators'],
    ['public-indicator', '/public/indicators/gdp-per-capita'],
    ['public-plan', `/public/plans/${plan}`],
    ['public-en', '/public/indicators/gdp-per-capita?lang=en'],
  ];
  for (const [width, height, suffix] of [[1366, 768, ''], [390, 844, '-phone']] as const) {
    await page.setViewportSize({ width, height });
    for (const [name, path] of pages) {
      const r = await page.goto(h.base + path);
      assert.equal(r?.status(), 200, path);
      assert.ok((await overflow(page)) <= 0, `${path} at ${width} px is ${await overflow(page)} px too wide`);
      await h.shot(page, `glance-${name}${suffix}`);
    }
  }
});

test('the overview tiles show the counts of the kept statuses and lead to the list of those indicators', { skip }, async () => {
  const page = await h.newPage();
  await h.loginAs(page, 'leader');
  await page.goto(`${h.base}/?lang=zh`);
  const byCategory = await statusCounts(h.store, 'category');
  const byIndicator = await statusCounts(h.store, 'indicator_id');
  for (const s of STATUSES) {
    const n = Number(await page.locator(`.tile.t-${s} strong`).innerText());
    assert.equal(n, [...byCategory.values()].reduce((a, c) => a + (c[s] ?? 0), 0), s);
  }
  await page.locator('.tile.t-missed a').click();
  await page.waitForURL(/\/indicators\?status=missed/);
  const rows = await page.locator('tbody tr').count();
  assert.equal(rows, [...byIndicator.values()].filter((c) => (c.missed ?? 0) > 0).length);
  // the plan's tile leads to the plan's own list
  await page.goto(`${h.base}/plans/${plan}`);
  await page.locator('.tile.t-achieved a').click();
  await page.waitForURL(/plan=.*status=achieved/);
  assert.equal(await page.locator("tbody tr").count(), (await h.store.selectFrom('statuses').select('indicator_id').distinct().where('document_id', '=', plan).where('status', '=', 'achieved').execute()).length);
});

test('the public indicator page draws its chart, and English stays English when a link is followed', { skip }, async () => {
  const page = await h.newPage();
  await page.goto(`${h.base}/public/indicators/gdp-per-capita?lang=en`);
  await page.locator('.chart svg').first().waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  // no Chinese outside lang="zh-CN" parts, the chart's own text (drawn by ECharts) included
  const stray = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest('script,style') || el.closest('[lang]')?.getAttribute('lang')?.startsWith('zh')) continue;
      if (/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test((n as Text).data)) out.push((n as Text).data.trim());
    }
    return out;
  });
  assert.deepEqual(stray, []);
  await page.getByRole('link', { name: 'All indicators' }).first().click();
  await page.waitForURL(/\/public\/indicators\?lang=en/);
  assert.equal(await page.locator('h1').innerText(), 'Public indicators');
  await page.locator('tbody tr a').first().click();
  await page.waitForURL(/\/public\/indicators\/[^?]+\?lang=en/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
});

// Journeys of each kind of user through the pages every role has, in a real browser, with screenshots at
// 1366×768 and 390×844 (test/out/screenshots/<journey>-<page>[-phone].png); and what cuts across them:
// switching the language, sharing an English address, and the error pages with their way back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { start, unavailable, type Harness } from './harness.js';

const skip = unavailable();
let h: Harness;

before(async () => {
  if (!skip) h = await start();
});
after(async () => {
  if (!skip) await h.close();
});

async function as(username?: string): Promise<Page> {
  const page = await h.newPage();
  if (username) await h.loginAs(page, username);
  return page;
}

/** Opens a page (200 expected) and saves it at both sizes. */
async function visit(page: Page, path: string, name: string): Promise<void> {
  const r = await page.goto(h.base + path);
  assert.equal(r?.status(), 200, `${path}: ${r?.status()}`);
  await page.setViewportSize({ width: 1366, height: 768 });
  await h.shot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await h.shot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1366, height: 768 });
}

const heading = (page: Page) => page.locator('h1').innerText();

test('leader: overview, an indicator, its source document, search', { skip }, async () => {
  const page = await as('leader');
  await visit(page, '/', 'leader-overview');
  await visit(page, '/indicators', 'leader-indicators');
  await page.locator('main a[href^="/indicators/"]').first().click();
  assert.match(page.url(), /\/indicators\/[^/?]+/);
  await visit(page, new URL(page.url()).pathname, 'leader-indicator');
  await page.goto(`${h.base}/documents`);
  await page.locator('main table a[href^="/documents/"]').first().click();
  assert.ok(await page.locator('pre.doc mark').count() > 0, 'the document shows what was extracted from it');
  await visit(page, new URL(page.url()).pathname, 'leader-document');
  await visit(page, `/search?q=${encodeURIComponent('粮食')}`, 'leader-search');
  assert.ok(await page.locator('main ol li').count() > 0);
});

test('department: its unit, its tasks and the projects list', { skip }, async () => {
  const page = await as('dept1');
  await visit(page, `/departments/${encodeURIComponent(h.units[0])}`, 'department-unit');
  assert.match(await page.locator('main').innerText(), new RegExp(h.units[0]));
  await visit(page, '/notifications', 'department-reminders');
  await visit(page, '/projects', 'department-projects');
  await page.locator('main table a[href^="/projects/"]').first().click();
  await visit(page, new URL(page.url()).pathname, 'department-project');
});

test('planner: review, conflicts, reports (a report is generated and downloaded)', { skip }, async () => {
  const page = await as('planner');
  await visit(page, '/review', 'planner-review');
  await visit(page, '/issues', 'planner-issues');
  await visit(page, '/reports', 'planner-reports');
  await page.locator('#format').selectOption('md');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成报告' }).click()]);
  assert.match(download.suggestedFilename(), /\.md$/);
});

test('supervisor: supervision and a document outline', { skip }, async () => {
  const page = await as('supervisor');
  await visit(page, '/supervision', 'supervisor-supervision');
  await page.goto(`${h.base}/documents`);
  await page.locator('main a[href^="/plans/"]').first().click();
  await visit(page, new URL(page.url()).pathname, 'supervisor-outline');
});

test('admin: every page of the navigation opens', { skip }, async () => {
  const page = await as('admin');
  await page.goto(`${h.base}/`);
  const links = await page.locator('header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  assert.ok(links.length >= 8, links.join(' '));
  for (const href of links) await visit(page, href, `admin-nav${href.replace(/\W+/g, '-')}`.replace(/-$/, ''));
});

test('public: the open data without logging in; internal pages ask for a login', { skip }, async () => {
  const page = await as();
  await visit(page, '/public', 'public');
  await page.goto(`${h.base}/documents`);
  assert.match(new URL(page.url()).pathname, /^\/login/);
  await visit(page, '/login', 'public-login');
});

test('English: the switch keeps the page, links keep the language, a shared address opens in English', { skip }, async () => {
  const page = await as('leader');
  await page.goto(`${h.base}/search?q=${encodeURIComponent('粮食')}`);
  await page.getByRole('link', { name: 'English' }).click();
  const url = new URL(page.url());
  assert.equal(url.pathname, '/search');
  assert.equal(url.searchParams.get('q'), '粮食', 'the query is kept');
  assert.equal(url.searchParams.get('lang'), 'en');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await heading(page), 'Search: 粮食');
  await visit(page, `${url.pathname}${url.search}`, 'english-search');
  // every link of the site on the page carries the language
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const without = hrefs.filter((href) => !/[?&]lang=/.test(href));
  assert.deepEqual(without, [], 'links without lang=en');
  await page.locator('main a[href^="/documents/"]').first().click();
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  await visit(page, new URL(page.url()).pathname + new URL(page.url()).search, 'english-document');
  assert.equal(await page.locator('pre.doc').getAttribute('lang'), 'zh-CN', 'the document\'s own text is marked Chinese');

  // shared: another browser, no cookie, opens the address in English
  const shared = page.url();
  const other = await as('planner');
  await other.goto(shared);
  assert.equal(await other.locator('html').getAttribute('lang'), 'en');
  await other.getByRole('link', { name: '中文' }).click();
  assert.equal(new URL(other.url()).searchParams.get('lang'), 'zh');
  assert.equal(await other.locator('html').getAttribute('lang'), 'zh-CN');
  assert.ok(await other.locator('a', { hasText: '文件' }).count() > 0);

  // a public visitor's English overview of the open data
  const visitor = await as();
  await visit(visitor, '/public?lang=en', 'english-public');
  assert.equal(await visitor.locator('html').getAttribute('lang'), 'en');
});

test('errors: 404 and 403 are pages in the chosen language with a way back', { skip }, async () => {
  const page = await as('dept1');
  const r = await page.goto(`${h.base}/no/such/page?lang=en`);
  assert.equal(r?.status(), 404);
  assert.equal(await heading(page), '404 Page not found');
  await h.shot(page, 'error-404');
  await page.getByRole('link', { name: 'Back to the overview' }).click();
  // a department's overview is its own tasks (我的任务)
  assert.equal(new URL(page.url()).pathname, '/my');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the way back keeps the language');

  await page.goto(`${h.base}/documents?lang=zh`);
  const refused = await page.goto(`${h.base}/review`);
  assert.equal(refused?.status(), 403);
  assert.equal(await heading(page), '403 无权访问');
  await page.setViewportSize({ width: 390, height: 844 });
  await h.shot(page, 'error-403-phone');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
});

// The pages at a glance and the public site on the samples: tiles count what statusCounts counts and
// link to lists that hold exactly those indicators; documents are named by region, year and title;
// the plan page shows each chapter's progress; the indicator list searches, filters, sorts and draws
// sparklines; the public site has a page per indicator with its quotes and the open-data rows, plans by
// chapter and search, without login; English pages keep their language in every link.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { statusCounts } from '../../src/monitor/statuses.js';
import { STATUSES } from '../../src/web/pages/common.js';
import { testApp, type TestApp } from './helpers.js';

let t: TestApp;
let cookie: string;
let plan: string;
let report: string;

before(async () => {
  t = await testApp();
  cookie = await t.login('leader');
  plan = (await t.store.selectFrom('documents').select('id').where('type', '=', '规划纲要').executeTakeFirstOrThrow()).id;
  report = (await t.store.selectFrom('documents').select('id').where('type', '=', '政府工作报告').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

/** The page with the escapes of its attributes decoded (&#61; is =), so that links read as written. */
async function get(url: string, c: string = cookie): Promise<{ statusCode: number; body: string }> {
  const res = await t.app.inject({ method: 'GET', url, headers: c ? { cookie: c } : {} });
  return { statusCode: res.statusCode, body: res.body.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))) };
}
const tileCount = (body: string, status: string, base: string) => Number(new RegExp(`<a href="${base.replace(/[?]/g, '\\?')}status=${status}(?:&lang=en)?"><strong>(\\d+)</strong>`).exec(body)?.[1]);
const rowsOf = (body: string) => (body.match(/<tr><th scope="row">/g) ?? []).length;

test('the overview tiles count the kept statuses, and each links to the list of exactly those indicators', async () => {
  const [byCategory, byIndicator] = await Promise.all([statusCounts(t.store, 'category'), statusCounts(t.store, 'indicator_id')]);
  const home = (await get('/')).body;
  for (const s of STATUSES) {
    const want = [...byCategory.values()].reduce((n, c) => n + (c[s] ?? 0), 0);
    assert.equal(tileCount(home, s, '/indicators?'), want, `tile ${s}`);
    const list = (await get(`/indicators?status=${s}`)).body;
    const indicators = [...byIndicator.values()].filter((c) => (c[s] ?? 0) > 0).length;
    assert.equal(rowsOf(list), indicators, `/indicators?status=${s} lists the indicators with a target ${s}`);
  }
  assert.ok(tileCount(home, 'missed', '/indicators?') > 0, 'the samples have a missed target');
  // plans named by region, year and title, with a bar of their statuses; never by file name
  assert.match(home, /<a href="\/plans\/[0-9a-f]+">蓝湖市 2025年 政府工作报告<\/a>/);
  assert.ok(!home.includes('.txt'), 'no file names');
  assert.match(home, /<div class="bar" role="img" aria-label="未完成 2，[^"]*进度正常 4，已完成 4">/);
  // each responsible unit links to its page, the units with overdue tasks first
  const unit = /<th scope="row"><a href="(\/departments\/[^"]+)">/.exec(home.slice(home.indexOf('按责任单位（任务）')));
  assert.ok(unit, 'units link to their pages');
  assert.equal((await get(unit[1])).statusCode, 200);
});

test('the plan page shows its statuses as tiles, each chapter\'s progress and the reported progress of its tasks', async () => {
  const counts = (await statusCounts(t.store, 'document_id')).get(plan)!;
  const task = await t.store.selectFrom('tasks').select(['id', 'title']).where('document_id', '=', plan).orderBy('seq').executeTakeFirstOrThrow();
  const [leader] = await t.store.selectFrom('users').select('id').where('username', '=', 'leader').execute();
  await t.store
    .insertInto('updates')
    .values({ id: 'u-glance', subject_kind: 'task', subject_id: task.id, unit: '某局', period: '2025-06', value: null, progress: 60, text: '', evidence_name: null, evidence_path: null, status: 'approved', comment: null, version: 1, submitted_by: leader.id, submitted_at: '2025-06-30T08:00:00.000Z', reviewed_by: null, reviewed_at: null })
    .execute();
  try {
    const body = (await get(`/plans/${plan}`)).body;
    for (const s of STATUSES) assert.equal(tileCount(body, s, `/indicators?plan=${plan}&`), counts[s] ?? 0, `plan tile ${s}`);
    assert.match(body, /<caption>各章进展<\/caption>/);
    assert.match(body, /<th scope="row"><a href="#ch0">第一章 /);
    assert.ok(body.includes(`>${task.title}</a>`) && /进度 <strong>60%<\/strong>/.test(body), 'the task shows its approved progress');
    assert.match(body, /1 项已报进度，平均 60%/);
    // the tile's list: the indicators of this plan with a missed target
    const missed = (await get(`/indicators?plan=${plan}&status=missed`)).body;
    assert.equal(rowsOf(missed), 2);
    assert.match(missed, /蓝湖市国民经济和社会发展第十五个五年规划纲要/);
  } finally {
    await t.store.deleteFrom('updates').where('id', '=', 'u-glance').execute();
  }
});

test('the indicator list searches names and synonyms, filters, sorts, pages and draws a sparkline of the actuals', async () => {
  const forest = (await get(`/indicators?q=${encodeURIComponent('森林')}`)).body;
  assert.equal(rowsOf(forest), 1);
  assert.match(forest, /href="\/indicators\/forest"/);
  assert.equal(rowsOf((await get('/indicators?q=GDP')).body), rowsOf((await get(`/indicators?q=${encodeURIComponent('地区生产总值')}`)).body) > 0 ? rowsOf((await get('/indicators?q=GDP')).body) : -1);
  const economy = (await get(`/indicators?category=${encodeURIComponent('经济发展')}&attribute=${encodeURIComponent('预期性')}`)).body;
  const cats = [...economy.matchAll(/<td data-label="类别：">([^<]*)<\/td>/g)].map((m) => m[1]);
  assert.ok(cats.length > 0 && cats.every((c) => c === '经济发展'), 'only the category chosen');
  const byName = (await get('/indicators?sort=name')).body;
  const names = [...byName.matchAll(/<th scope="row"><a href="\/indicators\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'zh')));
  const worst = (await get('/indicators?sort=worst')).body;
  assert.match(worst.slice(worst.indexOf('<tbody>'), worst.indexOf('</tr>', worst.indexOf('<tbody>'))), /s-missed/, 'worst first');
  const gdp = (await get('/indicators?q=gdp-per-capita')).body;
  assert.match(gdp, /<svg class="spark"[^>]*role="img" aria-label="\d{4}年 [\d.]+ → \d{4}年 [\d.]+"><polyline/);
});

test('the public site: a page per indicator with chart, targets by level, quotes and downloads equal to the open-data file', async () => {
  const page = await get('/public/indicators/gdp-per-capita', '');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<script type="application\/json" id="chart-data-0">/);
  assert.match(page.body, /<caption>目标（按层级、地区、年份）<\/caption>/);
  // each figure links to the quote of its source line, which names its document by region and title
  const cite = /<a href="#q(\d+)">6\.5<\/a>/.exec(page.body);
  assert.ok(cite, 'the target links to its quote');
  const quote = new RegExp(`<li id="q${cite[1]}"><blockquote>([^<]+)</blockquote><p class="counts">([^<]+)</p>`).exec(page.body);
  assert.ok(quote && quote[1].includes('6.5') && quote[2].startsWith('蓝湖市国民经济和社会发展第十五个五年规划纲要 第41行'), String(quote));
  assert.ok(!page.body.includes('href="/documents/'), 'no links into the logged-in application');
  const csv = await t.app.inject({ url: '/public/indicators/gdp-per-capita/data.csv' });
  const open = await t.app.inject({ url: '/public/opendata/data-gdp-per-capita.csv' });
  assert.equal(open.statusCode, 200);
  assert.equal(csv.body, open.body, 'the same rows as the open-data file');
  const json = JSON.parse((await get('/public/indicators/gdp-per-capita/data.json', '')).body);
  assert.equal(json.indicator.id, 'gdp-per-capita');
  assert.equal(json.data.length, csv.body.trim().split('\r\n').length - 1);
  assert.ok(json.statuses.every((s: { indicator_id: string }) => s.indicator_id === 'gdp-per-capita') && json.statuses.length > 0);
  assert.equal((await get('/public/indicators/no-such', '')).statusCode, 404);
});

test('the public site browses by area and by plan, searches, and counts as statusCounts does', async () => {
  const byCategory = await statusCounts(t.store, 'category');
  const home = (await get('/public', '')).body;
  for (const s of STATUSES) assert.equal(tileCount(home, s, '/public/indicators?'), [...byCategory.values()].reduce((n, c) => n + (c[s] ?? 0), 0), `public tile ${s}`);
  assert.match(home, /<a href="\/public\/indicators\?category=%E7%BB%8F%E6%B5%8E%E5%8F%91%E5%B1%95"><strong>经济发展<\/strong>/);
  assert.match(home, new RegExp(`<a href="/public/plans/${report}">蓝湖市 2025年 政府工作报告</a>`));
  const byPlan = (await get(`/public/plans/${plan}`, '')).body;
  assert.match(byPlan, /<h2 id="ch0">第一章 /);
  assert.equal(rowsOf(byPlan), (await statusCounts(t.store, 'document_id')).get(plan) ? Object.values((await statusCounts(t.store, 'document_id')).get(plan)!).reduce((a, b) => a + b, 0) : -1, 'every target of the plan in its chapter');
  const search = (await get(`/public/indicators?q=${encodeURIComponent('蓝湖')}`, '')).body;
  assert.match(search, /<h2>相关规划<\/h2>/);
  const forest = (await get(`/public/indicators?q=${encodeURIComponent('森林覆盖')}`, '')).body;
  assert.equal(rowsOf(forest), 1);
  // sorted by the number of targets: the counts in the list never rise
  const byTargets = (await get('/public/indicators?sort=targets', '')).body;
  const counts = [...byTargets.matchAll(/<td data-label="目标数：">(\d+)<\/td>/g)].map((m) => Number(m[1]));
  assert.ok(counts.length > 10 && counts.every((n, i) => !i || n <= counts[i - 1]), String(counts));
  const plans = (await get(`/public/plans?q=${encodeURIComponent('规划纲要')}`, '')).body;
  assert.match(plans, /共 1 份规划和报告有指标目标/);
  assert.match((await get('/public/plans?q=%25', '')).body, /共 0 份规划和报告有指标目标/, '% is searched for as itself');
  for (const body of [home, byPlan, forest]) for (const secret of [t.units['dept-other'], 'planner', 'dept-edu']) assert.ok(!body.includes(secret), `leaks ${secret}`);
});

test('English pages: every link keeps lang=en and interface text outside Chinese parts is English', async () => {
  const urls = ['/?lang=en', '/indicators?lang=en', `/plans/${plan}?lang=en`, '/indicators/gdp-per-capita?lang=en', '/public?lang=en', '/public/indicators?lang=en', '/public/indicators/gdp-per-capita?lang=en', `/public/plans/${plan}?lang=en`, '/public/plans?lang=en'];
  for (const url of urls) {
    const res = await t.app.inject({ url, headers: url.startsWith('/public') ? {} : { cookie } });
    assert.equal(res.statusCode, 200, url);
    const main = res.body.slice(res.body.indexOf('<main'), res.body.indexOf('</main>'));
    const links = [...main.matchAll(/href="(\/[^"]*)/g)].map((m) => m[1].replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/#.*/, ''));
    for (const h of links.filter((x) => !x.startsWith('/assets/') && !x.startsWith('/public/opendata/') && !/data\.(csv|json)$/.test(x))) assert.match(h, /[?&]lang=en\b/, `${url}: ${h}`);
    // the text outside elements marked Chinese, and the names (aria-label, placeholder) given in English
    const text = main
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
      .replace(/<(span|option|blockquote)[^>]*lang="zh-CN"[^>]*>[^<]*<\/\1>/g, '')
      .replace(/<[^>]+?(?:aria-label|placeholder)="([^"]*)"[^>]*>/g, ' $1 ')
      .replace(/<[^>]+>/g, ' ');
    const han = text.match(/[^\s]*[\u3000-\u303f\u3400-\u9fff\uff00-\uffef][^\s]*/g) ?? [];
    assert.deepEqual(han, [], `${url}: Chinese outside marked parts`);
  }
});

// The pages on the samples through app.inject(): each renders for a logged-in user and sends others to
// the login page; numbers link to their source lines; the viewer marks records; titles are escaped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from './helpers.js';
import { indexLines } from '../../src/store/search-index.js';

let t: TestApp;
let cookie: string;
let plan: string;
let report: string;

before(async () => {
  t = await testApp();
  cookie = await t.login('planner');
  plan = (await t.store.selectFrom('documents').select('id').where('type', '=', '规划纲要').executeTakeFirstOrThrow()).id;
  report = (await t.store.selectFrom('tasks').select('document_id').where('kind', '=', 'assigned').executeTakeFirstOrThrow()).document_id;
});
after(() => t.close());

const anonymous = '';
const get = (url: string, c: string = cookie) => t.app.inject({ method: 'GET', url, headers: c ? { cookie: c } : {} });
const pages = () => ['/', '/indicators', '/indicators?all=1', '/indicators/gdp-per-capita', `/plans/${plan}`, '/documents', `/documents/${plan}`, `/documents/${report}`, '/search', '/search?q=生态'];

test('every page renders for each role and sends an anonymous visitor to the login page', async () => {
  for (const user of ['planner', 'dept-edu', 'leader']) {
    const c = await t.login(user);
    // a department user lands on 我的任务; the overview is at /?view=overview
    if (user.startsWith('dept')) assert.equal((await get('/', c)).headers.location, '/my');
    for (const url of pages().map((u) => (u === '/' && user.startsWith('dept') ? '/?view=overview' : u))) {
      const res = await get(url, c);
      assert.equal(res.statusCode, 200, `${user} ${url}`);
      assert.match(String(res.headers['content-type']), /text\/html; charset=utf-8/);
      assert.match(res.body, /<h1>/);
    }
  }
  for (const url of pages()) {
    const res = await get(url, anonymous);
    assert.ok([302, 303].includes(res.statusCode), `${url} → ${res.statusCode}`);
    assert.match(String(res.headers.location), /^\/login\?next=/);
  }
  assert.equal((await get('/indicators/no-such-indicator')).statusCode, 404);
  assert.equal((await get('/documents/no-such-document')).statusCode, 404);
  assert.equal((await get('/plans/no-such-document')).statusCode, 404);
});

test('the indicator page has the chart JSON, its table, and numbers linked to their source lines', async () => {
  const res = await get('/indicators/gdp-per-capita');
  const json = res.body.match(/<script type="application\/json" id="chart-data-0">([^<]*)<\/script>/);
  assert.ok(json, 'chart data');
  const chart = JSON.parse(json[1]);
  assert.deepEqual(new Set(chart.series.map((s: { kind: string }) => s.kind)), new Set(['baseline', 'actual', 'estimate', 'path', 'target']));
  assert.match(res.body, /data-chart="chart-data-0"/);
  assert.match(res.body, /<table[^>]*><caption>[^<]*图表数据/);
  assert.match(res.body, /<th scope="col">年份<\/th>/);
  assert.match(res.body, /<a href="\/documents\/[0-9a-f]+#L41">6\.5<\/a>/);
  assert.match(res.body, /<a href="\/documents\/[0-9a-f]+#L41">5\.1（2020）<\/a>/);
  assert.match(res.body, /预计数/);
  assert.match(res.body, /<script src="\/assets\/lantu-chart\.js" defer><\/script>/);
  assert.doesNotMatch(res.body, /<script>/, 'no inline script');
  const js = await get('/assets/lantu-chart.js', anonymous);
  assert.equal(js.statusCode, 200);
  assert.match(String(js.headers['content-type']), /javascript/);
  assert.match(js.body, /echarts\.init/);
  const list = await get('/indicators?status=achieved');
  assert.match(list.body, /href="\/indicators\/forest"/);
  assert.doesNotMatch(list.body, /class="status s-off_track"/);
});

test('the document viewer numbers its lines and marks facts and tasks with their description', async () => {
  const res = await get(`/documents/${plan}`);
  assert.match(res.body, /<span id="L41"><a class="ln" href="#L41"[^>]*>41<\/a>/);
  assert.match(res.body, /<mark title="表 1-1 指标：人均地区生产总值（万元）/);
  assert.match(res.body, /<mark title="森林覆盖率 40\.5%（实际，2025年）/);
  const tasks = await get(`/documents/${report}`);
  assert.match(tasks.body, /<mark title="任务：[^"]+ 责任单位：[^"]+"/);
  const outline = await get(`/plans/${plan}`);
  assert.match(outline.body, /<h2>第一章 <a href="\/documents\/[0-9a-f]+#L21">/);
  assert.match(outline.body, /项目：<a href="\/documents\/[0-9a-f]+#L93">/);
  assert.match(outline.body, /任务：<a href="\/documents\/[0-9a-f]+#L83">构建湖区生态安全格局<\/a>/);
});

test('the overview counts statuses and warns of overdue and lagging tasks and shows new updates', async () => {
  const late = await t.store.selectFrom('tasks').select(['id', 'title']).where('deadline_date', 'is not', null).orderBy('deadline_date').execute();
  assert.ok(late.length >= 2);
  const [submitter] = await t.store.selectFrom('users').select('id').where('username', '=', 'dept-edu').execute();
  await t.store
    .insertInto('updates')
    .values({ id: 'u-lag', subject_kind: 'task', subject_id: late[1].id, unit: t.units['dept-edu'], period: '2025-06', value: null, progress: 40, text: '完成四成', evidence_name: null, evidence_path: null, status: 'approved', comment: null, version: 1, submitted_by: submitter.id, submitted_at: '2025-06-30T08:00:00.000Z', reviewed_by: null, reviewed_at: null })
    .execute();
  const res = await get('/');
  assert.match(res.body, /<caption>按指标类别<\/caption>/);
  assert.match(res.body, /<caption>按规划（文件）<\/caption>/);
  assert.match(res.body, /<caption>按责任单位（任务）<\/caption>/);
  const overdue = res.body.slice(res.body.indexOf('id="h-overdue"'), res.body.indexOf('id="h-lagging"'));
  const lagging = res.body.slice(res.body.indexOf('id="h-lagging"'), res.body.indexOf('id="h-updates"'));
  assert.ok(overdue.includes(late[0].title), 'overdue without an approved update');
  assert.ok(!overdue.includes(late[1].title) && lagging.includes(late[1].title), 'lagging behind 序时进度');
  assert.match(res.body, /<td[^>]*>40%<\/td><td[^>]*>已通过<\/td>/);
  assert.match(res.body, /<a href="\/documents\/[0-9a-f]+#L\d+">/);
  await t.store.deleteFrom('updates').where('id', '=', 'u-lag').execute();
});

test('the public page and downloads need no login and show no tasks, updates or users', async () => {
  const [user] = await t.store.selectFrom('users').select('id').where('username', '=', 'dept-other').execute();
  await t.store
    .insertInto('updates')
    .values({ id: 'u-secret', subject_kind: 'task', subject_id: 'x', unit: t.units['dept-other'], period: '2025', value: null, progress: 10, text: '内部进度说明XYZ', evidence_name: 'secret.pdf', evidence_path: '/tmp/secret.pdf', status: 'approved', comment: '内部审核意见XYZ', version: 1, submitted_by: user.id, submitted_at: '2025-07-01T00:00:00.000Z', reviewed_by: null, reviewed_at: null })
    .execute();
  const tasks = (await t.store.selectFrom('tasks').select('title').execute()).map((x) => x.title);
  const page = await get('/public', anonymous);
  const csv = await get('/public/data.csv', anonymous);
  const json = await get('/public/data.json', anonymous);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<caption>公开指标/);
  assert.match(page.body, /森林覆盖率/);
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.match(String(csv.headers['content-disposition']), /^attachment; filename="lantu-public\.csv"/);
  assert.match(csv.body, /^\ufeffindicator_id,indicator,unit,attribute,region,level,year,target,latest_actual,status,status_label,reason\r\n/);
  assert.match(csv.body, /forest,森林覆盖率,%/);
  assert.match(String(json.headers['content-disposition']), /^attachment; filename="lantu-public\.json"/);
  const data = JSON.parse(json.body);
  assert.equal(data.rows.length, csv.body.trim().split('\r\n').length - 1);
  for (const body of [page.body, csv.body, json.body]) {
    for (const secret of ['内部进度说明XYZ', '内部审核意见XYZ', 'secret.pdf', 'dept-other', 'planner', t.units['dept-other'], ...tasks]) assert.ok(!body.includes(secret), `leaks ${secret}`);
  }
  await t.store.deleteFrom('updates').where('id', '=', 'u-secret').execute();
});

test('a malicious document title and text are escaped on every page', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  await t.store.insertInto('sources').values({ content_hash: 'evil', file: 'evil.txt', format: 'txt', encoding: 'utf-8', text: `${evil}\n<script>alert(2)</script> 恶意文本\n`, ingested_at: new Date().toISOString() }).execute();
  const record = { file: 'evil.txt', lines: [1, 2], title: evil, attachments: [], sections: [{ kind: 'heading', title: evil, level: 1, lines: [1, 2], children: [] }], tables: [], projects: [] };
  await t.store.insertInto('documents').values({ id: 'evil1', content_hash: 'evil', seq: 0, file: 'evil.txt', title: evil, type: null, doc_number: null, issuer: evil, date: null, region: null, level: null, line_first: 1, line_last: 2, record: JSON.stringify(record) }).execute();
  // stored past storeFile: its search lines written as storeFile writes them
  await indexLines(t.store, `${evil}\n<script>alert(2)</script> 恶意文本\n`, [{ id: 'evil1', line_first: 1, line_last: 2 }]);
  for (const url of ['/documents', '/documents/evil1', '/plans/evil1', '/search?q=onerror', '/search?q=恶意文本']) {
    const res = await get(url);
    assert.equal(res.statusCode, 200, url);
    assert.ok(!res.body.includes('<img'), `${url} has an unescaped <img`);
    assert.ok(!res.body.includes('<script>alert'), `${url} has an unescaped <script>`);
    assert.ok(res.body.includes('&#60;img src&#61;x') || res.body.includes('&#60;script&#62;'), url);
  }
  await t.store.deleteFrom('documents').where('id', '=', 'evil1').execute();
  await t.store.deleteFrom('sources').where('content_hash', '=', 'evil').execute();
});

test('the navigation shows how many reminders wait for the user', async () => {
  const t2 = await testApp();
  try {
    const cookie = await t2.login('planner');
    const before = (await t2.app.inject({ url: '/', headers: { cookie } })).body;
    const n = Number(/href="\/notifications"[^>]*>提醒(?: <strong>(\d+)<\/strong>)?/.exec(before)?.[1] ?? 0);
    await t2.store
      .insertInto('updates')
      .values({ id: 'u-test', subject_kind: 'task', subject_id: 'x', unit: t2.units['dept-edu'], period: '2025', value: null, progress: 10, text: '测试', evidence_name: null, evidence_path: null, status: 'submitted', comment: null, version: 1, submitted_by: 'x', submitted_at: new Date().toISOString(), reviewed_by: null, reviewed_at: null })
      .execute();
    const after = (await t2.app.inject({ url: '/', headers: { cookie } })).body;
    assert.match(after, new RegExp(`href="/notifications"[^>]*>提醒 <strong>${n + 1}</strong>`));
  } finally {
    await t2.close();
  }
});

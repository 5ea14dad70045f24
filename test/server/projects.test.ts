// The projects pages through app.inject(): every logged-in role reads the list and a project's page,
// the public does not; on the reference corpus (skipped when ../shared is absent) 南山口抽水蓄能电站 has
// one page with its dated stages in order, each linked to its source line, and the plan links to it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/cli/ingest.js';
import { testApp, type TestApp } from './helpers.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const present = existsSync(corpus);
let t: TestApp;

before(async () => {
  t = await testApp();
  if (present) await ingestPaths(t.store, [corpus]);
});
after(async () => t.close());

test('every logged-in role may read the projects; the public is sent to log in', async () => {
  for (const role of ['admin', 'planner', 'dept-edu', 'supervisor', 'leader']) {
    const cookie = await t.login(role);
    const res = await t.app.inject({ url: '/projects', headers: { cookie } });
    assert.equal(res.statusCode, 200, role);
    assert.match(res.body, /<h1>项目<\/h1>/);
    assert.match(res.body, /href="\/projects"/, 'in the navigation');
  }
  const anon = await t.app.inject({ url: '/projects' });
  assert.notEqual(anon.statusCode, 200);
  const missing = await t.app.inject({ url: '/projects/nope', headers: { cookie: await t.login('leader') } });
  assert.equal(missing.statusCode, 404);
});

test('a searched name is escaped', async () => {
  const cookie = await t.login('leader');
  const res = await t.app.inject({ url: `/projects?name=${encodeURIComponent('<script>x')}`, headers: { cookie } });
  assert.equal(res.statusCode, 200);
  assert.ok(!res.body.includes('<script>x'));
});

test('南山口抽水蓄能电站: one page, its stages dated and in order, linked to their sources', { skip: !present && '../shared absent: corpus tests skipped' }, async () => {
  const cookie = await t.login('leader');
  const list = await t.app.inject({ url: `/projects?name=${encodeURIComponent('抽蓄')}`, headers: { cookie } });
  const links = [...list.body.matchAll(/<a href="(\/projects\/[0-9a-f]+)">南山口抽水蓄能电站<\/a>/g)];
  assert.equal(links.length, 1, 'one project');
  const page = await t.app.inject({ url: links[0][1], headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /240万千瓦/);
  assert.match(page.body, /现阶段：全面施工（2024年）/);
  const body = page.body.slice(page.body.indexOf('<caption>时间线</caption>'));
  const rows = [...body.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td>[\s\S]*?href="\/documents\/([^"#]+)#L(\d+)"/g)].map((m) => ({ when: m[1], stage: m[2], doc: m[3] }));
  assert.ok(rows.length >= 4, `${rows.length} rows`);
  assert.ok(new Set(rows.map((r) => r.doc)).size >= 3);
  const firstYears = rows.map((r) => Number(r.when.slice(0, 4)));
  assert.deepEqual(firstYears, [...firstYears].sort((a, b) => a - b));
  for (const [when, stage] of [['2023', '开工'], ['2024', '全面施工'], ['2025', '加快建设'], ['2026–2030', '加快建设']])
    assert.ok(rows.some((r) => r.when === when && r.stage === stage), `${when} ${stage}: ${JSON.stringify(rows)}`);
  // the plan's 专栏 project links to the project's page
  const plan = await t.store.selectFrom('documents').select('id').where('type', '=', '规划纲要').where('region', '=', '格尔木市').executeTakeFirstOrThrow();
  const planPage = await t.app.inject({ url: `/plans/${plan.id}`, headers: { cookie } });
  assert.ok(planPage.body.includes(`跟踪项目：`) && planPage.body.includes(`href="${links[0][1]}"`));
});

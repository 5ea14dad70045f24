// Pages of a store with many documents stay readable: the overview lists the most serious warnings and
// the documents with most of them, and says how many there are; /public is paged and filtered by region;
// an indicator's targets are paged or chosen by region; the reminder count in every page's header is the count /notifications lists, for every role and date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import { allRegions } from '../../src/structure/regions.js';
import { loadWorkflow, reminderCount, remindersOf } from '../../src/server/routes/workflow/data.js';
import { workReport } from '../monitor/reports.js';
import { testApp, session } from './helpers.js';

/** Two reports for each of `n` counties: 2024 sets growth 7, 2025 says 2024 grew 3 (a missed target). */
function counties(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-many-'));
  const names = allRegions().filter((r) => r.level === 'county' && /县$/.test(r.name)).slice(0, n).map((r) => r.name);
  for (const [i, region] of names.entries())
    for (const year of [2024, 2025])
      writeFileSync(join(dir, `${i}-${year}.txt`), workReport({ region, year, actual: { gdpGrowth: 3, unemployment: 3.4, jobs: 4200 }, target: { gdpGrowth: 7, unemployment: 3.5, jobs: 5200 } }));
  return dir;
}

test('the overview of 60 counties lists the 50 most serious warnings and 30 documents, and says how many; an indicator and /public are paged', async () => {
  const t = await testApp();
  try {
    await ingestPaths(t.store, [counties(60)]);
    const planner = await session(t, 'planner');
    const home = (await planner.get('/')).body;
    const total = Number(/共 (\d+) 项指标预警，这里列出最严重的 50 项/.exec(home)?.[1]);
    assert.ok(total >= 60, `a note says how many warnings there are (${total})`);
    // a missed year is counted where a leader looks first, not only in the tables
    assert.ok(Number(/<strong>(\d+)<\/strong>项目标未完成/.exec(home)?.[1]) >= 60, 'the card of missed targets counts the 60 counties');
    assert.match(home, /共 \d+ 份文件有指标目标，下表列出预警最多的 30 份/);
    const warnTable = home.slice(home.indexOf('id="h-warn"'), home.indexOf('id="h-overdue"'));
    assert.equal((warnTable.match(/<tr>/g) ?? []).length - 1, 50, 'fifty warnings listed (and the header row)');

    // an indicator of 120 targets: paged, or one region chosen
    const gdp = (await planner.get('/indicators/gdp-growth')).body;
    assert.match(gdp, /共 12\d 项目标，第 1 \/ 2 页/);
    const target = (body: string) => body.slice(body.indexOf('目标（按地区、年份）'), body.indexOf('<h2>实际值'));
    assert.equal((target(gdp).match(/<tr>/g) ?? []).length - 1, 100);
    const county = allRegions().find((r) => r.level === 'county' && /县$/.test(r.name))!.name;
    const own = (await planner.get(`/indicators/gdp-growth?region=${encodeURIComponent(county)}`)).body;
    assert.equal((target(own).match(/<tr>/g) ?? []).length - 1, 2, 'the two years of the one county');
    assert.ok(target(own).includes(county));

    const first = (await planner.get('/public')).body;
    const pages = Number(/第 1 \/ (\d+) 页/.exec(first)?.[1]);
    assert.ok(pages >= 2, 'more than 200 rows are paged');
    const last = (await planner.get(`/public?page=${pages}`)).body;
    assert.match(last, new RegExp(`第 ${pages} / ${pages} 页`));
    assert.doesNotMatch(last, /rel="next"/);
    const region = allRegions().find((r) => r.level === 'county' && /县$/.test(r.name))!.name;
    const one = (await planner.get(`/public?region=${encodeURIComponent(region)}`)).body;
    assert.match(one, /公开指标（\d+ 项）/);
    assert.doesNotMatch(one, /第 1 \/ \d+ 页/, 'one county fits one page');
    assert.equal((one.match(/<tr>/g) ?? []).length - 1, Number(/公开指标（(\d+) 项）/.exec(one)![1]));
  } finally {
    await t.close();
  }
});

test('the header counts the reminders /notifications lists, for every role, today and later', async () => {
  const t = await testApp();
  try {
    const data = await loadWorkflow(t.store);
    const users = await t.store.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'units']).execute();
    let some = 0;
    for (const day of ['2025-01-15', '2026-11-27', '2031-01-01'])
      for (const u of users) {
        const viewer = { id: u.id, username: u.username, displayName: u.display_name, role: u.role as 'planner', units: JSON.parse(u.units) as string[] };
        const listed = remindersOf(data, viewer, day).length;
        assert.equal(await reminderCount(t.store, viewer, day), listed, `${u.username} on ${day}`);
        some += listed;
      }
    assert.ok(some > 0, 'some user has reminders on some day');
  } finally {
    await t.close();
  }
});

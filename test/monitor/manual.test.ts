// Corrections and entries by hand, on every store: a link corrected by hand survives refreshes; actuals
// entered by hand or from CSV are judged; a CSV with a bad row stores nothing and says where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import { evaluate } from '../../src/monitor/evaluate.js';
import { addActuals, readActualsCsv, setLink } from '../../src/monitor/manual.js';
import { rebuild } from '../../src/monitor/refresh.js';
import { storeKinds } from '../store/stores.js';
import { workReport } from './reports.js';

function report(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-manual-'));
  writeFileSync(join(dir, 'lh-2025.txt'), workReport({ region: '蓝湖市', year: 2025, actual: { gdpGrowth: 6.3, unemployment: 3.4, jobs: 4200 }, target: { gdpGrowth: 5.5, unemployment: 3.5, jobs: 5200 } }));
  return dir;
}

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: actuals entered by hand are judged against the report's targets`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [report()]);
      await addActuals(store, [{ indicator: '地区生产总值增长', region: '蓝湖市', year: 2025, value: 5.6 }]);
      const row = (await evaluate(store, { indicator: 'gdp-growth', year: 2025 }))[0];
      assert.equal(row.status, 'achieved');
      await rebuild(store); // entries by hand survive a rebuild of the derived data
      assert.equal((await evaluate(store, { indicator: 'gdp-growth', year: 2025 }))[0].status, 'achieved');
    } finally {
      await close();
    }
  });

  test(`${kind}: a CSV with a bad row stores nothing and names file, line and column`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [report()]);
      const dir = mkdtempSync(join(tmpdir(), 'lantu-csv-'));
      const good = join(dir, 'good.csv');
      writeFileSync(good, 'indicator,region,year,value\n地区生产总值增长,蓝湖市,2025,5.6\n城镇登记失业率,蓝湖市,2025,3.2\n');
      assert.equal(await addActuals(store, readActualsCsv(good)), 2);
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'indicator,region,year,value\n城镇新增就业,蓝湖市,2025,5300\n城镇新增就业,蓝湖市,2025,五千\n');
      assert.throws(() => readActualsCsv(bad), new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: line 3: column "value": "五千" is not a number`));
      const unknown = join(dir, 'unknown.csv');
      writeFileSync(unknown, 'indicator,region,year,value\n城镇新增就业,蓝湖市,2025,5300\n幸福指数,蓝湖市,2025,90\n');
      await assert.rejects(addActuals(store, readActualsCsv(unknown)), /line 3: unknown indicator "幸福指数"/);
      const jobs = await store.selectFrom('actuals').selectAll().where('indicator_id', '=', 'new-urban-jobs').where('year', '=', 2025).execute();
      assert.equal(jobs.length, 0, 'nothing of the bad file is stored');
    } finally {
      await close();
    }
  });

  test(`${kind}: a link corrected by hand is kept when the store is refreshed`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [report()]);
      const fact = await store.selectFrom('facts').selectAll().where('unit', '=', '人').where('modality', '=', 'target').executeTakeFirstOrThrow();
      await setLink(store, fact.id, 'rural-labour-transfer');
      await rebuild(store);
      const link = await store.selectFrom('links').selectAll().where('subject_id', '=', fact.id).executeTakeFirstOrThrow();
      assert.deepEqual([link.indicator_id, link.manual], ['rural-labour-transfer', 1]);
      await assert.rejects(setLink(store, fact.id, 'no-such-indicator'), /unknown indicator/);
    } finally {
      await close();
    }
  });
}

test('changes by hand from the command line are in the audit log with before and after', async () => {
  const [[, open]] = await storeKinds();
  const { store, close } = await open();
  try {
    await ingestPaths(store, [report()]);
    await addActuals(store, [{ indicator: '地区生产总值增长', region: '蓝湖市', year: 2025, value: 5.6 }]);
    const fact = await store.selectFrom('facts').selectAll().where('modality', '=', 'target').executeTakeFirstOrThrow();
    await setLink(store, fact.id, 'gdp-growth');
    const log = await store.selectFrom('audit_log').selectAll().orderBy('action').execute();
    assert.deepEqual(log.map((l) => [l.username, l.action]), [['cli', 'actual-add'], ['cli', 'link-set']]);
    assert.equal(JSON.parse(log[1].after!).indicator_id, 'gdp-growth');
  } finally {
    await close();
  }
});

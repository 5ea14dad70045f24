// The statuses everything reads are judged once per state of the store and date, and kept: a page reads
// the kept ones; a change of what a status is judged from (an actual entered, a conflict settled, a new
// document) or another date judges again; the kept entries are the engine's, in the engine's order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import { evaluate } from '../../src/monitor/evaluate.js';
import { addActuals } from '../../src/monitor/manual.js';
import { statusCounts, statusRows, warnedStatuses } from '../../src/monitor/statuses.js';
import { storeKinds } from '../store/stores.js';
import { workReport } from './reports.js';

// a figure entered by hand is known from the day it is entered (UTC), so the statuses are judged as of today
const AS_OF = new Date().toISOString().slice(0, 10);

function reports(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-kept-'));
  writeFileSync(join(dir, 'lh-2025.txt'), workReport({ region: '蓝湖市', year: 2025, actual: { gdpGrowth: 6.3, unemployment: 3.4, jobs: 4200 }, target: { gdpGrowth: 5.5, unemployment: 3.5, jobs: 5200 } }));
  writeFileSync(join(dir, 'lh-2024.txt'), workReport({ region: '蓝湖市', year: 2024, actual: { gdpGrowth: 5.9, unemployment: 3.6, jobs: 4000 }, target: { gdpGrowth: 7, unemployment: 3.5, jobs: 4100 } }));
  return dir;
}

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: the kept statuses are the engine's, kept until what they are judged from changes`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [reports()]);
      const judged = await evaluate(store, { asOf: AS_OF });
      const kept = await statusRows(store, { asOf: AS_OF });
      assert.deepEqual(kept.map((r) => r.entry), judged.map((r) => r.entry), 'the same entries in the same order');
      assert.ok(kept.some((r) => r.status === 'missed'), '2024: growth 5.9 against 7 is missed');
      const gdp2025 = { indicator: 'gdp-growth', year: 2025, asOf: AS_OF };
      assert.equal((await statusRows(store, gdp2025))[0].status, 'no_data');

      // a change behind the engine's back is not seen: the statuses are kept, not judged per request
      await store.updateTable('targets').set({ value: 9 }).where('indicator_id', '=', 'gdp-growth').where('year', '=', 2025).execute();
      assert.equal((await statusRows(store, gdp2025))[0].entry.target.value, 5.5);
      // an actual entered by hand judges again (and sees the changed target too)
      await addActuals(store, [{ indicator: '地区生产总值增长', region: '蓝湖市', year: 2025, value: 5.6 }]);
      const again = (await statusRows(store, gdp2025))[0];
      assert.equal(again.entry.target.value, 9);
      assert.equal(again.status, 'missed');
      assert.equal(again.entry.actual?.value, 5.6);

      // another date is judged as of that date, and the counts follow the rows
      const early = await statusRows(store, { indicator: 'gdp-growth', year: 2025, asOf: '2025-06-30' });
      assert.notEqual(early[0].status, 'missed', 'in June 2025 the year is not over');
      const counts = await statusCounts(store, 'indicator_id', AS_OF);
      const rows = await statusRows(store, { asOf: AS_OF });
      for (const [id, c] of counts) assert.equal(Object.values(c).reduce((a, b) => a + b, 0), rows.filter((r) => r.indicatorId === id).length, id);
      const warned = await warnedStatuses(store, 1, AS_OF);
      assert.equal(warned.total, rows.filter((r) => ['missed', 'off_track', 'at_risk'].includes(r.status)).length);
      assert.equal(warned.shown.length, 1);
    } finally {
      await close();
    }
  });

  test(`${kind}: a new document judges the statuses again`, async () => {
    const { store, close } = await open();
    try {
      const dir = reports();
      await ingestPaths(store, [join(dir, 'lh-2025.txt')]);
      assert.equal((await statusRows(store, { indicator: 'gdp-growth', year: 2024, asOf: AS_OF })).length, 0);
      await ingestPaths(store, [join(dir, 'lh-2024.txt')]);
      assert.equal((await statusRows(store, { indicator: 'gdp-growth', year: 2024, asOf: AS_OF }))[0].status, 'missed');
    } finally {
      await close();
    }
  });
}

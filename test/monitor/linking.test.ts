// Linking across documents, years and levels on every store: the targets a report sets for year Y are
// judged by the actuals the next report gives for Y; a bulletin's revision is kept beside the first
// figure and judged instead of it; targets of two levels stand side by side with gaps flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import { evaluate } from '../../src/monitor/evaluate.js';
import { alignment } from '../../src/monitor/alignment.js';
import { storeKinds } from '../store/stores.js';
import { bulletin, workReport } from './reports.js';

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-reports-'));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  write('lh-2023.txt', workReport({ region: '蓝湖市', year: 2023, actual: { gdpGrowth: 4.1, unemployment: 3.6, jobs: 4100 }, target: { gdpGrowth: 7, unemployment: 3.5, jobs: 4500 } }));
  write('lh-2024.txt', workReport({ region: '蓝湖市', year: 2024, actual: { gdpGrowth: 5.2, unemployment: 3.3, jobs: 4600 }, target: { gdpGrowth: 6, unemployment: 3.5, jobs: 5000 } }));
  write('lh-2025.txt', workReport({ region: '蓝湖市', year: 2025, actual: { gdpGrowth: 6.3, unemployment: 3.4, jobs: 4200 }, target: { gdpGrowth: 5.5, unemployment: 3.5, jobs: 5200 } }));
  write('yz-2024.txt', workReport({ region: '云泽州', year: 2024, actual: { gdpGrowth: 5.5, unemployment: 3.1, jobs: 21000 }, target: { gdpGrowth: 6.5, unemployment: 3.5, jobs: 22000 } }));
  write('yz-2025.txt', workReport({ region: '云泽州', year: 2025, actual: { gdpGrowth: 6.6, unemployment: 3.2, jobs: 23000 }, target: { gdpGrowth: 6, unemployment: 3.5, jobs: 23000 } }));
  write('lh-bulletin-2024.txt', bulletin('蓝湖市', 2024, 5.4));
  return dir;
}

const AS_OF = '2025-12-31';

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: a report's targets for Y are judged by the next report's actuals for Y, at two levels`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [corpus()]);
      const rows = await evaluate(store, { asOf: AS_OF });
      const st = (region: string, ind: string, year: number) => rows.find((r) => r.region === region && r.indicatorId === ind && r.year === year);
      // 2023: 7% 左右 set in the 2023 report, 5.2% reviewed in the 2024 report → missed (a closed year ends met or missed)
      assert.equal(st('蓝湖市', 'gdp-growth', 2023)?.status, 'missed');
      assert.equal(st('蓝湖市', 'gdp-growth', 2023)?.entry.verdict, 'missed');
      assert.equal(st('蓝湖市', 'gdp-growth', 2023)?.entry.actual?.value, 5.2);
      assert.match(st('蓝湖市', 'gdp-growth', 2023)!.reason, /5\.2/);
      assert.equal(st('蓝湖市', 'registered-unemployment', 2023)?.status, 'achieved'); // 3.3 ≤ 3.5
      assert.equal(st('蓝湖市', 'registered-unemployment', 2024)?.status, 'achieved'); // 3.4 ≤ 3.5
      assert.equal(st('蓝湖市', 'new-urban-jobs', 2023)?.status, 'achieved'); // 4600 ≥ 4500
      assert.equal(st('蓝湖市', 'new-urban-jobs', 2024)?.status, 'missed'); // 4200 < 5000
      // the prefecture: 6.5% 左右 for 2024, 6.6% reviewed in its 2025 report → met
      assert.equal(st('云泽州', 'gdp-growth', 2024)?.status, 'achieved');
      // this year's targets have no actual yet
      assert.equal(st('蓝湖市', 'gdp-growth', 2025)?.status, 'no_data');
      // every target points at its source line
      assert.ok(rows.every((r) => r.source.line && r.source.file.endsWith('.txt')));
    } finally {
      await close();
    }
  });

  test(`${kind}: a revision never erases the first figure, and the latest is judged`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [corpus()]);
      const a = await store.selectFrom('actuals').selectAll().where('indicator_id', '=', 'gdp-growth').where('region', '=', '蓝湖市').where('year', '=', 2024).orderBy('reported').execute();
      assert.deepEqual(a.map((x) => [x.value, x.vintage]), [[6.3, 'first'], [5.4, 'revised']]);
      const row = (await evaluate(store, { asOf: AS_OF, indicator: 'gdp-growth', region: '蓝湖市', year: 2024 }))[0];
      assert.match(row.reason, /5\.4/);
      assert.notEqual(row.status, 'achieved');
      // judged as of a date before the bulletin: only what was reported by then counts
      const earlier = (await evaluate(store, { asOf: '2025-02-01', indicator: 'gdp-growth', region: '蓝湖市', year: 2024 }))[0];
      assert.match(earlier.reason, /6\.3/);
      assert.equal(earlier.latest, '6.3（2024）');
    } finally {
      await close();
    }
  });

  test(`${kind}: targets of a county and its prefecture stand side by side, a lower aim flagged`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [corpus()]);
      const rows = await alignment(store, 'gdp-growth', 2024);
      assert.deepEqual(rows.map((r) => [r.region, r.level]), [['西岭省', 'province'], ['云泽州', 'prefecture'], ['蓝湖市', 'county']]);
      assert.equal(rows[0].gap, '该级未设定目标');
      assert.equal(rows[1].gap, null);
      assert.match(rows[2].gap ?? '', /低于上级（云泽州/);
    } finally {
      await close();
    }
  });
}

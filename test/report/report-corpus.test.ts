// With the corpus ingested: the annual report of 001's plan (格尔木市 十五五 规划纲要) for 2025 shows the
// outcomes of its 表 1-1 as `evaluate` judges them, and 000's work-report targets for 2025.
// Skipped when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/cli/ingest.js';
import { reportData } from '../../src/report/data.js';
import { renderDocx } from '../../src/report/docx.js';
import { INDICATOR_HEAD } from '../../src/report/layout.js';
import { sqliteStore } from '../store/stores.js';
import { docxTableRows, docxText, expectedRows } from './helpers.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const skip = !existsSync(corpus) && '../shared absent: corpus report test skipped';

test('corpus: the 2025 annual report of 格尔木市’s 十五五 plan shows the 表 1-1 outcomes', { skip }, async () => {
  const { store, close } = await sqliteStore();
  try {
    await ingestPaths(store, [corpus]);
    const data = await reportData(store, { type: 'annual', plan: '格尔木市国民经济和社会发展第十五个五年规划纲要', year: 2025 });
    assert.equal(data.plan.file.slice(0, 3), '001');
    assert.deepEqual([data.plan.region, data.plan.start, data.plan.end], ['格尔木市', 2026, 2030]);
    const work = data.groups.find((g) => g.kind === 'annual');
    assert.ok(work && work.rows.every((r) => r.targetSource.file.startsWith('000')), '000’s 2025 work-report targets are included');
    const raw = await docxText(await renderDocx(data));
    const rows = docxTableRows(raw, INDICATOR_HEAD);
    const workId = (await store.selectFrom('documents').select('id').where('file', 'like', '000%').executeTakeFirstOrThrow()).id;
    assert.deepEqual(rows.map((r) => r.slice(1).join(' | ')).sort(), await expectedRows(store, '格尔木市', 2025, data.plan.id, workId, data.window.asOf));
    const row = (name: string, target: string) => rows.find((r) => r[1] === name && r[5] === target);
    assert.deepEqual(row('清洁能源装机总量', '1100')?.slice(6, 8), ['1129.7（2025）', '达到']);
    assert.match(row('清洁能源装机总量', '1100')![8], /1129\.7 万千瓦/);
    assert.equal(row('森林覆盖率', '1.9')?.[7], '达到');
    // energy intensity's 省州目标以内 is one target with the 2025 report's 13.5% (judged on the number); carbon intensity stays in words
    assert.equal(row('单位地区生产总值二氧化碳排放降低', '省州目标以内')?.[7], '无法评价');
    assert.equal(row('全体居民人均可支配收入增长率', '与经济增长同步')?.[7], '达到');
    // 表 1-1: 21 indicators with a 2025 target, all in the report's 2025 group of the plan
    const plan2025 = data.groups.find((g) => g.kind === 'plan' && g.year === 2025)!;
    assert.ok(plan2025.rows.length >= 20, `${plan2025.rows.length} rows`); // 21, less energy intensity: one target with the report's 13.5%, shown under the report
    // binding indicators waiting for the higher level's target are warned about, with a recommendation
    assert.ok(data.warnings.some((w) => w.status === 'not_assessable' && w.attribute === '约束性' && /上级下达/.test(w.recommendation)));
  } finally {
    await close();
  }
});

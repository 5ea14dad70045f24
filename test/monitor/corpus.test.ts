// With the corpus ingested: the indicators of 001's 表 2-1 with baselines and 2030 targets, those of
// 表 1-1 judged against their 2025 outcomes, and the targets of the work reports under their regions.
// Skipped when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/cli/ingest.js';
import { evaluate } from '../../src/monitor/evaluate.js';
import { sqliteStore } from '../store/stores.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const skip = !existsSync(corpus) && '../shared absent: corpus tests skipped';

test('corpus: plan tables and work reports become judged targets with their sources', { skip }, async () => {
  const { store, close } = await sqliteStore();
  try {
    const out = await ingestPaths(store, [corpus]);
    assert.ok(out.every((o) => o.status === 'stored'));
    const rows = await evaluate(store, { asOf: '2026-11-23' });
    const tableRow = new Map((await store.selectFrom('table_rows').select(['id', 'table_label', 'no']).execute()).map((r) => [r.id, r]));
    const targets = await store.selectFrom('targets').select(['id', 'source_id', 'indicator_id', 'year', 'baseline_value']).where('source_kind', '=', 'row').execute();
    const of = (label: string, year: number) => targets.filter((t) => tableRow.get(t.source_id!)?.table_label === label && t.year === year);
    // 表 2-1: 24 numbered indicators and 9b, every one with a 2030 target; baselines where 2025 has a value
    const t21 = new Set(of('表 2-1', 2030).map((t) => tableRow.get(t.source_id!)!.no));
    assert.equal(t21.size, 25);
    assert.ok(of('表 2-1', 2030).filter((t) => t.baseline_value !== null).length >= 18);
    // 表 1-1: 21 indicators with a 2025 target
    assert.equal(new Set(of('表 1-1', 2025).map((t) => tableRow.get(t.source_id!)!.no)).size, 21);
    const st = (id: string, year: number, file = '001') => rows.filter((r) => r.indicatorId === id && r.year === year && r.source.file.startsWith(file));
    assert.equal(st('clean-energy-capacity', 2025)[0].status, 'achieved');
    assert.match(st('clean-energy-capacity', 2025)[0].reason, /1129\.7/);
    assert.equal(st('forest', 2025)[0].status, 'achieved');
    const worded = st('carbon-intensity', 2025)[0];
    assert.equal(worded.status, 'not_assessable');
    assert.match(worded.reason, /上级/);
    // 省州目标以内 in the 十四五 table and 下降13.5%以上 in the 2025 report are one target, judged on the number
    const energy = rows.filter((r) => r.indicatorId === 'energy-intensity' && r.year === 2025);
    assert.equal(energy.length, 1);
    assert.equal(energy[0].entry.target.value, 13.5);
    assert.deepEqual(energy[0].entry.target.sources.map((s) => s.file.slice(0, 3)).sort(), ['000', '001']);
    assert.equal(energy[0].entry.conflict, undefined);
    assert.equal(st('income-growth', 2025)[0].status, 'achieved'); // 与经济增长同步: 5.16 vs 4.13
    // work reports: 格尔木市 2025, 青海省 2024, 海西州 2023, each under its region and level with its line
    const report = (file: string, region: string, level: string, year: number) => rows.filter((r) => r.source.file.startsWith(file) && r.region === region && r.level === level && r.year === year && r.source.line);
    assert.ok(report('000', '格尔木市', 'county', 2025).length >= 3);
    assert.ok(report('002', '青海省', 'province', 2024).length >= 5);
    assert.ok(report('003', '海西蒙古族藏族自治州', 'prefecture', 2023).length >= 3);
  } finally {
    await close();
  }
});

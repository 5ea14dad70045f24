// Status engine: the `assess` entry point, vintages, and warnings weighted for binding (约束性) indicators.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assess,
  latestPerYear,
  toStatus,
  warningWeight,
  warnings,
  type Observation,
  type Target,
} from '../../src/monitor/status/index.js';

const targets: Record<string, Target> = {
  clean: { kind: 'annual', name: '清洁能源装机总量', unit: '万千瓦', direction: 'higher', year: 2025, comparator: 'gte', value: 1100 },
  urban: { kind: 'multiyear', name: '常住人口城镇化率', unit: '%', direction: 'higher', year: 2030, value: 70, baseline: { year: 2025, value: 60 } },
  plant: { kind: 'cumulative', name: '新增造林面积', unit: '万亩', direction: 'higher', startYear: 2026, year: 2030, value: 100 },
  task: { kind: 'task', name: '建成智慧城市平台', unit: '%', direction: 'higher', start: '2025-01-01', deadline: '2025-12-31' },
  income: { kind: 'worded', name: '城乡居民人均可支配收入增长', unit: '%', direction: 'higher', year: 2025, wording: '与经济增长同步' },
};

test('assess dispatches on the kind of target', () => {
  assert.equal(assess(targets.clean, [{ year: 2025, value: 1129.7 }]).method, 'annual');
  assert.equal(assess(targets.urban, [{ year: 2027, value: 64 }]).method, 'cagr');
  assert.equal(assess(targets.plant, [{ year: 2026, value: 20 }]).method, 'progress');
  assert.equal(assess(targets.task, [{ year: 2025, value: 50, date: '2025-07-01' }]).method, 'task');
  assert.equal(assess(targets.income, [{ year: 2025, value: 5 }], { gdpGrowth: () => 5.2 }).method, 'worded');
});

test('every result has a status, a reason with its numbers, and the date it rests on', () => {
  const r = assess(targets.clean, [{ year: 2025, value: 1129.7 }]);
  assert.deepEqual(r, {
    status: 'achieved',
    method: 'annual',
    actual: 1129.7,
    expected: 1100,
    estimate: undefined,
    asOf: '2025-12-31',
    reason: '2025年实际 1129.7 万千瓦 ≥ 目标 1100 万千瓦，已完成',
  });
  for (const t of Object.values(targets)) {
    const a = assess(t, [], { asOf: '2025-06-30' });
    assert.equal(a.status, 'no_data', t.name);
    assert.ok(a.reason.length > 0);
    assert.match(a.asOf, /^\d{4}-\d{2}-\d{2}$/);
  }
});

test('toStatus gives the shared Status record', () => {
  const a = assess(targets.clean, [{ year: 2025, value: 1050 }]);
  assert.deepEqual(toStatus('clean-energy', a), { indicatorId: 'clean-energy', year: 2025, status: 'at_risk', reason: a.reason });
});

test('one figure per year: the latest vintage, reported figures over estimates', () => {
  const obs: Observation[] = [
    { year: 2024, value: 5.0 },
    { year: 2025, value: 5.6, vintage: 'final', published: '2027-01-01' },
    { year: 2025, value: 5.4, estimate: true, published: '2027-06-01' },
    { year: 2025, value: 5.2, vintage: 'revised', published: '2026-08-01' },
    { year: 2023, value: 4.1, vintage: 'first', published: '2024-02-01' },
    { year: 2023, value: 4.3, vintage: 'first', published: '2024-03-01' },
    { year: 2022, value: Number.NaN },
  ];
  const per = latestPerYear(obs);
  assert.deepEqual([...per.keys()], [2023, 2024, 2025]);
  assert.equal(per.get(2025)?.value, 5.6);
  assert.equal(per.get(2023)?.value, 4.3);
});

test('warningWeight: binding indicators weigh double', () => {
  assert.equal(warningWeight('off_track', '约束性'), 6);
  assert.equal(warningWeight('off_track', '预期性'), 3);
  assert.equal(warningWeight('at_risk', '约束性'), 4);
  assert.equal(warningWeight('at_risk'), 2);
  assert.equal(warningWeight('no_data', '约束性'), 2);
  assert.equal(warningWeight('not_assessable'), 0.5);
  assert.equal(warningWeight('achieved', '约束性'), 0);
  assert.equal(warningWeight('on_track', '约束性'), 0);
});

test('warnings: most severe first, binding off track at the top, with reasons', () => {
  const energy = assess(
    { kind: 'annual', name: '单位生产总值能耗降低', unit: '%', direction: 'higher', year: 2025, comparator: 'gte', value: 3 },
    [{ year: 2025, value: 1.5 }],
  );
  const jobless = assess(
    { kind: 'annual', name: '城镇登记失业率', unit: '%', direction: 'lower', year: 2025, comparator: 'lte', value: 3.5 },
    [{ year: 2025, value: 4.3 }],
  );
  const gdp = assess(
    { kind: 'annual', name: '地区生产总值增长', unit: '%', direction: 'higher', year: 2025, comparator: 'approx', value: 5 },
    [{ year: 2025, value: 4.2 }],
  );
  const forest = assess(
    { kind: 'annual', name: '森林覆盖率', unit: '%', direction: 'higher', year: 2025, comparator: 'gte', value: 36 },
    [{ year: 2025, value: 35.5 }],
  );
  const clean = assess(targets.clean, [{ year: 2025, value: 1129.7 }]);
  const list = warnings([
    { name: '清洁能源装机总量', attribute: '预期性', result: clean },
    { name: '城镇登记失业率', attribute: '预期性', result: jobless },
    { name: '地区生产总值增长', attribute: '预期性', result: gdp },
    { name: '森林覆盖率', attribute: '约束性', result: forest },
    { name: '单位生产总值能耗降低', indicatorId: 'energy', attribute: '约束性', result: energy },
  ]);
  assert.deepEqual(
    list.map((w) => [w.name, w.status, w.weight]),
    [
      ['单位生产总值能耗降低', 'off_track', 6],
      ['森林覆盖率', 'at_risk', 4],
      ['城镇登记失业率', 'off_track', 3],
      ['地区生产总值增长', 'at_risk', 2],
    ],
  );
  assert.equal(list[0].indicatorId, 'energy');
  assert.match(list[0].reason, /^【约束性·进度滞后】单位生产总值能耗降低：2025年实际 1\.5% < 目标 3%，差 1\.5 个百分点/);
  assert.match(list[2].reason, /^【预期性·进度滞后】城镇登记失业率：.*4\.3% > 目标 3\.5%/);
});

test('warnings: at equal weight binding comes first, then the input order', () => {
  const off = { status: 'off_track' as const, reason: '…' };
  const risk = { status: 'at_risk' as const, reason: '…' };
  const list = warnings([
    { name: 'A', result: off },
    { name: 'B', attribute: '约束性', result: { status: 'no_data', reason: '…' } },
    { name: 'C', result: risk },
    { name: 'D', attribute: '约束性', result: { status: 'no_data', reason: '…' } },
  ]);
  assert.deepEqual(list.map((w) => w.name), ['A', 'B', 'D', 'C']);
});

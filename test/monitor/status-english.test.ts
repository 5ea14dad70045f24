// The status engine's reasons in English (vocab/status-en.json): every template of the engine, driven
// through its outcomes, comes out in English — only a worded target's own words 「…」 stay Chinese — and
// the Chinese reason itself is untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assess, type Observation, type Target } from '../../src/monitor/status/index.js';
import { reasonInEnglish, reasonText } from '../../src/monitor/status/english.js';
import { closedYear, noActualReason, openYear } from '../../src/monitor/verdict.js';

const obs = (pairs: Array<[number, number]>, extra: Partial<Observation> = {}): Observation[] => pairs.map(([year, value]) => ({ year, value, ...extra }));
const base = { name: '指标', direction: 'higher' as const };

/** Targets and figures that reach every branch of the engine's reasons. */
function reasons(): string[] {
  const out: string[] = [];
  const run = (t: Target, o: Observation[] = [], ctx = {}) => out.push(assess(t, o, ctx).reason);
  for (const asOf of [undefined, '2027-03-01']) {
    const ctx = asOf ? { asOf } : {};
    for (const [comparator, value, upper] of [['gte', 5], ['approx', 6], ['eq', 8], ['eq', 5, 6], ['lte', 3], ['lt', 3], ['gt', 5]] as const) {
      for (const actual of [2.9, 4.8, 5.2, 5.6, 6.4, 8, 9]) {
        for (const estimate of [false, true]) run({ ...base, kind: 'annual', unit: '%', year: 2025, comparator, value, upper }, obs([[2025, actual]], { estimate }), ctx);
        run({ ...base, kind: 'annual', unit: '万千瓦', direction: 'lower', year: 2025, comparator, value: value * 100, upper: upper && upper * 100 }, obs([[2025, actual * 100]]), ctx);
      }
      run({ ...base, kind: 'annual', unit: '%', year: 2025, comparator, value }, [], ctx);
    }
    for (const last of [[2022, 80], [2023, 150], [2030, 90], [2024, 99]] as Array<[number, number]>) {
      run({ ...base, kind: 'multiyear', unit: '亿元', year: 2030, value: 120, baselineYear: 2020 }, obs([[2020, 100], last], { estimate: last[0] === 2024 }), ctx);
      run({ ...base, kind: 'multiyear', unit: '%', year: 2030, value: 6, annualRate: true, baselineYear: 2020 }, obs([[2020, 100], [last[0], last[1] + 30]]), ctx);
      run({ ...base, kind: 'multiyear', unit: '%', year: 2030, value: 6, annualRate: true, observed: 'growth', baselineYear: 2020 }, obs([[2021, 5], [2022, 7]]), ctx);
      run({ ...base, kind: 'multiyear', unit: '万吨', direction: 'lower', year: 2030, value: 0, baseline: { year: 2020, value: 10 } }, obs([last]), ctx);
    }
    run({ ...base, kind: 'multiyear', unit: '%', year: 2030, value: 6, annualRate: true, baselineYear: 2020 }, obs([[2020, -1], [2022, 3]]), ctx);
    run({ ...base, kind: 'multiyear', unit: '%', year: 2030, value: 6, annualRate: true }, [], ctx);
    run({ ...base, kind: 'multiyear', unit: '亿元', year: 2030, value: 120 }, obs([[2024, 60]]), ctx);
    run({ ...base, kind: 'multiyear', unit: '亿元', year: 2030, value: 120 }, [], ctx);
    for (const direction of ['higher', 'lower'] as const)
      for (const pts of [[[2021, 10], [2023, 20]], [[2021, 30], [2022, 40], [2023, 40]], [[2021, 60], [2025, 50]], [[2021, 1]]] as Array<Array<[number, number]>>)
        run({ ...base, direction, kind: 'cumulative', unit: '万吨', startYear: 2021, year: 2025, value: 100 }, obs(pts, { estimate: pts.length === 1 }), ctx);
    run({ ...base, kind: 'cumulative', unit: '万吨', startYear: 2021, year: 2025, value: 100 }, [], ctx);
    for (const [value, date] of [[100, '2025-03-01'], [100, '2025-12-31'], [100, '2026-02-01'], [40, '2025-06-30'], [90, '2025-06-30'], [50, '2026-03-01'], [10, '2024-01-01']] as Array<[number, string]>)
      run({ ...base, kind: 'task', unit: '%', start: '2025-01-01', deadline: '2025-12-31' }, [{ year: 2025, value, date }], { asOf: date });
    run({ ...base, kind: 'task', unit: '%', start: '2025-01-01', deadline: '2025-12-31' }, [], { asOf: '2026-02-01' });
    const gdp = { gdpGrowth: () => 5, higherTarget: () => ({ comparator: 'gte' as const, value: 5, source: '青海省目标' }) };
    for (const wording of ['与经济增长同步', '高于经济增长', '省下达', '正增长', '合理区间', '一段没有规则的话'])
      for (const o of [[], obs([[2025, 4.2]]), obs([[2025, 6]], { estimate: true }), obs([[2024, 5]])]) {
        run({ ...base, kind: 'worded', unit: '%', year: 2025, wording, value: 4, upper: 6 }, o, { ...ctx, ...gdp });
        run({ ...base, kind: 'worded', unit: '%', year: 2025, startYear: 2021, wording }, o, ctx);
      }
  }
  const t = { year: 2025, value: 5, comparator: 'gte' as const, unit: '%', direction: 'higher' as const };
  out.push(closedYear(t, obs([[2025, 6]]))!.reason, closedYear(t, obs([[2025, 4]], { estimate: true }))!.reason);
  out.push(closedYear(t, [{ year: 2025, value: 5.5, bound: 'lte' }])!.reason, closedYear(t, [{ year: 2025, value: 6, bound: 'gte' }])!.reason, closedYear(t, [{ year: 2025, value: 4, bound: 'lte' }])!.reason);
  out.push(openYear({ status: 'achieved', reason: '2025年实际 6% ≥ 目标 5%，已完成', method: 'annual', asOf: '2025-12-31' }, 2025).reason);
  out.push(noActualReason(2025, undefined), noActualReason(2025, { value: 5.2, unit: '%', basis: { basis: 'average', period_from: 2021, period_to: 2025 } }));
  out.push(noActualReason(2025, { value: 21, unit: '所', basis: { basis: 'cumulative', period_from: 2021, period_to: 2025 } }));
  return [...new Set(out)];
}

test('every reason of the engine comes out in English; only a worded target\'s own words and a region\'s name stay Chinese', () => {
  const all = reasons();
  assert.ok(all.length > 120, `${all.length} distinct reasons`);
  const left: string[] = [];
  for (const r of all) for (const p of reasonInEnglish(r)) if (typeof p !== 'string' && !/^「[^」]+」$|^青海省$/.test(p.zh)) left.push(`${p.zh}  ⇐  ${r}`);
  assert.deepEqual(left, []);
});

test('renderings read as English, with the numbers and units carried over', () => {
  assert.equal(reasonText('2025年实际 5.2% 低于目标 6%左右（±0.5 个百分点）下限 5.5%，差 0.3 个百分点，未完成，差距在容差以内，有风险'), '2025: actual 5.2% below the target 6% or so (±0.5 percentage points); lower bound 5.5%, off by 0.3 percentage points, missed, within the tolerance, at risk');
  assert.equal(reasonText('截至 2025-06-30 完成 40%，时间进度 49.6%（181/365 天），完成进度与时间进度之比 0.81，慢于序时进度，距截止日期 2025-12-31 还有 184 天，存在风险'), '40% done by 2025-06-30, time elapsed 49.6% (181/365 days), ratio of progress to time elapsed 0.81, behind schedule, 184 days to the deadline 2025-12-31, at risk');
  assert.equal(reasonText('仅有基期（2024年 3.5 万亩），尚无其后实际数，无法判断2030年目标进度'), 'only the baseline (2024: 3.5 ×10⁴ mu), no later actual figure, cannot judge progress toward the 2030 target');
  assert.deepEqual(reasonInEnglish('「与经济增长基本同步」：2025年尚无实际数'), [{ zh: '「与经济增长基本同步」' }, ': no actual figure for 2025 yet']);
});

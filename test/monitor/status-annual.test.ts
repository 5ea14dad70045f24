// Status engine, annual targets: every comparator met and missed, 左右 bands, ranges, direction, estimates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessAnnual, toleranceOf, type AnnualTarget, type Observation } from '../../src/monitor/status/index.js';

const gdp: AnnualTarget = { kind: 'annual', name: '地区生产总值增长', unit: '%', direction: 'higher', year: 2025, comparator: 'approx', value: 5 };
const jobless: AnnualTarget = { kind: 'annual', name: '城镇登记失业率', unit: '%', direction: 'lower', year: 2025, comparator: 'lte', value: 3.5 };
const clean: AnnualTarget = { kind: 'annual', name: '清洁能源装机总量', unit: '万千瓦', direction: 'higher', year: 2025, comparator: 'gte', value: 1100 };
const at = (v: number, extra: Partial<Observation> = {}): Observation[] => [{ year: 2025, value: v, ...extra }];
const status = (t: AnnualTarget, v: number) => assessAnnual(t, at(v)).status;

test('≥: 清洁能源装机总量 1129.7 against 1100 is achieved, with the numbers in the reason', () => {
  const r = assessAnnual(clean, at(1129.7));
  assert.equal(r.status, 'achieved');
  assert.equal(r.method, 'annual');
  assert.equal(r.reason, '2025年实际 1129.7 万千瓦 ≥ 目标 1100 万千瓦，已完成');
  assert.equal(r.actual, 1129.7);
  assert.equal(r.expected, 1100);
  assert.equal(r.asOf, '2025-12-31');
});

test('≥ missed: off_track, or at_risk within the tolerance (5% of a level)', () => {
  const far = assessAnnual(clean, at(1000));
  assert.equal(far.status, 'off_track');
  assert.match(far.reason, /实际 1000 万千瓦 < 目标 1100 万千瓦，差 100 万千瓦，未完成/);
  const near = assessAnnual(clean, at(1050));
  assert.equal(near.status, 'at_risk');
  assert.match(near.reason, /差 50 万千瓦.*容差以内，有风险/);
});

test('> and <: strict comparators', () => {
  const gt: AnnualTarget = { ...clean, comparator: 'gt' };
  assert.equal(status(gt, 1100.1), 'achieved');
  assert.equal(status(gt, 1100), 'at_risk');
  const lt: AnnualTarget = { ...jobless, comparator: 'lt' };
  assert.equal(status(lt, 3.4), 'achieved');
  assert.equal(status(lt, 3.5), 'at_risk');
  assert.equal(status(lt, 4.5), 'off_track');
});

test('≤: 城镇登记失业率 控制在3.5%以内 (lower is better)', () => {
  const ok = assessAnnual(jobless, at(3.2));
  assert.equal(ok.status, 'achieved');
  assert.equal(ok.reason, '2025年实际 3.2% ≤ 目标 3.5%，已完成');
  assert.equal(status(jobless, 3.5), 'achieved');
  const near = assessAnnual(jobless, at(3.8));
  assert.equal(near.status, 'at_risk');
  assert.match(near.reason, /3\.8% > 目标 3\.5%，超出 0\.3 个百分点/);
  assert.equal(status(jobless, 4.1), 'off_track');
});

test('direction never rescues a comparator: above a ceiling is a miss even when higher is better', () => {
  const cap: AnnualTarget = { ...clean, comparator: 'lte', value: 1100 };
  const r = assessAnnual(cap, at(1300));
  assert.equal(r.status, 'off_track');
  assert.match(r.reason, /目标为上限/);
  const floor: AnnualTarget = { ...jobless, comparator: 'gte', value: 3 };
  assert.equal(status(floor, 2), 'off_track');
});

test('左右: ±0.5 percentage point for rates, edges included', () => {
  assert.equal(toleranceOf(gdp, '%'), 0.5);
  const inBand = assessAnnual(gdp, at(5.2));
  assert.equal(inBand.status, 'achieved');
  assert.equal(inBand.reason, '2025年实际 5.2% ≈ 目标 5%左右（±0.5 个百分点），已完成');
  assert.equal(status(gdp, 4.5), 'achieved'); // the lower edge
  assert.equal(status(gdp, 4.49), 'at_risk'); // beyond the band, within its double
  assert.equal(status(gdp, 4.0), 'at_risk'); // the double's edge
  const miss = assessAnnual(gdp, at(3.9));
  assert.equal(miss.status, 'off_track');
  assert.match(miss.reason, /3\.9% 低于目标 5%左右（±0\.5 个百分点）下限 4\.5%，差 0\.6 个百分点/);
});

test('左右 beyond the band on the good side is exceeded, on the bad side missed', () => {
  const over = assessAnnual(gdp, at(6.3));
  assert.equal(over.status, 'achieved');
  assert.match(over.reason, /高于目标.*超额完成/);
  const cpi: AnnualTarget = { ...gdp, name: '居民消费价格涨幅', direction: 'lower', value: 3 };
  assert.equal(status(cpi, 2), 'achieved');
  assert.equal(status(cpi, 3.9), 'at_risk');
  assert.equal(status(cpi, 4.2), 'off_track');
});

test('左右 for levels: ±5% relative by default; configurable in the target and the context', () => {
  const grain: AnnualTarget = { kind: 'annual', name: '粮食产量', unit: '万吨', direction: 'higher', year: 2025, comparator: 'approx', value: 100 };
  assert.equal(toleranceOf(grain, '万吨'), 5);
  assert.equal(status(grain, 95), 'achieved');
  assert.equal(status(grain, 94), 'at_risk');
  assert.equal(status(grain, 89), 'off_track');
  assert.equal(assessAnnual({ ...grain, tolerance: 1 }, at(98)).status, 'at_risk');
  assert.equal(assessAnnual(gdp, at(4.3), { tolerance: { rate: 1 } }).status, 'achieved');
  assert.equal(assessAnnual(grain, at(91), { tolerance: { relative: 0.1 } }).status, 'achieved');
});

test('= exact within rounding: 森林覆盖率 1.9 vs 1.9', () => {
  const forest: AnnualTarget = { kind: 'annual', name: '森林覆盖率提高', unit: '个百分点', direction: 'higher', year: 2025, comparator: 'eq', value: 1.9 };
  const r = assessAnnual(forest, at(1.9));
  assert.equal(r.status, 'achieved');
  assert.equal(r.reason, '2025年实际 1.9 个百分点 = 目标 1.9 个百分点，已完成');
  assert.equal(status(forest, 1.86), 'achieved'); // rounds to 1.9
  assert.equal(status(forest, 2.4), 'achieved'); // beyond, on the good side
  const short = assessAnnual(forest, at(1.7));
  assert.equal(short.status, 'at_risk');
  assert.match(short.reason, /实际 1\.7 个百分点 低于目标 1\.9 个百分点，差 0\.2 个百分点/);
  assert.equal(status(forest, 1.2), 'off_track');
});

test('ranges: value..upper, inside, above and below', () => {
  const range: AnnualTarget = { ...gdp, comparator: 'eq', value: 5, upper: 6 };
  const r = assessAnnual(range, at(5.5));
  assert.equal(r.status, 'achieved');
  assert.match(r.reason, /实际 5\.5%，在目标 5—6% 区间内，已完成/);
  assert.equal(status(range, 6.8), 'achieved'); // higher is better
  assert.equal(status(range, 5), 'achieved'); // bounds included
  assert.equal(status(range, 4.7), 'at_risk'); // a range's bounds are exact
  assert.equal(status(range, 4.3), 'off_track');
  const approxRange: AnnualTarget = { ...range, comparator: 'approx', value: 5.5, upper: 6.5 };
  assert.equal(status(approxRange, 5.1), 'achieved');
  assert.equal(status(approxRange, 4.8), 'at_risk');
  assert.equal(status(approxRange, 4.4), 'off_track');
  const lowerRange: AnnualTarget = { ...range, direction: 'lower' };
  assert.equal(status(lowerRange, 6.3), 'at_risk');
  assert.equal(status(lowerRange, 6.8), 'off_track');
});

test('单位生产总值能耗降低 (the reduction is higher-is-better)', () => {
  const energy: AnnualTarget = { kind: 'annual', name: '单位生产总值能耗降低', unit: '%', direction: 'higher', year: 2025, comparator: 'gte', value: 3, attribute: '约束性' };
  assert.equal(status(energy, 3.2), 'achieved');
  assert.equal(status(energy, 2.7), 'at_risk');
  assert.equal(status(energy, 1.5), 'off_track');
});

test('no actual: no_data, saying whether the year is over', () => {
  const none = assessAnnual(gdp, [{ year: 2024, value: 5.1 }], { asOf: '2025-06-30' });
  assert.equal(none.status, 'no_data');
  assert.equal(none.reason, '2025年尚无实际数（年度未结束）');
  assert.equal(none.asOf, '2025-06-30');
  assert.match(assessAnnual(gdp, [], { asOf: '2026-02-01' }).reason, /2025年已结束，尚无实际数/);
});

test('estimates (预计数) are judged and say so; a met estimate is only on track', () => {
  const met = assessAnnual(gdp, at(5.3, { estimate: true }));
  assert.equal(met.status, 'on_track');
  assert.equal(met.estimate, true);
  assert.match(met.reason, /2025年预计 5\.3%.*预计可完成（预计数/);
  const miss = assessAnnual(jobless, at(4.2, { estimate: true }));
  assert.equal(miss.status, 'off_track');
  assert.match(miss.reason, /预计 4\.2%.*预计未完成.*（预计数）/);
});

test('the latest vintage of the year is judged', () => {
  const obs: Observation[] = [
    { year: 2025, value: 5.3, estimate: true },
    { year: 2025, value: 4.8, vintage: 'revised', published: '2026-09-01' },
    { year: 2025, value: 4.2, vintage: 'first', published: '2026-02-01' },
  ];
  const r = assessAnnual(gdp, obs);
  assert.equal(r.actual, 4.8);
  assert.equal(r.status, 'achieved');
  assert.equal(r.estimate, undefined);
});

test('band edges survive floating-point arithmetic', () => {
  const t: AnnualTarget = { ...gdp, value: 5.3 };
  assert.equal(status(t, 4.8), 'achieved');
  assert.equal(status(t, 5.8), 'achieved');
  assert.equal(status({ ...clean, comparator: 'gte', value: 0.3 }, 0.1 + 0.2), 'achieved');
  assert.equal(status({ ...jobless, comparator: 'lt', value: 0.3 }, 0.1 + 0.2), 'at_risk');
});

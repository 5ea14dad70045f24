// Status engine, multi-year targets: the Open SDG ratio of observed to required rates, and 年均增长 targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessMultiYear, cagr, type MultiYearTarget } from '../../src/monitor/status/index.js';

const urban: MultiYearTarget = {
  kind: 'multiyear', name: '常住人口城镇化率', unit: '%', direction: 'higher', year: 2030, value: 70, baseline: { year: 2025, value: 60 },
};
const need = cagr(60, 70, 5); // required yearly growth
const after2 = (r: number) => 60 * (1 + r) ** 2; // the 2027 level growing at r

test('on track: the observed rate is at least 95% of the required one', () => {
  const r = assessMultiYear(urban, [{ year: 2027, value: after2(need) }]);
  assert.equal(r.status, 'on_track');
  assert.equal(r.method, 'cagr');
  assert.ok(Math.abs(r.ratio! - 1) < 1e-9);
  assert.ok(Math.abs(r.expected! - after2(need)) < 1e-9);
  assert.match(r.reason, /基期2025年 60%，2027年实际 63\.8161%，年均增长 3\.13%；实现2030年目标 70%需年均增长 3\.13%，实际与所需之比 1\.00/);
  assert.equal(r.asOf, '2027-12-31');
});

test('at risk (0.6 ≤ ratio < 0.95) and off track (< 0.6)', () => {
  const risk = assessMultiYear(urban, [{ year: 2027, value: after2(need * 0.8) }]);
  assert.equal(risk.status, 'at_risk');
  assert.match(risk.reason, /之比 0\.8.*有风险/);
  const off = assessMultiYear(urban, [{ year: 2027, value: after2(need * 0.4) }]);
  assert.equal(off.status, 'off_track');
  const back = assessMultiYear(urban, [{ year: 2027, value: 59 }]);
  assert.equal(back.status, 'off_track');
  assert.ok(back.ratio! < 0);
});

test('thresholds are configurable', () => {
  const obs = [{ year: 2027, value: after2(need * 0.8) }];
  assert.equal(assessMultiYear(urban, obs, { thresholds: { onTrack: 0.75 } }).status, 'on_track');
});

test('target already reached: achieved; the target year passed without it: off_track', () => {
  const done = assessMultiYear(urban, [{ year: 2028, value: 70.4 }]);
  assert.equal(done.status, 'achieved');
  assert.match(done.reason, /2028年实际 70\.4%，已达到2030年目标 70%，已完成/);
  const late = assessMultiYear(urban, [{ year: 2030, value: 68 }]);
  assert.equal(late.status, 'off_track');
  assert.match(late.reason, /目标年已到，未达到2030年目标 70%/);
});

test('no data: only the baseline, or no baseline at all', () => {
  const only = assessMultiYear({ ...urban, baseline: undefined, baselineYear: 2025 }, [{ year: 2025, value: 60 }]);
  assert.equal(only.status, 'no_data');
  assert.match(only.reason, /仅有基期（2025年 60%），尚无其后实际数/);
  const none = assessMultiYear({ ...urban, baseline: undefined, baselineYear: 2025 }, [{ year: 2027, value: 62 }]);
  assert.equal(none.status, 'no_data');
  assert.match(none.reason, /无基期数据/);
  assert.equal(assessMultiYear(urban, []).status, 'no_data');
});

test('the baseline may be the earliest observation; the latest vintage of each year counts', () => {
  const t: MultiYearTarget = { ...urban, baseline: undefined };
  const r = assessMultiYear(t, [
    { year: 2025, value: 60 },
    { year: 2027, value: 61, vintage: 'first' },
    { year: 2027, value: after2(need), vintage: 'revised' },
  ]);
  assert.equal(r.status, 'on_track');
});

test('lower is better: 城镇登记失业率 from 4.5% down to 3.5% by 2030', () => {
  const jobless: MultiYearTarget = {
    kind: 'multiyear', name: '城镇登记失业率', unit: '%', direction: 'lower', year: 2030, value: 3.5, baseline: { year: 2025, value: 4.5 },
  };
  const down = cagr(4.5, 3.5, 5);
  assert.ok(down < 0);
  assert.equal(assessMultiYear(jobless, [{ year: 2027, value: 4.5 * (1 + down) ** 2 }]).status, 'on_track');
  const slow = assessMultiYear(jobless, [{ year: 2027, value: 4.5 * (1 + down * 0.7) ** 2 }]);
  assert.equal(slow.status, 'at_risk');
  assert.match(slow.reason, /年均下降 .*需年均下降 4\.9%/);
  assert.equal(assessMultiYear(jobless, [{ year: 2027, value: 4.8 }]).status, 'off_track');
  assert.equal(assessMultiYear(jobless, [{ year: 2027, value: 3.4 }]).status, 'achieved');
});

test('a baseline already at the target: holding it is achieved, falling back is a miss', () => {
  const jobless: MultiYearTarget = {
    kind: 'multiyear', name: '城镇登记失业率', unit: '%', direction: 'lower', year: 2030, value: 3.5, baseline: { year: 2025, value: 3.2 },
  };
  assert.equal(assessMultiYear(jobless, [{ year: 2026, value: 3.4 }]).status, 'achieved');
  const back = assessMultiYear(jobless, [{ year: 2026, value: 3.8 }]);
  assert.equal(back.status, 'at_risk');
  assert.match(back.reason, /已达到2030年目标 3\.5%，但2026年实际 3\.8%回到目标以外，差 0\.3 个百分点/);
  assert.equal(assessMultiYear(jobless, [{ year: 2026, value: 4.5 }]).status, 'off_track');
});

test('zero or negative values fall back to linear rates', () => {
  const balance: MultiYearTarget = {
    kind: 'multiyear', name: '一般公共预算收支差额', unit: '亿元', direction: 'higher', year: 2030, value: 10, baseline: { year: 2025, value: -10 },
  };
  const r = assessMultiYear(balance, [{ year: 2027, value: -2 }]);
  assert.equal(r.method, 'linear');
  assert.equal(r.ratio, 1); // +4 a year observed, +4 a year required
  assert.equal(r.status, 'on_track');
  assert.match(r.reason, /年均增加 4 亿元.*按线性速度计算/);
  assert.equal(assessMultiYear({ ...balance, baseline: { year: 2025, value: 0 } }, [{ year: 2027, value: 3 }]).status, 'at_risk');
  assert.equal(assessMultiYear({ ...urban, method: 'linear' }, [{ year: 2027, value: 64 }]).method, 'linear');
});

test('an estimate as the latest figure is said to be one', () => {
  const r = assessMultiYear(urban, [{ year: 2027, value: after2(need), estimate: true }]);
  assert.equal(r.estimate, true);
  assert.match(r.reason, /2027年预计数 63\.8/);
  assert.equal(assessMultiYear(urban, [{ year: 2028, value: 71, estimate: true }]).status, 'on_track');
});

test('年均增长6% from yearly growth rates: the geometric mean against the rate', () => {
  const gdp: MultiYearTarget = {
    kind: 'multiyear', name: '地区生产总值年均增长', unit: '%', direction: 'higher', year: 2030, value: 6, annualRate: true, observed: 'growth', baselineYear: 2025,
  };
  const ok = assessMultiYear(gdp, [{ year: 2026, value: 6.2 }, { year: 2027, value: 5.9 }]);
  assert.equal(ok.method, 'rate');
  assert.equal(ok.status, 'on_track');
  assert.match(ok.reason, /2026—2027年年均增长 6\.05%，目标年均增长 6%，实际与目标之比 1\.01/);
  assert.equal(assessMultiYear(gdp, [{ year: 2026, value: 5.2 }, { year: 2027, value: 5.0 }]).status, 'at_risk');
  assert.equal(assessMultiYear(gdp, [{ year: 2026, value: 2 }, { year: 2027, value: 3 }]).status, 'off_track');
  const years = [2026, 2027, 2028, 2029, 2030];
  assert.equal(assessMultiYear(gdp, years.map((year) => ({ year, value: 6.5 }))).status, 'achieved');
  const end = assessMultiYear(gdp, years.map((year) => ({ year, value: 5.8 })));
  assert.equal(end.status, 'off_track');
  assert.match(end.reason, /规划期结束，未完成/);
  assert.equal(assessMultiYear(gdp, []).status, 'no_data');
});

test('年均增长 from levels, and a lower-is-better rate (年均下降3%)', () => {
  const income: MultiYearTarget = {
    kind: 'multiyear', name: '居民人均可支配收入年均增长', unit: '%', direction: 'higher', year: 2030, value: 6, annualRate: true, baseline: { year: 2025, value: 40000 },
  };
  const r = assessMultiYear(income, [{ year: 2027, value: 40000 * 1.06 ** 2 }]);
  assert.equal(r.status, 'on_track');
  assert.ok(Math.abs(r.actual! - 6) < 1e-9);
  const energy: MultiYearTarget = {
    kind: 'multiyear', name: '单位生产总值能耗', unit: '%', direction: 'lower', year: 2030, value: -3, annualRate: true, baseline: { year: 2025, value: 0.5 },
  };
  assert.equal(assessMultiYear(energy, [{ year: 2026, value: 0.5 * 0.97 }]).status, 'on_track');
  assert.equal(assessMultiYear(energy, [{ year: 2026, value: 0.5 * 0.98 }]).status, 'at_risk');
  assert.equal(assessMultiYear(energy, [{ year: 2026, value: 0.51 }]).status, 'off_track');
  const cap: MultiYearTarget = { ...energy, value: 2 }; // 年均增长不超过2%
  assert.equal(assessMultiYear(cap, [{ year: 2026, value: 0.505 }]).status, 'on_track');
  assert.equal(assessMultiYear(cap, [{ year: 2026, value: 0.5125 }]).status, 'at_risk');
  const neg = assessMultiYear(income, [{ year: 2026, value: -1 }]);
  assert.equal(neg.status, 'not_assessable');
});

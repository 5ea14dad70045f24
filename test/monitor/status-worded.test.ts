// Status engine, targets in words: each wording with and without the context it needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_HIGHER_TARGET, WORDINGS, assessWorded, matchWording, type StatusContext, type WordedTarget } from '../../src/monitor/status/index.js';

const income: WordedTarget = {
  kind: 'worded', name: '城乡居民人均可支配收入增长', unit: '%', direction: 'higher', year: 2025, region: '西宁市', wording: '与经济增长同步',
};
const gdp: StatusContext = { gdpGrowth: (region, year) => (region === '西宁市' && year <= 2026 ? 5.5 : undefined) };
const at = (value: number, year = 2025) => [{ year, value }];

test('the wordings are data, matched by pattern', () => {
  assert.equal(matchWording('城乡居民收入增长与经济增长基本同步')?.rule, 'gdp_in_step');
  assert.equal(matchWording('农村居民收入增长快于经济增长')?.rule, 'gdp_above');
  assert.equal(matchWording('控制在省州目标以内')?.rule, 'higher_level');
  assert.equal(matchWording('完成经省州级层面审核衔接后确定的目标')?.rule, 'higher_level');
  assert.equal(matchWording('保持正增长')?.rule, 'positive');
  assert.equal(matchWording('保持在合理区间内运行')?.rule, 'reasonable_range');
  assert.equal(matchWording('稳中有进'), undefined);
  assert.ok(WORDINGS.every((w) => w.patterns.length > 0));
});

test('与经济增长同步: above or within 0.5 point below GDP growth is in step', () => {
  const above = assessWorded(income, at(6.1), gdp);
  assert.equal(above.status, 'achieved');
  assert.equal(above.expected, 5.5);
  assert.equal(above.reason, '2025年实际增长 6.1%，同期地区生产总值增长 5.5%，高于经济增长 0.6 个百分点（同步容差 ±0.5 个百分点），符合「与经济增长同步」，已完成');
  assert.equal(assessWorded(income, at(5.0), gdp).status, 'achieved'); // the edge
  const below = assessWorded(income, at(4.9), gdp);
  assert.equal(below.status, 'off_track');
  assert.match(below.reason, /低于经济增长 0\.6 个百分点.*未达到「与经济增长同步」/);
});

test('与经济增长同步 without a GDP figure is not assessable; without an actual, no data', () => {
  const r = assessWorded(income, at(6.1));
  assert.equal(r.status, 'not_assessable');
  assert.match(r.reason, /未取得西宁市2025年地区生产总值增速/);
  assert.equal(assessWorded({ ...income, year: 2027 }, at(6.1, 2027), gdp).status, 'not_assessable');
  assert.equal(assessWorded(income, [], gdp).status, 'no_data');
});

test('a plan-period worded target: years before the end are on track', () => {
  const plan: WordedTarget = { ...income, startYear: 2026, year: 2030 };
  const r = assessWorded(plan, [{ year: 2025, value: 9 }, { year: 2026, value: 5.8 }], gdp);
  assert.equal(r.status, 'on_track');
  assert.match(r.reason, /^2026年实际增长 5\.8%.*进度正常/);
});

test('高于经济增长 is strict', () => {
  const rural: WordedTarget = { ...income, name: '农村居民人均可支配收入增长', wording: '高于经济增长' };
  assert.equal(assessWorded(rural, at(6.5), gdp).status, 'achieved');
  const level = assessWorded(rural, at(5.5), gdp);
  assert.equal(level.status, 'off_track');
  assert.match(level.reason, /与经济增长持平/);
});

test('an estimate meeting the wording is only on track', () => {
  const r = assessWorded(income, [{ year: 2025, value: 5.8, estimate: true }], gdp);
  assert.equal(r.status, 'on_track');
  assert.match(r.reason, /2025年预计增长 5\.8%.*预计可完成（预计数）/);
});

const energy: WordedTarget = {
  kind: 'worded', name: '单位生产总值能耗降低', unit: '%', direction: 'higher', year: 2025, wording: '完成经省州级层面审核衔接后确定的目标', attribute: '约束性',
};

test('以上级下达为准 without the higher target: not assessable with the reason', () => {
  const r = assessWorded(energy, at(3.1));
  assert.equal(r.status, 'not_assessable');
  assert.equal(r.reason, `「完成经省州级层面审核衔接后确定的目标」：${NO_HIGHER_TARGET}`);
  assert.equal(NO_HIGHER_TARGET, '目标以上级下达为准，尚未取得上级目标');
});

test('以上级下达为准 with the higher target: judged against it', () => {
  const ctx: StatusContext = { higherTarget: () => ({ comparator: 'gte', value: 3, source: '省下达目标' }) };
  const ok = assessWorded(energy, at(3.1), ctx);
  assert.equal(ok.status, 'achieved');
  assert.equal(ok.reason, '「完成经省州级层面审核衔接后确定的目标」按省下达目标判断：2025年实际 3.1% ≥ 目标 3%，已完成');
  assert.equal(assessWorded(energy, at(2.2), ctx).status, 'off_track');
  const co2: WordedTarget = { ...energy, name: '化学需氧量排放总量', unit: '万吨', direction: 'lower', wording: '省州目标以内' };
  const cap: StatusContext = { higherTarget: (t) => (t.name === '化学需氧量排放总量' ? { comparator: 'lte', value: 1.2 } : undefined) };
  assert.equal(assessWorded(co2, at(1.1), cap).status, 'achieved');
  assert.match(assessWorded(co2, at(1.5), cap).reason, /按上级下达目标判断：2025年实际 1\.5 万吨 > 目标 1\.2 万吨，超出 0\.3 万吨/);
  assert.equal(assessWorded(energy, [], ctx).status, 'no_data');
});

test('正增长', () => {
  const invest: WordedTarget = { kind: 'worded', name: '固定资产投资增长', unit: '%', direction: 'higher', year: 2025, wording: '实现正增长' };
  assert.equal(assessWorded(invest, at(1.2)).status, 'achieved');
  const zero = assessWorded(invest, at(0));
  assert.equal(zero.status, 'at_risk');
  assert.match(zero.reason, /按正增长（> 0）判断：2025年实际 0% ≤ 目标 0%/);
  assert.equal(assessWorded(invest, at(-3.4)).status, 'off_track');
});

test('合理区间内运行: not assessable unless a range is given', () => {
  const prices: WordedTarget = { kind: 'worded', name: '居民消费价格指数', unit: '%', direction: 'lower', year: 2025, wording: '保持在合理区间内运行' };
  const r = assessWorded(prices, at(2.1));
  assert.equal(r.status, 'not_assessable');
  assert.match(r.reason, /未给出合理区间的数值范围/);
  const ranged = { ...prices, value: 2, upper: 3 };
  assert.equal(assessWorded(ranged, at(2.4)).status, 'achieved');
  assert.equal(assessWorded(ranged, at(3.4)).status, 'at_risk');
});

test('an unknown wording is not assessable', () => {
  const r = assessWorded({ ...income, wording: '稳中有进' }, at(5), gdp);
  assert.equal(r.status, 'not_assessable');
  assert.match(r.reason, /未识别的文字目标「稳中有进」/);
});

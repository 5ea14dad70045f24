// The indicator registry a planner expects (issue 9, item 6): national, provincial and city wordings
// link to one indicator each; registered and surveyed unemployment stay apart; levels and their growth
// are two indicators; units of one family convert (1亿斤 = 5万吨).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indicators, linkName, searchIndicators, suggestIndicators } from '../../src/monitor/registry.js';
import { conversion } from '../../src/monitor/derive.js';

const link = (name: string, unit: string, measure?: string) => linkName(name, { unit, measure })?.indicatorId;

test('the wordings of the national work reports link to the registry', () => {
  assert.equal(link('国内生产总值', '%', 'change'), 'gdp-growth');
  assert.equal(link('经济增长', '%'), 'gdp-growth');
  assert.equal(link('居民消费价格总水平涨幅', '%', 'change'), 'cpi');
  assert.equal(link('居民消费价格涨幅', '%', 'change'), 'cpi');
  assert.equal(link('城镇新增就业', '万人'), 'new-urban-jobs');
  assert.equal(link('城镇登记失业率', '%'), 'registered-unemployment');
  assert.equal(link('城镇调查失业率', '%'), 'surveyed-unemployment');
  assert.equal(link('单位国内生产总值能耗', '%', 'change'), 'energy-intensity');
  assert.equal(link('粮食产量', '亿斤'), 'grain-output');
  assert.equal(link('粮食总产量', '万吨'), 'grain-output');
});

test('energy and carbon intensity in all their wordings', () => {
  for (const n of ['单位国内生产总值能耗降低', '单位GDP能源消耗降低', '单位地区生产总值能耗下降', '单位生产总值能耗降低', '能耗强度']) assert.equal(link(n, '%'), 'energy-intensity', n);
  for (const n of ['单位地区生产总值二氧化碳排放降低', '单位GDP二氧化碳排放下降', '碳排放强度']) assert.equal(link(n, '%'), 'carbon-intensity', n);
});

test('income: the level in 元 and its growth in % are two indicators, urban and rural apart', () => {
  assert.equal(link('城镇居民人均可支配收入', '元'), 'urban-income');
  assert.equal(link('城镇居民人均可支配收入', '%', 'change'), 'urban-income-growth');
  assert.equal(link('农村居民人均可支配收入', '元'), 'rural-income');
  assert.equal(link('居民人均可支配收入', '万元'), 'income');
  assert.equal(link('居民人均可支配收入', '%', 'change'), 'income-growth');
  assert.equal(link('社会消费品零售总额', '亿元'), 'retail-sales');
  assert.equal(link('社会消费品零售总额', '%', 'change'), 'retail-sales-growth');
});

test('ids other code and gold rely on stay; no name means two indicators of one unit family', () => {
  const ids = new Set(indicators().map((d) => d.id));
  for (const id of ['gdp', 'gdp-growth', 'cpi', 'new-urban-jobs', 'registered-unemployment', 'surveyed-unemployment', 'energy-intensity', 'grain-output', 'income-growth', 'urban-income-growth', 'rural-income-growth', 'forest', 'air-quality', 'rd-share', 'urbanisation', 'budget-revenue']) assert.ok(ids.has(id), id);
  const seen = new Map<string, string>();
  for (const d of indicators())
    for (const n of [d.name, ...d.synonyms]) {
      const key = `${n}|${d.unitFamily}`;
      assert.ok(!seen.has(key) || seen.get(key) === d.id, `${n} names ${seen.get(key)} and ${d.id}`);
      seen.set(key, d.id);
    }
});

test('search and suggestions', () => {
  assert.equal(searchIndicators('能耗')[0].id, 'energy-intensity');
  assert.equal(searchIndicators('gdp-growth')[0].id, 'gdp-growth');
  assert.ok(suggestIndicators('居民可支配收入增长率').some((d) => d.id === 'income-growth'));
  assert.deepEqual(suggestIndicators('幸福指数'), []);
});

test('figures convert within a unit family: 1亿斤 = 5万吨, 1公顷 = 15亩, 1兆瓦 = 0.1万千瓦', () => {
  assert.equal(conversion('亿斤', '万吨'), 5);
  assert.equal(conversion('万亿斤', '亿吨'), 5);
  assert.equal(conversion('公顷', '亩'), 15);
  assert.equal(conversion('兆瓦', '万千瓦'), 0.1);
  assert.equal(conversion('万人', '人'), 1e4);
  assert.equal(conversion('吨', '亩'), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChineseNumber } from '../../src/extract/numbers.js';
import { unitAt } from '../../src/extract/units.js';

test('Chinese numerals', () => {
  const cases: Array<[string, number]> = [
    ['两', 2], ['十', 10], ['十二', 12], ['二十八', 28], ['三千', 3000], ['一千二百三十四', 1234],
    ['三万五千', 35000], ['三亿五千万', 350000000], ['二〇三五', 2035], ['一万二千', 12000], ['千', 1000],
  ];
  for (const [s, v] of cases) assert.equal(parseChineseNumber(s), v, s);
});

test('units: prefix and base from the catalogue, with multipliers and families', () => {
  const u = (s: string) => {
    const m = unitAt(s, 0);
    return m && [m.unit, m.base, m.multiplier, m.family];
  };
  assert.deepEqual(u('亿元，'), ['亿元', '元', 1e8, 'money']);
  assert.deepEqual(u('万人次'), ['万人次', '人次', 1e4, 'person-times']);
  assert.deepEqual(u('万千瓦'), ['万千瓦', '千瓦', 1e4, 'power']);
  assert.deepEqual(u('亿千瓦时'), ['亿千瓦时', '千瓦时', 1e8, 'energy']);
  assert.deepEqual(u('个百分点'), ['个百分点', '个百分点', 1, 'percentage-point']);
  assert.deepEqual(u('成'), ['成', '%', 10, 'ratio']);
  assert.deepEqual(u('万亩'), ['万亩', '亩', 1e4, 'area']);
  assert.deepEqual(u('家企业'), ['家', '家', 1, 'count']);
  assert.deepEqual(u('万，'), ['万', '*', 1e4, '*']);
  assert.equal(unitAt('千伏', 0), undefined);
});

test('compound units are read whole, never broken off', () => {
  const u = (s: string) => unitAt(s, 0)?.unit;
  for (const w of ['场次', '万场次', '人次', '批次', '台套', '艘', '兆瓦', '万千瓦', '元/月', '元/人·月', '分/千瓦时', '万吨/日', '万元/人', '吨标准煤/万元']) assert.equal(u(w + '，'), w, w);
  assert.equal(u('台（套）'), '台套');
  assert.equal(u('％'), '%');
  assert.equal(unitAt('分，', 0), undefined); // 分 is money only in a rate
  assert.equal(unitAt('千伏', 0), undefined);
});

test('units of one family convert: 1亿斤 = 5万吨, 1公顷 = 15亩, 1兆瓦 = 1000千瓦', () => {
  const norm = (s: string) => {
    const m = unitAt(s, 0)!;
    return [m.base, m.multiplier, m.family];
  };
  assert.deepEqual(norm('亿斤'), ['吨', 5e4, 'mass']);
  assert.deepEqual(norm('万吨'), ['吨', 1e4, 'mass']);
  assert.deepEqual(norm('公斤'), ['吨', 0.001, 'mass']);
  assert.deepEqual(norm('公顷'), ['亩', 15, 'area']);
  assert.deepEqual(norm('平方公里'), ['亩', 1500, 'area']);
  assert.deepEqual(norm('兆瓦'), ['千瓦', 1000, 'power']);
  assert.deepEqual(norm('吉瓦'), ['千瓦', 1e6, 'power']);
  assert.deepEqual(norm('万立方米'), ['立方米', 1e4, 'volume']);
  assert.deepEqual(norm('万方'), ['立方米', 1e4, 'volume']);
  assert.deepEqual(norm('分/千瓦时'), ['元/千瓦时', 0.01, 'money/energy']);
  assert.deepEqual(norm('吨/日'), ['吨/天', 1, 'mass/天']);
});

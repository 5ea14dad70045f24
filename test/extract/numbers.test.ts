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
  assert.deepEqual(u('万亩'), ['万亩', '亩', 1e4, 'area-mu']);
  assert.deepEqual(u('家企业'), ['家', '家', 1, 'count']);
  assert.deepEqual(u('万，'), ['万', '*', 1e4, '*']);
  assert.equal(unitAt('千伏', 0), undefined);
});

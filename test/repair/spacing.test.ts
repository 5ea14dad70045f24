import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paras } from './helpers.js';

test('letter-spaced headings lose their spaces', () => {
  assert.deepEqual(paras('政 府 工 作 报 告'), ['政府工作报告']);
  assert.deepEqual(paras('通 知'), ['通知']);
  assert.deepEqual(paras('3 月 份 大 事 记'), ['3月份大事记']);
});

test('stray spaces in numbers and dates go', () => {
  assert.deepEqual(paras('2025 年 4 月 28 日'), ['2025年4月28日']);
  assert.deepEqual(paras('蓝政办发〔2025〕23 号'), ['蓝政办发〔2025〕23号']);
  assert.deepEqual(paras('完成地区生产总值 128.6 亿元，增长 5.2%。'), ['完成地区生产总值128.6亿元，增长5.2%。']);
});

test('a space between two non-Chinese tokens stays', () => {
  assert.deepEqual(paras('1.9 42.33'), ['1.9 42.33']);
  assert.deepEqual(paras('采用 Open SDG 方法'), ['采用Open SDG方法']);
});

test('tabs of table rows stay', () => {
  assert.deepEqual(paras('1.森林覆盖率（%）\t3.4\t1.9'), ['1.森林覆盖率（%）\t3.4\t1.9']);
});

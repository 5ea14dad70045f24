// Deadlines: every form, resolved against the document's date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDeadlines, parseDeadline } from '../../src/extract/deadlines.js';

const ctx = { date: '2025-03-12' };
const date = (text: string, c = ctx) => parseDeadline(text, c)?.date;

test('absolute dates', () => {
  assert.deepEqual(parseDeadline('2025年12月25日前', ctx), { text: '2025年12月25日前', date: '2025-12-25' });
  assert.equal(date('于2026年6月30日之前完成'), '2026-06-30');
});

test('month ends take the year of the document', () => {
  assert.deepEqual(parseDeadline('6月底前', ctx), { text: '6月底前', date: '2025-06-30' });
  assert.equal(date('2025年2月底前'), '2025-02-28');
  assert.equal(date('2024年2月底前'), '2024-02-29');
  assert.equal(date('十二月底前'), '2025-12-31');
  assert.equal(date('9月20日前'), '2025-09-20');
  assert.equal(date('2026年6月'), '2026-06-30');
  assert.equal(parseDeadline('6月底前', {})?.date, undefined);
});

test('year ends, quarters, half years', () => {
  assert.equal(date('2025年年底前'), '2025-12-31');
  assert.equal(date('2027年底前'), '2027-12-31');
  assert.equal(date('年底前'), '2025-12-31');
  assert.equal(date('三季度末前'), '2025-09-30');
  assert.equal(date('2026年第一季度'), '2026-03-31');
  assert.equal(date('上半年'), '2025-06-30');
});

test('phases and ranges: the end counts', () => {
  assert.deepEqual(parseDeadline('2025年3月至11月', ctx), { text: '2025年3月至11月', date: '2025-11-30' });
  assert.equal(date('（2025年4月30日—5月30日）'), '2025-05-30');
  assert.equal(date('4月30至6月30日'), '2025-06-30');
  assert.equal(date('2025年1月至2025年12月'), '2025-12-31');
});

test('recurring deadlines give a rule', () => {
  assert.deepEqual(parseDeadline('每月20日前', ctx), { text: '每月20日前', rule: 'monthly:20' });
  assert.deepEqual(parseDeadline('每年12月底前', ctx), { text: '每年12月底前', rule: 'yearly:12-31' });
  assert.deepEqual(parseDeadline('一月一调度', ctx), { text: '一月一调度', rule: 'monthly' });
  assert.equal(parseDeadline('每季度末5日前报送', ctx)?.rule, 'quarterly:5');
  assert.equal(parseDeadline('每半年报告一次', ctx)?.rule, 'semiannual');
});

test('long-term and relative deadlines', () => {
  assert.deepEqual(parseDeadline('长期坚持', ctx), { text: '长期坚持' });
  assert.deepEqual(parseDeadline('持续推进', ctx), { text: '持续推进' });
  assert.deepEqual(parseDeadline('3个月内', ctx), { text: '3个月内', date: '2025-06-12' });
  assert.equal(parseDeadline('长期居住', ctx), undefined);
});

test('every deadline of a text, in order', () => {
  const found = findDeadlines('4月25日前报送联系人信息，9月20日前报送工作总结。', { date: '2025-04-25' });
  assert.deepEqual(
    found.map((d) => d.date),
    ['2025-04-25', '2025-09-20'],
  );
});

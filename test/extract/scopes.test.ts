// Modality, year, basis and period of numbers from the scopes they stand in (notes/meaning.md): a cue
// before a colon, a time phrase opening a paragraph, a five-year review, a plan's review of the last
// plan, 年均 / 累计 / 比2020年 — on project-made texts in the layouts of national and local reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsOf, find } from './helpers.js';

/** A national-style report: head of three lines, a review, then a part with the targets paragraph. */
const national = (review: string, ahead: string) =>
  ['政府工作报告', '——2031年3月5日在第十六届全国人民代表大会第二次会议上', '国务院总理 某某', '各位代表：', '一、2030年工作回顾', review, '二、2031年工作总体部署', ahead].join('\n\n');

test('a cue ending its paragraph ("主要预期目标是：") governs the list in the next paragraph: targets for the report year', () => {
  const facts = factsOf(national('国内生产总值增长6.1%。', '今年国民经济和社会发展的主要预期目标是：\n\n国内生产总值增长5%左右；城镇新增就业1100万人以上，城镇登记失业率4.5%以内。'));
  for (const v of [5, 1100, 4.5]) {
    const f = find(facts, v);
    assert.equal(f.modality, 'target', `${f.metric} ${v}`);
    assert.equal(f.year, 2031);
    assert.equal(f.basis, undefined);
  }
  const a = find(facts, 6.1);
  assert.deepEqual([a.modality, a.year], ['actual', 2030]);
});

test('"过去一年" opening a paragraph makes its later sentences last year\'s actuals, even under a section of this year', () => {
  const facts = factsOf(national('各项工作稳步推进。', '2031年，是开局之年。过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，城镇新增就业1168万人。'));
  const f = find(facts, 10.3);
  assert.deepEqual([f.modality, f.year], ['actual', 2030]);
  assert.deepEqual([find(facts, 1168).modality, find(facts, 1168).year], ['actual', 2030]);
});

test('a five-year review: totals are cumulative and averages average over the five years; a year it names stays a year', () => {
  const text = ['政府工作报告', '——2033年3月5日在第十六届全国人民代表大会第一次会议上', '一、过去五年工作回顾', '五年来，城镇新增就业6000万人，国内生产总值年均增长5.2%。2032年，国内生产总值增长5.1%，城镇新增就业1200万人。', '二、今年工作总体部署', '各项工作有序推进。'].join('\n\n');
  const facts = factsOf(text);
  assert.deepEqual([find(facts, 6000).basis, find(facts, 6000).period], ['cumulative', [2028, 2032]]);
  assert.deepEqual([find(facts, 5.2).basis, find(facts, 5.2).period], ['average', [2028, 2032]]);
  for (const v of [5.1, 1200]) assert.deepEqual([find(facts, v).basis, find(facts, v).year], [undefined, 2032]);
});

test('a plan reviews the last plan: flows over the period are cumulative, levels belong to its last year; 比2020年 is a change since', () => {
  const text = ['蓝湖市国民经济和社会发展第十六个五年规划纲要', '第一章 发展基础', '“十五五”时期成效显著。城镇新增就业近3万人，地区生产总值达到520亿元，城镇登记失业率控制在3.5%以内，单位地区生产总值能耗比2025年下降13.5%。', '第二章 主要目标', '到2035年，地区生产总值年均增长5%左右。'].join('\n\n');
  const facts = factsOf(text);
  assert.deepEqual([find(facts, 3).modality, find(facts, 3).basis, find(facts, 3).period], ['actual', 'cumulative', [2026, 2030]]);
  assert.deepEqual([find(facts, 520).basis, find(facts, 520).year], [undefined, 2030]);
  assert.deepEqual([find(facts, 3.5).basis, find(facts, 3.5).period], ['average', [2026, 2030]]);
  const since = find(facts, -13.5);
  assert.deepEqual([since.basis, since.period], ['since', [2025, 2030]]);
  const avg = find(facts, 5);
  assert.deepEqual([avg.modality, avg.year, avg.basis, avg.period], ['target', 2035, 'average', [2031, 2035]]);
});

test('截至 states what is: an actual of the year it names', () => {
  const facts = factsOf(['蓝湖市养老服务体系建设实施方案', '一、主要目标', '截至2029年，建成社区食堂30个。到2031年，社区食堂达到60个。'].join('\n\n'));
  assert.deepEqual([find(facts, 30).modality, find(facts, 30).year], ['actual', 2029]);
  assert.deepEqual([find(facts, 60).modality, find(facts, 60).year], ['target', 2031]);
});

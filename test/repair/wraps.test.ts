import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blocks, paras } from './helpers.js';

const width30 = [
  '——经济运行稳中有进。完成地区生产总值 128.6 亿',
  '',
  '元，经济总量实现新的突破；固定资产投资增长 10.8%，连续',
  '',
  '3 年保持两位数增长；地方一般公共预算收入 9.54 亿元，完成',
  '',
  '年度任务的 102.3%。',
  '',
  '——高质量发展动能加速汇聚。清洁能源总装机突破 500 万千瓦。',
].join('\n');

test('hard wraps inside words, numbers and units are joined without spaces', () => {
  const p = paras(width30);
  assert.equal(p.length, 2);
  assert.match(p[0], /完成地区生产总值128\.6亿元，经济总量/);
  assert.match(p[0], /连续3年保持/);
  assert.match(p[1], /^——高质量发展/);
});

test('a paragraph keeps the original line of its first character', () => {
  const b = blocks(width30);
  assert.equal(b[0].line, 1);
  assert.equal(b[0].lastLine, 7);
  assert.equal(b[1].line, 9);
});

test('headings are not joined to the paragraph after them', () => {
  const text = '一、2024 年工作回顾\n\n2024 年是蓝湖市发展进程中极不平凡的一年，面对经济下行压力加大的\n\n复杂局面，我们坚持稳中求进。';
  const p = paras(text);
  assert.equal(p[0], '一、2024年工作回顾');
  assert.equal(p.length, 2);
});

test('a line that stops mid-sentence joins a paragraph that runs across a page', () => {
  const text = '构建全域生态安全屏障。深度融入全省生态安全格局建\n\n设，精准对接全州生态安全格局。';
  assert.deepEqual(paras(text), ['构建全域生态安全屏障。深度融入全省生态安全格局建设，精准对接全州生态安全格局。']);
});

test('paragraphs that are whole lines are not joined even when they end the same width', () => {
  const text = [
    '加强生态保护修复。扛牢全省重点生态功能区政治责任，落实三区三线划定成果，筑牢长江源头生态安全屏障，统筹推进山水林田湖草沙一体化保护和系统治理。',
    '打好污染防治攻坚。开展大气污染防治重点行业绩效提级行动，加强挥发性有机物全流程治理，确保空气质量达标，抓好河湖清四乱，深化入河排污口溯源整治。',
    '夯实绿色发展根基。深入实施碳达峰九大行动，打造开发区零碳产业园，严格实施节能审查，分批分类推进节能降碳改造和用能设备更新，新增绿色工厂两家。',
  ].join('\n\n');
  assert.equal(paras(text).length, 3);
});

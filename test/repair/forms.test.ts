import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blocks, paras } from './helpers.js';

test('full-width letters and digits become half-width; Chinese punctuation stays', () => {
  assert.deepEqual(paras('ＧＤＰ增长５．２％，（预期性）：完成！'), ['GDP增长5.2%，（预期性）：完成！']);
});

test('half-width punctuation inside Chinese text becomes Chinese', () => {
  assert.deepEqual(paras('一年来,我们坚持点、线、面结合,统筹推进(重点)工作:产业"四地"建设。'), [
    '一年来，我们坚持点、线、面结合，统筹推进（重点）工作：产业“四地”建设。',
  ]);
});

test('superscripts and circled numbers are kept', () => {
  assert.deepEqual(paras('细颗粒物浓度（μg/m³）①'), ['细颗粒物浓度（μg/m³）①']);
});

test('markdown headings are read as headings', () => {
  const b = blocks('## 政府工作报告\n\n## 一、2023年工作回顾\n\n正文。');
  assert.equal(b[0].text, '政府工作报告');
  assert.equal(b[0].heading, 2);
  assert.equal(b[1].text, '一、2023年工作回顾');
});

test('markdown bold marks become bold spans', () => {
  const [b] = blocks('——**生态文明建设达到新水平。**以国家公园为主体的自然保护地体系更加完善。');
  assert.equal(b.text, '——生态文明建设达到新水平。以国家公园为主体的自然保护地体系更加完善。');
  assert.deepEqual(b.bold.map(([s, e]) => b.text.slice(s, e)), ['生态文明建设达到新水平。']);
});

test('a list item whose name was bold: "- 1. 名称：**内容"', () => {
  const [b] = blocks('- 1. 农业生产基础巩固工程：**实施高标准农田建设。');
  assert.equal(b.text, '1.农业生产基础巩固工程：实施高标准农田建设。');
  assert.deepEqual(b.bold.map(([s, e]) => b.text.slice(s, e)), ['1.农业生产基础巩固工程：']);
});

test('an ASCII comma after a number and before Chinese is Chinese: "98%,满意率"', () => {
  assert.deepEqual(paras('办复率100%,满意率98%以上。'), ['办复率100%，满意率98%以上。']);
  assert.deepEqual(paras('共计1,234人'), ['共计1,234人']);
});

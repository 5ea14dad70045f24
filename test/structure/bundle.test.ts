import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLES, lineOf, pdfText, sampleSource, structureSample, structureText } from '../fixtures/texts.js';

const HEADER = '市政府办公室文件蓝湖市人民政府政务公开信息';

test('the sample bundle splits into its four documents at their first lines', () => {
  const { text } = sampleSource(SAMPLES.bundle);
  const docs = structureSample(SAMPLES.bundle).documents.map((d) => d.record);
  assert.deepEqual(
    docs.map((d) => d.title),
    [
      '关于同意蓝湖市第二中学迁建项目实施方案的批复',
      '关于印发蓝湖市2025年政府工作报告重点任务分工方案的通知',
      '关于印发城区燃气管道老化更新改造2025年实施方案的通知',
      '3月份大事记',
    ],
  );
  const reply = lineOf(text, '蓝湖市人民政府');
  const division = lineOf(text, '蓝湖市人民政府办公室');
  const gasPlan = lineOf(text, '蓝湖市城区燃气管道老化更新改造');
  const chronicle = lineOf(text, '3 月 份 大 事 记');
  assert.deepEqual(
    docs.map((d) => d.lines[0]),
    [reply, division, gasPlan, chronicle],
  );
  // each document ends where the next begins (page furniture between them belongs to neither)
  assert.ok(docs[0].lines[1] < division && docs[1].lines[1] < gasPlan && docs[2].lines[1] < chronicle);
  assert.equal(docs[3].lines[1], text.trimEnd().split('\n').length);
});

test('a misplaced first page goes to its document: the span starts at the page', () => {
  const { text } = sampleSource(SAMPLES.bundle);
  const [, division, gas] = structureSample(SAMPLES.bundle).documents.map((d) => d.record);
  const page = lineOf(text, '蓝湖市城区燃气管道老化更新改造');
  assert.equal(gas.lines[0], page);
  assert.equal(gas.docNumber, '蓝政办发〔2025〕9号');
  assert.equal(gas.date, '2025-03-20');
  assert.ok(division.lines[1] < page, 'the page before the cover is not part of the previous document');
});

test('a misplaced first page is read after the cover, and the sentence cut by the cover joins up', () => {
  const { text } = sampleSource(SAMPLES.bundle);
  const gas = structureSample(SAMPLES.bundle).documents[2];
  const cover = lineOf(text, '蓝湖市人民政府办公室', lineOf(text, '蓝湖市城区燃气管道老化更新改造'));
  const page = lineOf(text, '蓝湖市城区燃气管道老化更新改造');
  const firsts = gas.blocks.map((b) => b.line);
  assert.equal(firsts[0], cover, 'the document reads from its cover');
  assert.ok(firsts.indexOf(page) > 0, 'then the misplaced page');
  const cut = gas.blocks.find((b) => b.text.startsWith('（二）实施管网改造'));
  assert.ok(cut);
  assert.match(cut.text, /重点推进蓝湖大道等路段沿线的中压燃气管网改造，全年改造市政管道14公里/);
  assert.ok(cut.line < cover && cut.lastLine > cover, 'one paragraph from before the cover to after it');
  const at = (head: string) => gas.blocks.findIndex((b) => b.text.startsWith(head));
  assert.ok(at('（三）强化资金保障') > at('（二）实施管网改造'));
});

// The page before the cover has no title; it stops mid-word and the body goes on after the cover.
// splitBundle's second rule (misplacedStart) scans the look-back window FORWARD and takes the first "一、"
// it meets, so when the previous document is short its own "一、总体目标" is taken for the start of the
// misplaced page: the second document then starts at line 17 (一、总体目标) instead of 20 (一、产业发展类).
test('a misplaced page without its title goes to the document after it', () => {
  const text = pdfText(
    [HEADER, '蓝湖市人民政府办公室', '关于印发蓝湖市招商引资工作方案的通知', '蓝政办发〔2025〕5 号', '市政府各部门：', '现将方案印发给你们，请认真贯彻落实。', '蓝湖市人民政府办公室', '2025年3月3日', '一、总体目标', '全年引进项目 30 个以上。'],
    ['一、产业发展类（3项）', '1. 蓝湖市“十五五”现代农业发展', '规划（责任单位：市农牧局）', '2. 蓝湖市“十五五”全域旅游发展规', '蓝湖市人民政府办公室', '关于印发蓝湖市“十五五”重点专项', '规划清单的通知', '蓝政办发〔2025〕6 号', '市政府各部门：', '《蓝湖市“十五五”重点专项规划清单》经市政府同意，现予印发。', '蓝湖市人民政府办公室', '2025年3月4日', '蓝湖市“十五五”重点专项规划清单'],
    ['划（责任单位：市文化旅游局）', '3. 蓝湖市“十五五”湖泊保护规划（责任单位：市生态环境局）'],
  );
  const [first, second] = structureText(text).documents;
  const page = lineOf(text, '一、产业发展类');
  assert.equal(structureText(text).documents.length, 2);
  assert.equal(second.record.lines[0], page);
  assert.ok(first.record.lines[1] < page);
  assert.ok(second.blocks.some((b) => /^2\.\s?蓝湖市“十五五”全域旅游发展规划（责任单位：市文化旅游局）$/.test(b.text)));
});

test('a standalone 大事记 at a page start begins a document without a cover', () => {
  const text = pdfText(
    [HEADER, '蓝湖市人民政府办公室', '关于印发蓝湖市春季植树方案的通知', '蓝政办发〔2025〕3 号', '各乡镇人民政府：', '现将方案印发给你们，请认真组织实施。', '蓝湖市人民政府办公室', '2025年3月2日'],
    ['4 月 份 大 事 记', '4月1日，全市春季植树活动启动。', '4月9日，蓝湖港区综合码头开工建设。'],
  );
  const docs = structureText(text).documents.map((d) => d.record);
  assert.equal(docs.length, 2);
  assert.equal(docs[1].title, '4月份大事记');
  assert.equal(docs[1].type, '大事记');
  assert.equal(docs[1].lines[0], lineOf(text, '4 月 份 大 事 记'));
  assert.equal(docs[0].lines[1], lineOf(text, '2025年3月2日'));
});

test('大事记 in the middle of a page does not start a document', () => {
  const text = ['蓝湖市人民政府办公室', '关于印发蓝湖市春季植树方案的通知', '蓝政办发〔2025〕3 号', '各乡镇人民政府：', '现将方案印发给你们。', '蓝湖市人民政府办公室', '2025年3月2日', '附件', '植树活动大事记', '3月1日，全市春季植树活动启动。'].join('\n\n');
  assert.equal(structureText(text).documents.length, 1);
});

test('a single document without a cover is one document from its first non-blank line', () => {
  const text = ['', '   ', '政 府 工 作 报 告', '——2025年 2月 10日在蓝湖市第八届人民代表大会第四次会议上', '', '各位代表：', '', '现在，我代表市人民政府向大会报告工作。', ''].join('\n');
  const docs = structureText(text).documents.map((d) => d.record);
  assert.equal(docs.length, 1);
  assert.deepEqual(docs[0].lines, [3, 8]);
  assert.equal(docs[0].title, '政府工作报告');
});

test('the sample work report and plan are one document each', () => {
  for (const rel of [SAMPLES.report, SAMPLES.plan]) {
    const { text } = sampleSource(rel);
    const docs = structureSample(rel).documents;
    assert.equal(docs.length, 1, rel);
    assert.equal(docs[0].record.lines[0], text.split('\n').findIndex((l) => l.trim()) + 1, rel);
  }
});

test('two covers in a row make two documents, each starting at its issuer line', () => {
  const text = pdfText(
    [HEADER, '云泽州人民政府办公室', '关于印发云泽州春耕生产方案的通知', '云政办〔2025〕11 号', '各县（市）人民政府：', '现将方案印发给你们。', '云泽州人民政府办公室', '2025年3月1日', '一、目标', '全州春播面积 260 万亩。'],
    [HEADER, '云泽州人民政府', '关于同意设立蓝湖港区的批复', '云政函〔2025〕4 号', '蓝湖市人民政府：', '你市请示收悉。同意设立蓝湖港区。', '云泽州人民政府', '2025年3月9日'],
  );
  const docs = structureText(text).documents.map((d) => d.record);
  assert.deepEqual(
    docs.map((d) => [d.lines[0], d.type]),
    [
      [lineOf(text, '云泽州人民政府办公室'), '通知'],
      [lineOf(text, '云泽州人民政府', lineOf(text, '全州春播面积')), '批复'],
    ],
  );
});

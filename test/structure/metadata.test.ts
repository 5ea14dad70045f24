import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentRecord } from '../../src/model/records.js';
import { isoDate, normalizeDocNumber } from '../../src/structure/patterns.js';
import { SAMPLES, lineOf, sampleSource, structureSample, structureText } from '../fixtures/texts.js';

/** A cover as extracted from a PDF: a blank line after every line. */
function cover(issuer: string, title: string[], number: string, to: string, body: string[], date: string, extra: string[] = []): string {
  return [issuer, ...title, number, to, ...body, ...extra, issuer, date].join('\n\n');
}
const one = (text: string): DocumentRecord => {
  const docs = structureText(text).documents;
  assert.equal(docs.length, 1);
  return docs[0].record;
};
const notice = (over: { issuer?: string; number?: string; date?: string; body?: string[] } = {}) =>
  one(
    cover(
      over.issuer ?? '蓝湖市人民政府办公室',
      ['关于印发蓝湖市2025年政府工作报告', '重点任务分工方案的通知'],
      over.number ?? '蓝政办发〔2025〕7 号',
      '各乡镇人民政府，市政府各部门：',
      over.body ?? ['《蓝湖市2025年政府工作报告重点任务分工方案》已经市政府第12次常务会议审议通过，现印发给你们，请认真贯彻落实。'],
      over.date ?? '2025年3月12日',
    ),
  );
const bundle = () => structureSample(SAMPLES.bundle).documents.map((d) => d.record);

test('title: the cover title joined over its lines', () => {
  assert.equal(notice().title, '关于印发蓝湖市2025年政府工作报告重点任务分工方案的通知');
  assert.equal(bundle()[0].title, '关于同意蓝湖市第二中学迁建项目实施方案的批复');
});

test('title of a document without a cover: the head line ending in a 文种, letter spacing removed', () => {
  assert.equal(structureSample(SAMPLES.report).documents[0].record.title, '政府工作报告');
  assert.equal(structureSample(SAMPLES.plan).documents[0].record.title, '蓝湖市国民经济和社会发展第十五个五年规划纲要');
});

test('docNumber: spaces removed ("〔2025〕23 号")', () => {
  assert.equal(notice({ number: '蓝政办发〔2025〕23 号' }).docNumber, '蓝政办发〔2025〕23号');
  assert.equal(notice({ number: '蓝政办发 〔 2025 〕 23 号' }).docNumber, '蓝政办发〔2025〕23号');
});

test('docNumber: other brackets are normalised to 〔〕', () => {
  for (const n of ['蓝政办发[2025]7号', '蓝政办发［2025］7号', '蓝政办发（2025）7号', '蓝政办发(2025)7 号']) {
    assert.equal(notice({ number: n }).docNumber, '蓝政办发〔2025〕7号', n);
  }
  assert.equal(normalizeDocNumber('格政办发[2025]23号'), '格政办发〔2025〕23号');
});

test('issuer: the organisation line above the title', () => {
  assert.equal(notice().issuer, '蓝湖市人民政府办公室');
  assert.equal(bundle()[0].issuer, '蓝湖市人民政府');
});

test('issuer of a work report or plan: the region government', () => {
  assert.equal(structureSample(SAMPLES.report).documents[0].record.issuer, '蓝湖市人民政府');
  assert.equal(structureSample(SAMPLES.plan).documents[0].record.issuer, '蓝湖市人民政府');
});

test('addressees: the line ending in ：, split at ， and 、', () => {
  assert.deepEqual(notice().addressees, ['各乡镇人民政府', '市政府各部门']);
  assert.deepEqual(bundle()[0].addressees, ['市教育局']);
});

test('date: the signature date in ISO form, spaces removed', () => {
  assert.equal(notice({ date: '2025 年 3 月 5 日' }).date, '2025-03-05');
  assert.equal(bundle()[0].date, '2025-03-05');
  assert.equal(bundle()[1].date, '2025-03-12');
});

test('date: written in Chinese numerals (二〇二五年三月五日)', () => {
  assert.equal(notice({ date: '二〇二五年三月五日' }).date, '2025-03-05');
  assert.equal(notice({ date: '二〇二五年十二月二十八日' }).date, '2025-12-28');
  assert.equal(isoDate('二〇二四年十月十日'), '2024-10-10');
});

test('date of a speech: the "——…日在…会议上" line', () => {
  assert.equal(structureSample(SAMPLES.report).documents[0].record.date, '2025-02-10');
});

test('type: the 文种 at the end of the title', () => {
  const b = bundle();
  assert.deepEqual(
    b.map((d) => d.type),
    ['批复', '通知', '通知', '大事记'],
  );
  assert.equal(structureSample(SAMPLES.report).documents[0].record.type, '政府工作报告');
  assert.equal(structureSample(SAMPLES.plan).documents[0].record.type, '规划纲要');
});

test('region and level: a county-level city', () => {
  const r = notice();
  assert.equal(r.region, '蓝湖市');
  assert.equal(r.level, 'county');
  const report = structureSample(SAMPLES.report).documents[0].record;
  assert.deepEqual([report.region, report.level], ['蓝湖市', 'county']);
});

test('region and level: a prefecture (云泽州)', () => {
  const r = notice({ issuer: '云泽州人民政府办公室', number: '云政办〔2025〕11 号' });
  assert.deepEqual([r.region, r.level], ['云泽州', 'prefecture']);
});

test('region and level: a province (西岭省)', () => {
  const r = notice({ issuer: '西岭省人民政府办公厅', number: '西政办〔2025〕2 号' });
  assert.deepEqual([r.region, r.level], ['西岭省', 'province']);
});

test('region of a 大事记: the region it names most', () => {
  const chronicle = bundle()[3];
  assert.deepEqual([chronicle.region, chronicle.level], ['蓝湖市', 'county']);
});

test('meeting: "经市政府第12次常务会议审议通过"', () => {
  assert.equal(notice().meeting, '市政府第12次常务会议');
  assert.equal(bundle()[1].meeting, '市政府第12次常务会议');
  const r = notice({ body: ['《方案》已经市八届人民政府第十二次常务会议研究同意，现印发给你们。'] });
  assert.equal(r.meeting, '市八届人民政府第十二次常务会议');
});

test('meeting of a speech: "在…会议上"', () => {
  assert.equal(structureSample(SAMPLES.report).documents[0].record.meeting, '蓝湖市第八届人民代表大会第四次会议');
});

test('no meeting when none is named', () => {
  assert.equal(notice({ body: ['现将方案印发给你们，请认真贯彻落实。'] }).meeting, undefined);
});

test('attachments: listed on the cover, with their line', () => {
  const { text } = sampleSource(SAMPLES.bundle);
  assert.deepEqual(bundle()[0].attachments, [{ label: '附件', title: '蓝湖市第二中学迁建项目主要建设内容', line: lineOf(text, '附件：') }]);
  assert.deepEqual(bundle()[1].attachments, []);
});

test('attachments: numbered attachment headings with their titles on the next line', () => {
  const text = [
    cover('蓝湖市人民政府办公室', ['关于印发蓝湖市春季植树方案的通知'], '蓝政办发〔2025〕3 号', '各乡镇人民政府：', ['现将方案印发给你们，请认真组织实施。'], '2025年3月2日'),
    '附件1',
    '蓝湖市春季植树任务分解表',
    '附件2',
    '蓝湖市春季植树技术要点',
  ].join('\n\n');
  assert.deepEqual(
    one(text).attachments.map((a) => [a.label, a.title]),
    [
      ['附件1', '蓝湖市春季植树任务分解表'],
      ['附件2', '蓝湖市春季植树技术要点'],
    ],
  );
});

test('addressees wrapped over two lines', () => {
  const text = cover('蓝湖市人民政府办公室', ['关于印发蓝湖市春季植树方案的通知'], '蓝政办发〔2025〕3 号', '各乡镇人民政府，市政府各部门，蓝湖高新区管委会，市属各企事业', ['单位：', '现将方案印发给你们，请认真组织实施。'], '2025年3月2日');
  assert.deepEqual(one(text).addressees, ['各乡镇人民政府', '市政府各部门', '蓝湖高新区管委会', '市属各企事业单位']);
});

// "市政府各局、委、办" is one addressee (the bureaus, commissions and offices of the city government);
// metadata.ts fromCover splits the addressee line at every 、 and returns "委" and "办" as addressees
// (the corpus's 004 bundle shows it on every cover).
test('addressees: "市政府各局、委、办" stays one addressee', () => {
  const text = cover('蓝湖市人民政府办公室', ['关于印发蓝湖市春季植树方案的通知'], '蓝政办发〔2025〕3 号', '各乡镇人民政府，市政府各局、委、办：', ['现将方案印发给你们，请认真组织实施。'], '2025年3月2日');
  assert.deepEqual(one(text).addressees, ['各乡镇人民政府', '市政府各局、委、办']);
});

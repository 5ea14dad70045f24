// A GBK copy, a DOCX and a PDF made here from the same text go through the same path
// (read → repair → structure) and give the same structure as the text itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSource } from '../../src/read/index.js';
import { structure } from '../../src/structure/index.js';
import type { DocumentRecord, Section } from '../../src/model/records.js';
import { cjkFontAvailable, CJK_FONT_MISSING, makeDocx, makeGbk, makePdf } from '../helpers/make-docs.js';

const LINES = [
  '蓝湖市国民经济和社会发展第十五个五年规划纲要',
  '蓝湖市人民政府',
  '第一章 锚定发展方位',
  '第一节 发展基础',
  '巩固生态安全屏障。全市森林覆盖率达到35%。',
  '壮大特色产业集群。新增规模以上工业企业12家。',
  '表 1-1 主要指标完成情况表',
  '指标名称\t2020年\t2025年',
  '1.地区生产总值（亿元）\t100\t128.6',
  '2.森林覆盖率（%）\t30\t35*',
  '注：“*”表示预计数。',
  '第二节 发展目标',
  '到2030年，常住人口城镇化率达到60%以上。',
];

const dir = mkdtempSync(join(tmpdir(), 'lantu-formats-'));

/** What must agree across formats: everything but line numbers and spans (places in each file). */
function shape(d: DocumentRecord) {
  const sec = (s: Section): unknown => ({ kind: s.kind, ordinal: s.ordinal, title: s.title, children: s.children.map(sec) });
  return {
    title: d.title,
    type: d.type,
    region: d.region,
    issuer: d.issuer,
    sections: d.sections.map(sec),
    tables: d.tables.map((t) => ({ label: t.label, title: t.title, columns: t.columns, rows: t.rows.map(({ line: _l, span: _s, ...r }) => r) })),
  };
}

async function structureOf(path: string) {
  const docs = structure(await readSource(path)).documents.map((d) => d.record);
  assert.equal(docs.length, 1, `${path}: one document`);
  return shape(docs[0]);
}

const txtPath = join(dir, 'plan.txt');
writeFileSync(txtPath, LINES.join('\n\n') + '\n');

test('the text itself has the expected structure', async () => {
  const s = await structureOf(txtPath);
  assert.equal(s.title, '蓝湖市国民经济和社会发展第十五个五年规划纲要');
  assert.equal(s.type, '规划纲要');
  assert.equal(s.region, '蓝湖市');
  assert.equal(s.sections[0] && (s.sections[0] as { kind: string }).kind, 'chapter');
  assert.equal(s.tables.length, 1);
  assert.equal(s.tables[0].rows.length, 2);
  assert.deepEqual(s.tables[0].rows[1].cells[1], { text: '35*', value: 35, estimate: true });
});

test('a GBK copy gives the same structure', async () => {
  const p = join(dir, 'plan-gbk.txt');
  makeGbk(LINES.join('\r\n\r\n') + '\r\n', p);
  assert.deepEqual(await structureOf(p), await structureOf(txtPath));
});

test('a DOCX gives the same structure', async () => {
  const p = join(dir, 'plan.docx');
  const rows = LINES.slice(7, 10).map((l) => l.split('\t'));
  await makeDocx([...LINES.slice(0, 7), { table: rows }, ...LINES.slice(10)], p);
  assert.deepEqual(await structureOf(p), await structureOf(txtPath));
});

test('a PDF gives the same structure', async (t) => {
  if (!cjkFontAvailable()) return t.skip(CJK_FONT_MISSING);
  const p = join(dir, 'plan.pdf');
  await makePdf(LINES, p, { cellWidth: 220 });
  assert.deepEqual(await structureOf(p), await structureOf(txtPath));
});

// A DOCX gives one line per paragraph: a heading or a 来源 line without closing punctuation stays its own
// paragraph (no joining as for a PDF's hard wraps), so the outline finds the report's parts under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSource } from '../../src/read/index.js';
import { structure } from '../../src/structure/index.js';
import { makeDocx } from '../helpers/make-docs.js';

const LINES = [
  '2025年西岭省政府工作报告',
  '来源：西岭日报',
  '——2025年1月20日在西岭省第十四届人民代表大会第三次会议上',
  '各位代表：',
  '一、2024年工作回顾',
  '过去一年，全省地区生产总值增长5%',
  '二、2025年主要任务',
  '今年主要预期目标是：地区生产总值增长5%左右。',
];

test('DOCX paragraphs are not joined: each heading and the 来源 line stand alone, the parts are found', async () => {
  const p = join(mkdtempSync(join(tmpdir(), 'lantu-docx-')), 'report.docx');
  await makeDocx([...LINES.slice(0, 6), { runs: [{ bold: LINES[6] }] }, LINES[7]], p);
  const [d] = structure(await readSource(p)).documents;
  assert.deepEqual(d.blocks.map((b) => b.text), LINES);
  const parts = d.record.sections.filter((s) => s.kind === 'part').map((s) => [s.title, s.part]);
  assert.deepEqual(parts, [['2024年工作回顾', 'review'], ['2025年主要任务', 'tasks']]);
  assert.deepEqual([d.record.region, d.record.level, d.record.date], ['西岭省', 'province', '2025-01-20']);
});

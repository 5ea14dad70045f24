// Messages: what reading, structure and extraction gave up on, each with its file, line (and column
// where known) and rule — on a project-made document with no region, a lone table row and a unit
// the catalogue does not know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '../../src/model/records.js';
import { structure } from '../../src/structure/index.js';
import { extract } from '../../src/extract/index.js';
import { undecodedMessages } from '../../src/read/messages.js';
import { readSource } from '../../src/read/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';

const GAPS = [
  '工作要点',
  '一、总体要求',
  '今年发放宣传册3500沓，新建道路30公里。',
  '序号\t名称',
  '二、重点任务',
  '（一）推进道路建设。完成投资5亿元。（责任单位：市交通运输局）',
].join('\n');

const messagesOf = (text: string, file = 'gaps.txt'): Message[] =>
  extract(structure({ file: `some/dir/${file}`, format: 'txt', text })).documents.flatMap((d) => d.record.messages ?? []);

const one = (list: Message[], rule: string): Message => {
  const found = list.filter((m) => m.rule === rule);
  assert.equal(found.length, 1, `one ${rule} among ${JSON.stringify(list)}`);
  return found[0];
};

test('a document without region, with a lone tab row and an unknown unit says so, each at its place', () => {
  const list = messagesOf(GAPS);
  const region = one(list, 'document-region');
  assert.deepEqual([region.file, region.line, region.severity], ['gaps.txt', 1, 'warning']);
  assert.match(region.text, /no region found.*（?未识别地区/);
  const table = one(list, 'table-unparsed');
  assert.deepEqual([table.file, table.line, table.severity], ['gaps.txt', 4, 'warning']);
  const unit = one(list, 'unit-unknown');
  assert.deepEqual([unit.file, unit.line, unit.column], ['gaps.txt', 3, 8]);
  assert.match(unit.text, /3500沓/);
  // in the order of their places
  assert.deepEqual(list.map((m) => m.line), [...list.map((m) => m.line)].sort((a, b) => (a ?? 0) - (b ?? 0)));
});

test('known units, years, ordinals and captions are not unknown units; a full document has no region message', () => {
  const text = [
    '政府工作报告',
    '——2025年2月10日在蓝湖市第八届人民代表大会第四次会议上',
    '一、2024年工作回顾',
    '全年地区生产总值增长6.5%，新建道路30公里，第3季度完成投资12亿元，开通12345热线。',
    '表1 主要指标',
    '序号\t指标\t单位\t2025年',
    '1\t地区生产总值增长\t%\t6',
    '2\t粮食产量\t万吨\t30',
  ].join('\n');
  const list = messagesOf(text, 'report.txt');
  assert.deepEqual(list, [], JSON.stringify(list));
});

test('a tab block that yields no rows is reported instead of dropped in silence', () => {
  const text = ['工作要点', '表1 重点项目', '序号\t项目名称\t建设内容', '一、总体要求'].join('\n');
  const t = one(messagesOf(text), 'table-unparsed');
  assert.equal(t.line, 3);
});

test('characters lost before the file was read are reported at their line and column', () => {
  const list = undecodedMessages('x/lost.txt', '第一行\n第二\uFFFD行\uFFFD\n第三行');
  assert.deepEqual(list.map((m) => [m.file, m.line, m.column, m.rule]), [['lost.txt', 2, 3, 'undecodable-bytes']]);
});

test("the DOCX converter's warnings reach the document's messages, with the file and no line", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-messages-'));
  const path = join(dir, 'styled.docx');
  const doc = new Document({ sections: [{ children: [new Paragraph({ text: '蓝湖市政府工作报告', style: 'BoxTitle' }), new Paragraph('一、总体要求')] }] });
  writeFileSync(path, await Packer.toBuffer(doc));
  const list = structure(await readSource(path)).documents[0].record.messages ?? [];
  const docx = list.filter((m) => m.rule === 'docx-conversion');
  assert.ok(docx.length >= 1, JSON.stringify(list));
  for (const m of docx) {
    assert.deepEqual([m.file, m.line, m.severity], ['styled.docx', undefined, 'warning']);
    assert.match(m.text, /BoxTitle/);
  }
  assert.equal(list.indexOf(docx[0]), 0, 'a message without a line comes first');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSource } from '../../src/read/index.js';
import { htmlToLines, decodeEntities } from '../../src/read/html-lines.js';
import { makeDocx } from '../helpers/make-docs.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-read-docx-'));

test('readSource: DOCX paragraphs, heading, bold run and a 3×3 table', async () => {
  const p = path.join(tmp, 'plan.docx');
  await makeDocx(
    [
      { heading: '格尔木市国民经济和社会发展第十四个五年规划纲要' },
      '第一章 发展基础',
      { runs: [{ bold: '加强生态保护修复。' }, '实施三江源生态保护工程，森林覆盖率达到5%。'] },
      { table: [['序号', '指标', '2025年目标'], ['1', '地区生产总值增长（%）', '6'], ['2', '粮食产量（万吨）', '稳定']] },
      '附件：重点项目表',
    ],
    p,
  );
  const s = await readSource(p);
  assert.equal(s.format, 'docx');
  assert.equal(s.file, p);
  assert.equal(s.encoding, undefined);
  assert.deepEqual(s.text.split('\n'), [
    '格尔木市国民经济和社会发展第十四个五年规划纲要',
    '第一章 发展基础',
    '**加强生态保护修复。**实施三江源生态保护工程，森林覆盖率达到5%。',
    '序号\t指标\t2025年目标',
    '1\t地区生产总值增长（%）\t6',
    '2\t粮食产量（万吨）\t稳定',
    '附件：重点项目表',
  ]);
});

test('readSource: DOCX sniffed by content, not extension', async () => {
  const p = path.join(tmp, 'misnamed.txt');
  await makeDocx(['一、总体要求'], p);
  const s = await readSource(p);
  assert.equal(s.format, 'docx');
  assert.equal(s.text, '一、总体要求');
});

test('readSource: DOCX without text is an empty file', async () => {
  const p = path.join(tmp, 'blank.docx');
  await makeDocx([], p);
  await assert.rejects(readSource(p), { name: 'ReadError', message: new RegExp(`^${escape(p)}: empty file`) });
});

test('htmlToLines: lists, line breaks, entities, empty cells, nested lists', () => {
  const html =
    '<h2>标题 &amp; 副题</h2><p>甲<br />乙</p><ul><li>一<ul><li>二</li></ul></li></ul>' +
    '<table><tr><th><p>A</p></th><th></th><th><p>C1</p><p>C2</p></th></tr><tr><td></td><td></td><td></td></tr></table>' +
    '<p><strong> </strong>无粗体 <strong>粗</strong><strong>体</strong></p>';
  assert.deepEqual(htmlToLines(html), ['标题 & 副题', '甲', '乙', '一', '二', 'A\t\tC1 C2', '无粗体 **粗体**']);
});

test('decodeEntities', () => {
  assert.equal(decodeEntities('&lt;a&gt; &#20013;&#x56FD; &quot;&unknown;'), '<a> 中国 "&unknown;');
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

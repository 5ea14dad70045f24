import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSource } from '../../src/read/index.js';
import { buildLines, type PlacedItem } from '../../src/read/pdf-lines.js';
import { joinPages } from '../../src/read/pdf.js';
import { makePdf, makeScannedPdf, cjkFontAvailable, CJK_FONT_MISSING, PAGE_BREAK } from '../helpers/make-docs.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-read-pdf-'));

test('readSource: a 2-page Chinese PDF with a table row and page numbers', async (t) => {
  if (!cjkFontAvailable()) {
    t.skip(CJK_FONT_MISSING);
    return;
  }
  const p = path.join(tmp, 'report.pdf');
  const page1 = ['政府工作报告', '一、2024年工作回顾', '地区生产总值增长5.2%，城镇新增就业3200人。', '指标\t2024年\t2025年目标', '— 1 —'];
  const page2 = ['二、2025年工作安排', '粮食产量稳定在10万吨以上。', '— 2 —'];
  await makePdf([...page1, PAGE_BREAK, ...page2], p);
  const s = await readSource(p);
  assert.equal(s.format, 'pdf');
  assert.equal(s.file, p);
  assert.deepEqual(s.text.split('\n'), [...page1, '', ...page2]);
  assert.deepEqual(s.pageStarts, [1, page1.length + 2]);
  const lines = s.text.split('\n');
  assert.equal(lines[s.pageStarts![1] - 1], '二、2025年工作安排');
  assert.equal(lines[3].split('\t').length, 3);
});

test('readSource: a PDF sniffed by content, not extension', async (t) => {
  if (!cjkFontAvailable()) {
    t.skip(CJK_FONT_MISSING);
    return;
  }
  const p = path.join(tmp, 'report.txt');
  await makePdf(['附件1'], p);
  const s = await readSource(p);
  assert.equal(s.format, 'pdf');
  assert.equal(s.text, '附件1');
  assert.deepEqual(s.pageStarts, [1]);
});

test('readSource: a scanned PDF (no text layer) is refused', async () => {
  const p = path.join(tmp, 'scan.pdf');
  await makeScannedPdf(p, 2);
  await assert.rejects(readSource(p), (e: Error & { file?: string; reason?: string }) => {
    assert.equal(e.name, 'ReadError');
    assert.equal(e.file, p);
    assert.match(e.reason!, /PDF has no text layer \(scanned\?\); OCR is not supported/);
    assert.ok(e.message.startsWith(`${p}: `));
    return true;
  });
});

test('readSource: a corrupt PDF gives pdfjs\'s reason', async () => {
  const p = path.join(tmp, 'corrupt.pdf');
  fs.writeFileSync(p, '%PDF-1.7\n1 0 obj garbage garbage\n%%EOF\n');
  await assert.rejects(readSource(p), { name: 'ReadError', message: /corrupt PDF: .+/ });
});

const item = (str: string, x: number, y: number, width = str.length * 10, size = 10): PlacedItem => ({ str, x, y, width, size });

test('buildLines: groups by baseline, orders by x, inserts tab / space / nothing by gap', () => {
  const items = [
    item('第二行', 0, 40),
    item('B', 200, 20.5, 10), // same line as 'A' (within half the font height), far right: a table gap
    item('A', 0, 20, 10),
    item('C', 220.5, 20, 10), // 10.5 after B ends; char width 10: between 0.25× and 2× → space
    item('D', 230.5, 20, 10), // touching C: nothing
    item('  ', 300, 20, 20), // blank item: skipped
    item('标题', 0, 5),
  ];
  assert.deepEqual(buildLines(items), ['标题', 'A\tB CD', '第二行']);
});

test('buildLines: zero-width items fall back to the font size', () => {
  assert.deepEqual(buildLines([item('甲', 0, 0, 0), item('乙', 50, 0, 0)]), ['甲\t乙']);
});

test('joinPages: empty line between pages, 1-based page starts', () => {
  assert.deepEqual(joinPages([['a', 'b'], [], ['c']]), { text: 'a\nb\n\n\n\nc', pageStarts: [1, 4, 6] });
});

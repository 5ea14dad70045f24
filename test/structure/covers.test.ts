// Covers of official documents in their common layouts: issuer above the title, the 发文字号 above the
// title under a masthead, the issuer's name before 关于 on the title line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { structure } from '../../src/structure/index.js';

const docs = (text: string) => structure({ file: 'covers.txt', format: 'txt', text }).documents.map((d) => d.record);

test('发文字号 above a title that carries the issuer: title, number, issuer, addressees, date', () => {
  const [d] = docs(
    ['蓝湖市人民政府文件', '蓝政〔2025〕8 号', '蓝湖市人民政府关于调整市级领导分工的通知', '各乡镇人民政府，市政府各部门：', '经研究，决定调整分工。', '蓝湖市人民政府', '2025 年 3 月 2 日'].join('\n\n'),
  );
  assert.deepEqual(
    { title: d.title, docNumber: d.docNumber, issuer: d.issuer, addressees: d.addressees, date: d.date, type: d.type },
    { title: '关于调整市级领导分工的通知', docNumber: '蓝政〔2025〕8号', issuer: '蓝湖市人民政府', addressees: ['各乡镇人民政府', '市政府各部门'], date: '2025-03-02', type: '通知' },
  );
});

test('covers of two layouts in one bundle split into two documents', () => {
  const text = [
    '蓝政〔2025〕8号',
    '蓝湖市人民政府关于调整市级领导分工的通知',
    '各乡镇人民政府：',
    '经研究，决定调整分工。',
    '蓝湖市人民政府',
    '2025年3月2日',
    ' 蓝湖市人民政府办公室',
    '关于做好春季森林防火工作的',
    '通知',
    '蓝政办〔2025〕11号',
    '各乡镇人民政府：',
    '为做好春季森林防火工作，现通知如下。',
    '蓝湖市人民政府办公室',
    '2025年3月5日',
  ].join('\n');
  const d = docs(text);
  assert.deepEqual(
    d.map((x) => [x.lines[0], x.title, x.docNumber, x.issuer]),
    [
      [1, '关于调整市级领导分工的通知', '蓝政〔2025〕8号', '蓝湖市人民政府'],
      [7, '关于做好春季森林防火工作的通知', '蓝政办〔2025〕11号', '蓝湖市人民政府办公室'],
    ],
  );
});

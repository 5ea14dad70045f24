import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blocks, paras } from './helpers.js';

test('running headers are removed and mark a page break', () => {
  const text = '推进产业发展，加快建设\n\n市政府办公室文件蓝湖市人民政府政务公开信息\n\n现代化产业体系。\n\n 市 政 府 文 件蓝湖市人民政府政务公开信息';
  const b = blocks(text);
  assert.deepEqual(b.map((x) => x.text), ['推进产业发展，加快建设现代化产业体系。']);
});

test('page numbers are removed', () => {
  assert.deepEqual(paras('第一段结束。\n—— 11 ——\n第二段开始。\n-- 48\n- 3 -'), ['第一段结束。', '第二段开始。']);
});

test('a bare number line is kept (it may be a table cell)', () => {
  assert.deepEqual(paras('序号\n1\n2'), ['序号', '1', '2']);
});

test('newspaper column markers are removed', () => {
  assert.deepEqual(paras('(上接一版)均超额完成省定目标任 务。'), ['均超额完成省定目标任务。']);
  assert.deepEqual(paras('全面提高对外开放水平。(下转四版)'), ['全面提高对外开放水平。']);
});

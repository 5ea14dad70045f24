import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blocks, origin } from './helpers.js';
import { LineIndex } from '../../src/repair/index.js';

const text = '\uFEFF政 府 工 作 报 告\n\n——经济运行稳中有进。完成地区生产总值 128.6 亿\n\n元，（责任单位：（责任单位：市财政局）市财政局）';

test('every repaired character maps back to its original line and column', () => {
  const index = new LineIndex(text);
  for (const b of blocks(text)) {
    for (let i = 0; i < b.text.length; i++) {
      const ch = b.text[i];
      const { line, column } = origin(text, b, i);
      const original = index.line(line)[column - 1];
      assert.equal(original, ch, `char ${i} "${ch}" of "${b.text}" maps to ${line}:${column} "${original}"`);
    }
  }
});

test('a number wrapped over two lines keeps the line of its first character', () => {
  const b = blocks(text)[1];
  const i = b.text.indexOf('128.6');
  assert.deepEqual(origin(text, b, i), { line: 3, column: text.split('\n')[2].indexOf('128.6') + 1 });
  const j = b.text.indexOf('元');
  assert.equal(origin(text, b, j).line, 5);
});

// Table column widths from content: figures and verdicts fit on one line, a figure's year goes to a
// line of its own, and the columns that may wrap share the rest (no negative or zero width).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellLines, columnWidths, textEm } from '../../src/report/widths.js';

test('widths: cells that must not wrap fit their longest line; the rest share what is left', () => {
  const head = ['序号', '指标', '单位', '属性', '基期', '目标', '实际', '评价', '说明'];
  const rows = [['1', '清洁能源装机总量', '万千瓦', '预期性', '—', '1100', '3000/0（2025）', '暂无数据', '2025年实际 1129.7 万千瓦 ≥ 目标 1100 万千瓦，已完成'.repeat(3)]];
  const w = columnWidths({ head, rows, nowrap: [0, 2, 3, 4, 5, 6, 7], total: 8845, padding: 120, fontPt: 9 });
  assert.equal(w.reduce((a, b) => a + b, 0), 8845);
  assert.ok(w.every((x) => x > 0));
  assert.deepEqual(cellLines('3000/0（2025）'), ['3000/0', '（2025）']);
  for (const [i, text] of [[6, '3000/0'], [6, '（2025）'], [7, '暂无数据']] as const) assert.ok(w[i] >= textEm(text) * 9 * 20 + 120, `${text} fits in ${w[i]}`);
  assert.ok(w[8] > w[1], 'the explanation gets the most room');
  // far too much for one line: a long target may wrap, the figures still fit
  const long = columnWidths({ head, rows: [[...rows[0].slice(0, 5), '完成经省州级层面审核衔接后确定的目标'.repeat(2), ...rows[0].slice(6)]], nowrap: [0, 2, 3, 4, 5, 6, 7], total: 8845, padding: 120, fontPt: 9 });
  assert.ok(long.every((x) => x > 0) && long[7] >= textEm('暂无数据') * 180 + 120);
});

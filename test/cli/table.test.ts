// The tables of the lantu command fit the terminal: every line within the columns (a CJK character
// counted as two), long cells wrapped and never cut, short columns kept whole, drawn in time linear in
// the rows; `lantu status` and `warnings` on the sample documents at 80 and 120 columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { columnWidths, renderTable } from '../../src/cli/table.js';
import { displayWidth, wrap } from '../../src/cli/width.js';
import { cli, root } from './run.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The cells of a drawn table, each joined across its wrapped lines: [head, ...rows]. */
function cellsOf(drawn: string): string[][] {
  const out: string[][] = [];
  let current: string[] | undefined;
  for (const line of drawn.split('\n')) {
    if (/^[┌├└]/.test(line)) {
      if (current) out.push(current);
      current = undefined;
    } else if (line.startsWith('│')) {
      const parts = line.slice(1, -1).split('│').map((p) => p.trim());
      current = current ? current.map((c, i) => c + parts[i]) : parts;
    }
  }
  return out;
}

test('display width counts CJK and full-width characters as two columns', () => {
  assert.equal(displayWidth('格尔木市（县级）'), 16);
  assert.equal(displayWidth('GDP 5.5%'), 8);
  assert.equal(displayWidth('e\u0301'), 1);
});

test('wrap keeps every character and breaks CJK anywhere, a number only at a space', () => {
  const text = '2025年实际 1129.7 万千瓦 ≥ 目标 1100 万千瓦，已完成';
  for (const width of [4, 7, 10, 13]) {
    const lines = wrap(text, width);
    assert.ok(lines.every((l) => displayWidth(l) <= width), `${width}: ${JSON.stringify(lines)}`);
    assert.equal(squeeze(lines.join('')), squeeze(text));
    if (width >= 7) assert.ok(lines.some((l) => l.includes('1129.7')), `${width}: ${JSON.stringify(lines)}`);
  }
});

test('short columns keep their width, long ones share the rest, the longest most', () => {
  const w = columnWidths([4, 8, 80, 28], 60);
  assert.equal(w.reduce((a, b) => a + b, 0), 60);
  assert.deepEqual(w.slice(0, 2), [4, 8]);
  assert.ok(w[2] > w[3], JSON.stringify(w));
  assert.deepEqual(columnWidths([4, 8, 10], 60), [4, 8, 10]);
});

test('a table fits the columns, and --wide (wide) leaves every cell on one line', () => {
  const reason = '「完成经省州级层面审核衔接后确定的目标」：目标以上级下达为准，尚未取得上级目标';
  const rows = [['格尔木市（县级）', 2025, reason, '001_b002e0f30dd853f2.txt:155'], ['蓝湖市', 2030, null, 'x.txt:1']];
  for (const columns of [40, 80]) {
    const drawn = renderTable(['地区', '年份', '理由', '来源'], rows, { columns, color: false });
    for (const line of drawn.trimEnd().split('\n')) assert.ok(displayWidth(line) <= columns, `${columns}: ${line}`);
    const cells = cellsOf(drawn);
    assert.deepEqual(cells[1].map(squeeze), ['格尔木市（县级）', '2025', reason, '001_b002e0f30dd853f2.txt:155'].map(squeeze));
    assert.equal(cells[2][1], '2030', 'a short column keeps its width');
  }
  const wide = renderTable(['地区', '年份', '理由', '来源'], rows, { columns: 40, wide: true, color: false });
  assert.ok(wide.split('\n').some((l) => l.includes(reason)));
});

test('a column of ids is kept whole while the width allows, and heads are not broken', () => {
  const rows = [['67097b960dda71be790d', '统计口径变化，序列中断：“森林覆盖率”“耕地保有量”2020年基期值为国土“二调”数据', '待核定']];
  const drawn = renderTable(['编号', '说明', '状态'], rows, { columns: 50, color: false, whole: ['编号'] });
  assert.ok(drawn.split('\n').some((l) => l.includes('67097b960dda71be790d')), drawn);
  assert.ok(drawn.split('\n').some((l) => l.includes('说明') && l.includes('状态')), drawn);
  const narrow = renderTable(['编号', '说明', '状态'], rows, { columns: 30, color: false, whole: ['编号'] });
  assert.ok(narrow.trimEnd().split('\n').every((l) => displayWidth(l) <= 30), narrow);
});

test('drawing is linear in the rows: 9,000 status rows in well under three seconds', () => {
  const row = (i: number) => [`县${i}（县级）`, '地区生产总值增长率（%）', 2021 + (i % 5), '6 左右', '', '4.537（2021）', '未完成', `2021年实际 4.537% 低于目标 6%左右（±0.5 个百分点）下限 5.5%，差 0.963 个百分点，未完成 ${i}`, `${i}-县-2021.txt:13`];
  const rows = Array.from({ length: 9000 }, (_, i) => row(i));
  const t0 = performance.now();
  const drawn = renderTable(['地区', '指标', '年份', '目标', '基期', '最新实际', '状态', '理由', '来源'], rows, { columns: 120, color: false });
  const ms = performance.now() - t0;
  assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
  const cells = cellsOf(drawn);
  assert.equal(cells.length, 9001);
  assert.equal(cells[9000][8], '8999-县-2021.txt:13');
});

test('lantu status and warnings on the samples fit 80 and 120 columns, every reason kept', () => {
  const lantu = cli('lantu-table-');
  assert.equal(lantu('ingest', join(root, 'samples')).code, 0);
  const asOf = '2026-06-30';
  const statuses = (JSON.parse(lantu('status', '--json', '--as-of', asOf).stdout) as { statuses: Array<{ reason: string }> }).statuses;
  const warned = JSON.parse(lantu('warnings', '--json', '--as-of', asOf).stdout) as Array<{ reason: string }>;
  assert.ok(statuses.length > 10 && warned.length > 0);
  for (const [command, reasons, column] of [['status', statuses.map((s) => s.reason), 7], ['warnings', warned.map((w) => w.reason), 4]] as const)
    for (const columns of [80, 120]) {
      const r = lantu(command, '--as-of', asOf, { COLUMNS: String(columns) });
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      const over = lines.filter((l) => displayWidth(l) > columns);
      assert.deepEqual(over, [], `${command} at ${columns}`);
      const shown = cellsOf(r.stdout).slice(1).map((c) => squeeze(c[column]));
      assert.deepEqual(shown, reasons.map(squeeze), `${command} at ${columns}: every reason, whole`);
    }
});

// The pure check of a filled-in workbook: one message per bad cell, rows without input ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TARGET_COLUMNS, TASK_COLUMNS, toNumber, validateWorkbook, type Known, type Plain, type WorkbookInput } from '../../src/report/excel-validate.js';

const known: Known = {
  units: new Set(['市财政局', '市统计局']),
  tasks: new Map([['t1', { units: ['市财政局'] }], ['t2', { units: ['市统计局'] }]]),
  targets: new Map([['g1', { indicatorId: 'gdp-growth', region: '蓝湖市', year: 2025, unit: '%', units: ['市财政局'] }], ['g30', { indicatorId: 'forest', region: '蓝湖市', year: 2030, unit: '%', units: ['市财政局'] }]]),
  indicators: new Set(['gdp-growth', 'forest']),
};

const taskRow = (v: Partial<Record<(typeof TASK_COLUMNS)[number], Plain>>): Plain[] => TASK_COLUMNS.map((c) => v[c] ?? null);
const targetRow = (v: Partial<Record<(typeof TARGET_COLUMNS)[number], Plain>>): Plain[] => TARGET_COLUMNS.map((c) => v[c] ?? null);
const book = (tasks: Plain[][], targets: Plain[][], unit: Plain = '市财政局', period: Plain = '2025-Q2'): WorkbookInput => ({
  unit,
  period,
  sheets: [
    { name: '任务', header: [...TASK_COLUMNS], rows: tasks.map((values, i) => ({ row: i + 2, values })) },
    { name: '指标', header: [...TARGET_COLUMNS], rows: targets.map((values, i) => ({ row: i + 2, values })) },
  ],
});

test('numbers: numbers, and text that is one', () => {
  assert.deepEqual(['12.5', ' 7 ', '1,234.5', '85%', 3, '-0.4'].map((v) => toNumber(v)), [12.5, 7, 1234.5, 85, 3, -0.4]);
  assert.deepEqual(['abc', '1.2.3', '', '12 万', null].map((v) => toNumber(v)), [undefined, undefined, undefined, undefined, undefined]);
});

test('valid rows become drafts; rows without input are ignored', () => {
  const v = validateWorkbook(
    book(
      [taskRow({ 任务编号: 't1', 报告期: '2025-Q2', '进展(%)': '40', 情况说明: '已完成招标' }), taskRow({ 任务编号: 'nope', 报告期: '2025' })],
      [targetRow({ 目标编号: 'g1', 指标编号: 'gdp-growth', 报告期: '2025', 实际值: 5.1 })],
    ),
    known,
  );
  assert.deepEqual(v.errors, []);
  assert.deepEqual(
    v.drafts.map((d) => [d.sheet, d.row, d.subjectKind, d.subjectId, d.period, d.progress, d.value, d.text]),
    [
      ['任务', 2, 'task', 't1', '2025-Q2', 40, null, '已完成招标'],
      ['指标', 2, 'target', 'g1', '2025', null, 5.1, '报送实际值 5.1 %（Excel）'],
    ],
  );
});

test('every bad cell is named in Chinese with sheet, row and column: range, ids, units, text, duplicates, the period', () => {
  const v = validateWorkbook(
    book(
      [
        taskRow({ 任务编号: 't1', 报告期: '2025', '进展(%)': 120, 情况说明: '超额' }),
        taskRow({ 任务编号: 't2', 报告期: '2025', 情况说明: '不是本单位的任务' }),
        taskRow({ 任务编号: 'zz', 报告期: '2025-13', '进展(%)': 10 }),
        taskRow({ 任务编号: 't1', 报告期: '2025', 情况说明: '第一次' }),
        taskRow({ 任务编号: 't1', 报告期: '2025', 情况说明: '第二次' }),
      ],
      [targetRow({ 目标编号: 'nope', 实际值: 1, 报告期: '2025' }), targetRow({ 目标编号: 'g1', 指标编号: 'forest', 实际值: 1, 报告期: '2025' }), targetRow({ 目标编号: 'g30', 实际值: 40, 报告期: '2025' }), targetRow({ 目标编号: 'g30', 实际值: 39, 报告期: '2024' })],
    ),
    known,
  );
  assert.deepEqual(v.errors, [
    '工作表“任务”第 2 行“进展(%)”列：120 超出 0–100 的范围',
    '工作表“任务”第 3 行“任务编号”列：任务“t2”不是市财政局承担的任务',
    '工作表“任务”第 4 行“报告期”列：“2025-13”不在本表的报告期内（应为 2025 年的报告期：2025、2025-H1、2025-Q2 或 2025-06）',
    '工作表“任务”第 4 行“任务编号”列：没有编号为“zz”的任务',
    '工作表“任务”第 4 行“情况说明”列：为空（请说明做了哪些工作）',
    '工作表“任务”第 6 行：任务“t1”2025 的进展已在第 5 行填写',
    '工作表“指标”第 2 行“目标编号”列：没有编号为“nope”的指标目标',
    '工作表“指标”第 3 行“指标编号”列：指标目标“g1”对应指标“gdp-growth”，不是“forest”',
    '工作表“指标”第 5 行“报告期”列：“2024”不在本表的报告期内（应为 2025 年的报告期：2025、2025-H1、2025-Q2 或 2025-06）',
  ]);
  // a 2030 target takes a value for 2025 (progress towards it), and is stored for the period's year
  assert.deepEqual(v.drafts.map((d) => [d.row, d.subjectId, d.period]), [[5, 't1', '2025'], [4, 'g30', '2025']]);
});

test('the workbook itself: unit and period of 说明, the sheets and their columns', () => {
  assert.deepEqual(validateWorkbook(book([], [], '市不存在局', '2025'), known).errors, ['工作表“说明”：未知的责任单位“市不存在局”']);
  assert.deepEqual(validateWorkbook(book([], [], '市财政局', '明年'), known).errors, ['工作表“说明”：报告期“明年”无效（应写作 2025、2025-H1、2025-Q2 或 2025-06）']);
  const noFill = book([], []);
  noFill.sheets[0].header = TASK_COLUMNS.filter((c) => c !== '情况说明');
  noFill.sheets.pop();
  assert.deepEqual(validateWorkbook(noFill, known).errors, ['工作表“任务”：缺少列“情况说明”', '缺少工作表“指标”']);
});

test('a target of the year before is reported for its own year only; a later year is refused', () => {
  const v = validateWorkbook(
    book([], [targetRow({ 目标编号: 'g1', 报告期: '2025', 实际值: 5.0 }), targetRow({ 目标编号: 'g1', 报告期: '2026', 实际值: 5.1 }), targetRow({ 目标编号: 'g1', 报告期: '2024', 实际值: 5.2 })], '市财政局', '2026'),
    known,
  );
  assert.deepEqual(v.errors, ['工作表“指标”第 3 行“报告期”列：“2026”晚于目标年份（指标目标“g1”的目标年份为 2025 年）', '工作表“指标”第 4 行“报告期”列：“2024”不在本表的报告期内（应为 2026 年的报告期：2026、2026-H1、2026-Q2 或 2026-06）']);
  assert.deepEqual(v.drafts.map((d) => [d.row, d.period, d.value]), [[2, '2025', 5]]);
});

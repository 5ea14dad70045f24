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

test('every bad cell is named: range, ids, units, text, duplicates, the target year', () => {
  const v = validateWorkbook(
    book(
      [
        taskRow({ 任务编号: 't1', 报告期: '2025', '进展(%)': 120, 情况说明: '超额' }),
        taskRow({ 任务编号: 't2', 报告期: '2025', 情况说明: '不是本单位的任务' }),
        taskRow({ 任务编号: 'zz', 报告期: '2025-13', '进展(%)': 10 }),
        taskRow({ 任务编号: 't1', 报告期: '2025', 情况说明: '第一次' }),
        taskRow({ 任务编号: 't1', 报告期: '2025', 情况说明: '第二次' }),
      ],
      [targetRow({ 目标编号: 'nope', 实际值: 1, 报告期: '2025' }), targetRow({ 目标编号: 'g1', 指标编号: 'forest', 实际值: 1, 报告期: '2025' }), targetRow({ 目标编号: 'g30', 实际值: 40, 报告期: '2025' })],
    ),
    known,
  );
  assert.deepEqual(v.errors, [
    'sheet 任务, row 2, column 进展(%): 120 is outside 0–100',
    "sheet 任务, row 3, column 任务编号: task 't2' is not a task of 市财政局",
    "sheet 任务, row 4, column 报告期: '2025-13' is out of range (a period of 2025: 2025, 2025-H1, 2025-Q2 or 2025-06)",
    "sheet 任务, row 4, column 任务编号: unknown task 'zz'",
    'sheet 任务, row 4, column 情况说明: is empty (say what was done)',
    "sheet 任务, row 6: task 't1' for 2025 is already in row 5",
    "sheet 指标, row 2, column 目标编号: unknown target 'nope'",
    "sheet 指标, row 3, column 指标编号: target 'g1' is for indicator 'gdp-growth', not 'forest'",
    "sheet 指标, row 4, column 报告期: '2025' is out of range (target 'g30' is for 2030)",
  ]);
  assert.deepEqual(v.drafts.map((d) => d.row), [5]);
});

test('the workbook itself: unit and period of 说明, the sheets and their columns', () => {
  assert.deepEqual(validateWorkbook(book([], [], '市不存在局', '2025'), known).errors, ["sheet 说明: unknown unit '市不存在局'"]);
  assert.deepEqual(validateWorkbook(book([], [], '市财政局', '明年'), known).errors, ["sheet 说明: 报告期 '明年' is not a period (2025, 2025-Q2, 2025-H1 or 2025-06)"]);
  const noFill = book([], []);
  noFill.sheets[0].header = TASK_COLUMNS.filter((c) => c !== '情况说明');
  noFill.sheets.pop();
  assert.deepEqual(validateWorkbook(noFill, known).errors, ['sheet 任务: missing column 情况说明', 'sheet 指标 is missing']);
});

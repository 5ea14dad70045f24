// The look of a template sheet: a styled, frozen header row with a filter, the columns to fill in
// yellow, data validation on their number cells (进展(%) 0–100, 实际值 any number), 报告期 as a
// drop-down list, and the sheet protected except the cells to fill (no password: it prevents slips, not people).
import type ExcelJS from 'exceljs';
import { TARGET_FILL, TASK_FILL, type Plain } from './excel-validate.js';

export const INFO_SHEET = '说明';

const FILL_HEAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFD966' } };
const HEAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const FILL_CELL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };

const WIDTH: Record<string, number> = { 任务编号: 26, 目标编号: 34, 任务: 40, 来源文件: 28, 上期情况: 36, 情况说明: 48, 说明: 40, 指标: 24, 指标编号: 20, 目标: 14, 上期值: 24 };

export function fillSheet(ws: ExcelJS.Worksheet, columns: string[], rows: Plain[][], numbers: { progress?: string; number: string[]; periods?: string[][] }): void {
  const toFill = new Set([...TASK_FILL, ...TARGET_FILL]);
  ws.columns = columns.map((h) => ({ header: h, key: h, width: WIDTH[h] ?? 12 }));
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  const head = ws.getRow(1);
  head.height = 22;
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = toFill.has(String(c.value)) ? FILL_HEAD : HEAD;
    c.border = THIN;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const r of rows) ws.addRow(r);
  const last = rows.length + 1;
  columns.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    for (let r = 2; r <= last; r++) {
      const cell = ws.getCell(r, i + 1);
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (toFill.has(h) || h === '报告期') cell.protection = { locked: false };
      if (toFill.has(h)) cell.fill = FILL_CELL;
      const periods = numbers.periods?.[r - 2];
      if (h === '报告期' && periods)
        cell.dataValidation = { type: 'list', allowBlank: false, formulae: [`"${periods.join(',')}"`], showErrorMessage: true, errorTitle: '报告期', error: `请从列表中选择：${periods.slice(0, 3).join('、')}…` };
      if (h === numbers.progress)
        cell.dataValidation = { type: 'decimal', operator: 'between', formulae: [0, 100], allowBlank: true, showErrorMessage: true, errorTitle: '进展(%)', error: '请填写 0 到 100 之间的数字', showInputMessage: true, promptTitle: '进展(%)', prompt: '0–100 的数字' };
      else if (numbers.number.includes(h))
        cell.dataValidation = { type: 'decimal', operator: 'between', formulae: [-1e15, 1e15], allowBlank: true, showErrorMessage: true, errorTitle: h, error: '请填写数字（不带单位）', showInputMessage: true, promptTitle: h, prompt: '数字，单位见“单位”列' };
    }
    if (numbers.number.includes(h) || h === numbers.progress) col.numFmt = 'General';
  });
}

/** Locks every cell but those marked unlocked; filtering, sorting and column widths stay allowed. */
export async function protectSheet(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true });
}

// Reading a filled-in workbook into plain cells, the input of `validateWorkbook`. What cannot be read
// as the department meant it is refused with its place rather than guessed: a formula Excel never
// computed (no cached value: exceljs would give nothing), a date typed into a number column (Excel keeps
// 2025-07-01 as 45839), and a merge over a column to fill (its rows would share one value).
import type ExcelJS from 'exceljs';
import { TARGET_FILL, TASK_FILL, type Plain, type Refused, type WorkbookInput } from './excel-validate.js';
import { INFO_SHEET } from './excel-sheet.js';

const NUMBER_COLUMNS = new Set(['进展(%)', '实际值']);
const FILL = new Set([...TASK_FILL, ...TARGET_FILL, '报告期']);

/** A cell's value as plain text or number (formulas by their result, rich text joined, dates as ISO days). */
export function plain(v: ExcelJS.CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('result' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('richText' in v) return v.richText.map((r) => r.text).join('') || null;
  if ('text' in v) return String((v as { text: unknown }).text);
  if ('error' in v) return String(v.error);
  return null;
}

/** A number format that shows a date or a time (yyyy/m/d, m月d日, hh:mm), quoted text and colours aside. */
export const dateFormat = (fmt: string | undefined): boolean => !!fmt && /[ymdhs]|年|月|日/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** Why a cell cannot be taken as it reads, or undefined. */
function refusal(cell: ExcelJS.Cell, column: string): string | undefined {
  const v = cell.value;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    if (f.result === undefined || f.result === null) return `公式“=${f.formula ?? f.sharedFormula ?? ''}”没有计算结果（文件保存时未经计算）；请在 Excel 中打开、保存后再上传，或直接填写数值`;
  }
  if (!NUMBER_COLUMNS.has(column)) return undefined;
  const value = v && typeof v === 'object' && 'result' in v ? (v as ExcelJS.CellFormulaValue).result : v;
  if (value instanceof Date) return `填写的是日期（${value.toISOString().slice(0, 10)}），不是数字；请填写数字`;
  if (typeof value === 'number' && dateFormat(cell.numFmt)) return `单元格是日期格式（${cell.numFmt}），${value} 会被当作日期；请把格式改为“常规”并填写数字`;
  return undefined;
}

const letters = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Merged ranges of a sheet as row and column bounds. */
function merges(ws: ExcelJS.Worksheet): Array<{ ref: string; top: number; bottom: number; left: number; right: number }> {
  return (ws.model.merges ?? []).flatMap((ref) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    return m ? [{ ref, top: Number(m[2]), bottom: Number(m[4]), left: letters(m[1]), right: letters(m[3]) }] : [];
  });
}

export function readCells(wb: ExcelJS.Workbook): WorkbookInput {
  const info = wb.getWorksheet(INFO_SHEET);
  const field = (label: string): Plain => {
    let out: Plain = null;
    info?.eachRow((row) => {
      if (plain(row.getCell(1).value) === label) out = plain(row.getCell(2).value);
    });
    return out;
  };
  const refused: Refused[] = [];
  const sheets = wb.worksheets
    .filter((ws) => ws.name !== INFO_SHEET)
    .map((ws) => {
      const header = Array.from({ length: ws.columnCount }, (_, i) => plain(ws.getRow(1).getCell(i + 1).value));
      const rows: Array<{ row: number; values: Plain[] }> = [];
      for (let r = 2; r <= ws.rowCount; r++)
        rows.push({
          row: r,
          values: header.map((h, i) => {
            const cell = ws.getRow(r).getCell(i + 1);
            const why = refusal(cell, String(h ?? ''));
            if (why) refused.push({ sheet: ws.name, row: r, column: String(h ?? ''), reason: why });
            return why ? null : plain(cell.value);
          }),
        });
      for (const m of merges(ws))
        for (let c = m.left; c <= m.right; c++) {
          const h = String(header[c - 1] ?? '');
          if (!FILL.has(h)) continue;
          for (let r = Math.max(2, m.top); r <= m.bottom; r++) refused.push({ sheet: ws.name, row: r, column: h, reason: `属于合并单元格 ${m.ref}；请取消合并，逐行填写` });
        }
      return { name: ws.name, header, rows };
    });
  return { unit: field('责任单位'), period: field('报告期'), sheets, refused };
}

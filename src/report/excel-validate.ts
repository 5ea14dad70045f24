// Checking a filled-in progress workbook, pure: the cells as plain values in, the updates to store and
// the errors out, one error per bad cell, in Chinese with its place: 工作表“指标”第 5 行“实际值”列：“abc”不是数字.
// A row counts when one of its columns to fill (进展(%), 情况说明; 实际值, 说明) has something in it.
// Cells the reader refused (a formula without a computed value, a date in a number column, a merge over
// a column to fill) come in as `refused` and make their row an error.
import { validPeriod } from '../monitor/workflow.js';

export type Plain = string | number | null;

export const TASK_SHEET = '任务';
export const TARGET_SHEET = '指标';
export const TASK_COLUMNS = ['任务编号', '任务', '来源文件', '完成时限', '上期报告期', '上期进展(%)', '上期情况', '报告期', '进展(%)', '情况说明'] as const;
export const TARGET_COLUMNS = ['目标编号', '指标编号', '指标', '单位', '地区', '年份', '目标', '上期值', '报告期', '实际值', '说明'] as const;
export const TASK_FILL = ['进展(%)', '情况说明'];
export const TARGET_FILL = ['实际值', '说明'];

export interface SheetInput {
  name: string;
  header: Plain[];
  rows: Array<{ row: number; values: Plain[] }>;
}

/** A cell the reader would not turn into a value, with why (in Chinese, without the place). */
export interface Refused {
  sheet: string;
  row: number;
  column: string;
  reason: string;
}

export interface WorkbookInput {
  unit: Plain;
  period: Plain;
  sheets: SheetInput[];
  refused?: Refused[];
}

export interface Known {
  /** Units that have tasks or targets. */
  units: Set<string>;
  tasks: Map<string, { units: string[] }>;
  targets: Map<string, { indicatorId: string; region: string; year: number; unit: string; units: string[] }>;
  indicators: Set<string>;
}

export interface Draft {
  sheet: string;
  row: number;
  subjectKind: 'task' | 'target';
  subjectId: string;
  period: string;
  value: number | null;
  progress: number | null;
  text: string;
}

export interface Validation {
  unit: string;
  period: string;
  drafts: Draft[];
  errors: string[];
}

const text = (v: Plain): string => (v === null ? '' : String(v).trim());

/** A number from a cell: a number, or text that is one (12.5, 1,234.5, 85%); else undefined. */
export function toNumber(v: Plain): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = text(v).replace(/[％%]$/, '').trim();
  if (!/^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(s)) return undefined;
  return Number(s.replace(/,/g, ''));
}

/** The period of a row: valid (2025, 2025-H1, 2025-Q2, 2025-06) and of the workbook's year. */
export function periodInRange(p: string, period: string): boolean {
  return validPeriod(p) && p.slice(0, 4) === period.slice(0, 4);
}

/** The periods of a year, as the 报告期 drop-down offers them. */
export const periodsOf = (year: number | string): string[] => [String(year), ...['H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'].map((p) => `${year}-${p}`), ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)];

/** The place of a cell in a message: 工作表“指标”第 5 行“实际值”列. */
export const place = (sheet: string, row: number, column?: string): string => `工作表“${sheet}”第 ${row} 行${column ? `“${column}”列` : ''}`;

const PERIOD_FORMS = (y: string) => `${y}、${y}-H1、${y}-Q2 或 ${y}-06`;

export function validateWorkbook(input: WorkbookInput, known: Known): Validation {
  const errors: string[] = [];
  const drafts: Draft[] = [];
  const unit = text(input.unit);
  const period = text(input.period);
  if (!unit) errors.push('工作表“说明”：缺少“责任单位”');
  else if (!known.units.has(unit)) errors.push(`工作表“说明”：未知的责任单位“${unit}”`);
  if (!validPeriod(period)) errors.push(`工作表“说明”：报告期“${period}”无效（应写作 ${PERIOD_FORMS('2025')}）`);
  if (errors.length) return { unit, period, drafts, errors };

  for (const [name, fill] of [[TASK_SHEET, TASK_FILL], [TARGET_SHEET, TARGET_FILL]] as const) {
    const sheet = input.sheets.find((s) => s.name === name);
    if (!sheet) {
      errors.push(`缺少工作表“${name}”`);
      continue;
    }
    const col = new Map(sheet.header.map((h, i) => [text(h), i]));
    const missing = (name === TASK_SHEET ? ['任务编号', '报告期', ...fill] : ['目标编号', '指标编号', '报告期', ...fill]).filter((c) => !col.has(c));
    if (missing.length) {
      errors.push(`工作表“${name}”：缺少列${missing.map((c) => `“${c}”`).join('、')}`);
      continue;
    }
    const seen = new Map<string, number>();
    for (const { row, values } of sheet.rows) {
      const get = (c: string): Plain => (col.has(c) ? values[col.get(c)!] ?? null : null);
      const refused = (input.refused ?? []).filter((r) => r.sheet === name && r.row === row);
      if (!refused.length && fill.every((c) => text(get(c)) === '')) continue;
      const at = (c: string) => place(name, row, c);
      const before = errors.length;
      for (const r of refused) errors.push(`${at(r.column)}：${r.reason}`);
      const p = text(get('报告期'));
      const target = name === TARGET_SHEET ? known.targets.get(text(get('目标编号'))) : undefined;
      // a target of an earlier year is reported for its own year (its final value), never for a later one
      const ok = p !== '' && validPeriod(p) && (periodInRange(p, period) || (target !== undefined && target.year < Number(period.slice(0, 4)) && Number(p.slice(0, 4)) === target.year));
      const y = period.slice(0, 4);
      if (!p) errors.push(`${at('报告期')}：为空`);
      else if (!ok) errors.push(`${at('报告期')}：“${p}”不在本表的报告期内（应为 ${y} 年的报告期：${PERIOD_FORMS(y)}）`);
      let draft: Draft | undefined;
      if (name === TASK_SHEET) draft = taskRow(get, at, unit, ok ? p : '', known, errors);
      else draft = targetRow(get, at, unit, ok ? p : '', known, errors);
      if (!draft || errors.length > before) continue;
      const key = `${draft.subjectKind}:${draft.subjectId}:${draft.period}`;
      if (seen.has(key)) {
        errors.push(`${place(name, row)}：${draft.subjectKind === 'task' ? '任务' : '指标目标'}“${draft.subjectId}”${draft.period} 的进展已在第 ${seen.get(key)} 行填写`);
        continue;
      }
      seen.set(key, row);
      drafts.push({ ...draft, sheet: name, row });
    }
  }
  return { unit, period, drafts, errors };
}

type Get = (c: string) => Plain;
type At = (c: string) => string;

function taskRow(get: Get, at: At, unit: string, period: string, known: Known, errors: string[]): Draft | undefined {
  const id = text(get('任务编号'));
  const task = known.tasks.get(id);
  if (!id) errors.push(`${at('任务编号')}：为空`);
  else if (!task) errors.push(`${at('任务编号')}：没有编号为“${id}”的任务`);
  else if (!task.units.includes(unit)) errors.push(`${at('任务编号')}：任务“${id}”不是${unit}承担的任务`);
  const raw = get('进展(%)');
  let progress: number | null = null;
  if (text(raw) !== '') {
    const n = toNumber(raw);
    if (n === undefined) errors.push(`${at('进展(%)')}：“${text(raw)}”不是数字`);
    else if (n < 0 || n > 100) errors.push(`${at('进展(%)')}：${n} 超出 0–100 的范围${Number.isInteger(n) && n >= 36526 && n <= 73050 ? '（像是被当作日期的数字，请把单元格格式改为“常规”后填写 0–100 的数字）' : ''}`);
    else progress = n;
  }
  const words = text(get('情况说明'));
  if (!words) errors.push(`${at('情况说明')}：为空（请说明做了哪些工作）`);
  else if (words.length > 5000) errors.push(`${at('情况说明')}：超过 5000 字`);
  return { sheet: '', row: 0, subjectKind: 'task', subjectId: id, period, value: null, progress, text: words };
}

function targetRow(get: Get, at: At, unit: string, period: string, known: Known, errors: string[]): Draft | undefined {
  const id = text(get('目标编号'));
  const indicator = text(get('指标编号'));
  const target = known.targets.get(id);
  if (indicator && !known.indicators.has(indicator)) errors.push(`${at('指标编号')}：没有编号为“${indicator}”的指标`);
  if (!id) errors.push(`${at('目标编号')}：为空`);
  else if (!target) errors.push(`${at('目标编号')}：没有编号为“${id}”的指标目标`);
  else if (!target.units.includes(unit)) errors.push(`${at('目标编号')}：指标目标“${id}”不由${unit}负责`);
  else if (indicator && known.indicators.has(indicator) && indicator !== target.indicatorId) errors.push(`${at('指标编号')}：指标目标“${id}”对应指标“${target.indicatorId}”，不是“${indicator}”`);
  else if (period && Number(period.slice(0, 4)) > target.year) errors.push(`${at('报告期')}：“${period}”晚于目标年份（指标目标“${id}”的目标年份为 ${target.year} 年）`);
  const raw = get('实际值');
  let value: number | null = null;
  if (text(raw) !== '') {
    const n = toNumber(raw);
    if (n === undefined) errors.push(`${at('实际值')}：“${text(raw)}”不是数字`);
    else value = n;
  }
  const words = text(get('说明'));
  if (words.length > 5000) errors.push(`${at('说明')}：超过 5000 字`);
  const said = words || (value !== null ? `报送实际值 ${value}${target?.unit ? ` ${target.unit}` : ''}（Excel）` : '');
  return { sheet: '', row: 0, subjectKind: 'target', subjectId: id, period, value, progress: null, text: said };
}

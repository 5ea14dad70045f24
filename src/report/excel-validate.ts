// Checking a filled-in progress workbook, pure: the cells as plain values in, the updates to store and
// the errors out, one error per bad cell: "sheet 指标, row 5, column 实际值: 'abc' is not a number".
// A row counts when one of its columns to fill (进展(%), 情况说明; 实际值, 说明) has something in it.
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

export interface WorkbookInput {
  unit: Plain;
  period: Plain;
  sheets: SheetInput[];
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

export function validateWorkbook(input: WorkbookInput, known: Known): Validation {
  const errors: string[] = [];
  const drafts: Draft[] = [];
  const unit = text(input.unit);
  const period = text(input.period);
  if (!unit) errors.push('sheet 说明: the 责任单位 is missing');
  else if (!known.units.has(unit)) errors.push(`sheet 说明: unknown unit '${unit}'`);
  if (!validPeriod(period)) errors.push(`sheet 说明: 报告期 '${period}' is not a period (2025, 2025-Q2, 2025-H1 or 2025-06)`);
  if (errors.length) return { unit, period, drafts, errors };

  for (const [name, fill] of [[TASK_SHEET, TASK_FILL], [TARGET_SHEET, TARGET_FILL]] as const) {
    const sheet = input.sheets.find((s) => s.name === name);
    if (!sheet) {
      errors.push(`sheet ${name} is missing`);
      continue;
    }
    const col = new Map(sheet.header.map((h, i) => [text(h), i]));
    const missing = (name === TASK_SHEET ? ['任务编号', '报告期', ...fill] : ['目标编号', '指标编号', '报告期', ...fill]).filter((c) => !col.has(c));
    if (missing.length) {
      errors.push(`sheet ${name}: missing column ${missing.join(', ')}`);
      continue;
    }
    const seen = new Map<string, number>();
    for (const { row, values } of sheet.rows) {
      const get = (c: string): Plain => (col.has(c) ? values[col.get(c)!] ?? null : null);
      if (fill.every((c) => text(get(c)) === '')) continue;
      const at = (c: string) => `sheet ${name}, row ${row}, column ${c}`;
      const before = errors.length;
      const p = text(get('报告期'));
      const ok = p !== '' && periodInRange(p, period);
      if (!p) errors.push(`${at('报告期')}: is empty`);
      else if (!ok) errors.push(`${at('报告期')}: '${p}' is out of range (a period of ${period.slice(0, 4)}: ${period.slice(0, 4)}, ${period.slice(0, 4)}-H1, ${period.slice(0, 4)}-Q2 or ${period.slice(0, 4)}-06)`);
      let draft: Draft | undefined;
      if (name === TASK_SHEET) draft = taskRow(get, at, unit, ok ? p : '', known, errors);
      else draft = targetRow(get, at, unit, ok ? p : '', known, errors);
      if (!draft || errors.length > before) continue;
      const key = `${draft.subjectKind}:${draft.subjectId}:${draft.period}`;
      if (seen.has(key)) {
        errors.push(`sheet ${name}, row ${row}: ${draft.subjectKind} '${draft.subjectId}' for ${draft.period} is already in row ${seen.get(key)}`);
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
  if (!id) errors.push(`${at('任务编号')}: is empty`);
  else if (!task) errors.push(`${at('任务编号')}: unknown task '${id}'`);
  else if (!task.units.includes(unit)) errors.push(`${at('任务编号')}: task '${id}' is not a task of ${unit}`);
  const raw = get('进展(%)');
  let progress: number | null = null;
  if (text(raw) !== '') {
    const n = toNumber(raw);
    if (n === undefined) errors.push(`${at('进展(%)')}: '${text(raw)}' is not a number`);
    else if (n < 0 || n > 100) errors.push(`${at('进展(%)')}: ${n} is outside 0–100`);
    else progress = n;
  }
  const words = text(get('情况说明'));
  if (!words) errors.push(`${at('情况说明')}: is empty (say what was done)`);
  else if (words.length > 5000) errors.push(`${at('情况说明')}: longer than 5000 characters`);
  return { sheet: '', row: 0, subjectKind: 'task', subjectId: id, period, value: null, progress, text: words };
}

function targetRow(get: Get, at: At, unit: string, period: string, known: Known, errors: string[]): Draft | undefined {
  const id = text(get('目标编号'));
  const indicator = text(get('指标编号'));
  const target = known.targets.get(id);
  if (indicator && !known.indicators.has(indicator)) errors.push(`${at('指标编号')}: unknown indicator '${indicator}'`);
  if (!id) errors.push(`${at('目标编号')}: is empty`);
  else if (!target) errors.push(`${at('目标编号')}: unknown target '${id}'`);
  else if (!target.units.includes(unit)) errors.push(`${at('目标编号')}: target '${id}' is not a target of ${unit}`);
  else if (indicator && known.indicators.has(indicator) && indicator !== target.indicatorId) errors.push(`${at('指标编号')}: target '${id}' is for indicator '${target.indicatorId}', not '${indicator}'`);
  else if (period && target.year !== Number(period.slice(0, 4))) errors.push(`${at('报告期')}: '${period}' is out of range (target '${id}' is for ${target.year})`);
  const raw = get('实际值');
  let value: number | null = null;
  if (text(raw) !== '') {
    const n = toNumber(raw);
    if (n === undefined) errors.push(`${at('实际值')}: '${text(raw)}' is not a number`);
    else value = n;
  }
  const words = text(get('说明'));
  if (words.length > 5000) errors.push(`${at('说明')}: longer than 5000 characters`);
  const said = words || (value !== null ? `报送实际值 ${value}${target?.unit ? ` ${target.unit}` : ''}（Excel）` : '');
  return { sheet: '', row: 0, subjectKind: 'target', subjectId: id, period, value, progress: null, text: said };
}

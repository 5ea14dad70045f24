// Progress by Excel: a workbook per department and period (sheet 任务: the unit's tasks; sheet 指标: the
// targets it answers for in the period's year, see `targetUnits`), filled in offline and uploaded. Every
// filled row is checked (excel-validate.ts); a workbook with errors stores nothing unless the valid rows
// are stored on purpose. Stored rows are `updates` (submitted, by excel:UNIT) for the normal review.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Store } from '../store/db.js';
import type { UpdatesTable } from '../store/schema.js';
import { targetText } from '../monitor/evaluate.js';
import { targetUnits, validPeriod } from '../monitor/workflow.js';
import { TARGET_COLUMNS, TARGET_SHEET, TASK_COLUMNS, TASK_SHEET, validateWorkbook, type Known, type Plain, type Validation } from './excel-validate.js';
import { fillSheet, INFO_SHEET } from './excel-sheet.js';
import { checkWorkbookLimits, WorkbookLimitError } from './excel-limits.js';

export class ExcelError extends Error {}

/** Tasks and targets with the units they belong to (as the web workflow assigns them). */
async function subjects(store: Store) {
  const tasks = await store.selectFrom('tasks').innerJoin('documents', 'documents.id', 'tasks.document_id').select(['tasks.id', 'tasks.title', 'tasks.document_id', 'tasks.line', 'tasks.deadline_date', 'tasks.deadline_text', 'documents.file']).orderBy('documents.file').orderBy('documents.seq').orderBy('tasks.seq').execute();
  const units = new Map<string, string[]>();
  for (const r of await store.selectFrom('task_units').select(['task_id', 'unit']).orderBy('task_id').orderBy('seq').execute()) units.set(r.task_id, [...new Set([...(units.get(r.task_id) ?? []), r.unit])]);
  const lines = tasks.map((t) => ({ documentId: t.document_id, line: t.line, units: units.get(t.id) ?? [] }));
  const names = new Map((await store.selectFrom('indicators').select(['id', 'name', 'unit']).execute()).map((i) => [i.id, i]));
  const targets = (await store.selectFrom('targets').selectAll().orderBy('indicator_id').orderBy('year').orderBy('id').execute()).map((t) => ({
    ...t,
    name: names.get(t.indicator_id)?.name ?? t.indicator_id,
    unit: names.get(t.indicator_id)?.unit ?? '',
    units: targetUnits({ documentId: t.document_id, line: t.line }, lines),
  }));
  const known: Known = {
    units: new Set([...[...units.values()].flat(), ...targets.flatMap((t) => t.units)]),
    tasks: new Map(tasks.map((t) => [t.id, { units: units.get(t.id) ?? [] }])),
    targets: new Map(targets.map((t) => [t.id, { indicatorId: t.indicator_id, region: t.region, year: t.year, unit: t.unit, units: t.units }])),
    indicators: new Set(names.keys()),
  };
  return { tasks: tasks.map((t) => ({ ...t, units: units.get(t.id) ?? [] })), targets, known };
}

/** The latest update of a unit on a subject that was not returned. */
function previous(updates: UpdatesTable[], kind: string, id: string, unit: string): UpdatesTable | undefined {
  return updates.find((u) => u.subject_kind === kind && u.subject_id === id && u.unit === unit && u.status !== 'returned');
}

/** The workbook for a unit and a period; ExcelError for an unknown unit or a bad period. */
export async function templateWorkbook(store: Store, unit: string, period: string): Promise<{ workbook: ExcelJS.Workbook; tasks: number; targets: number }> {
  if (!validPeriod(period)) throw new ExcelError(`period '${period}' is not 2025, 2025-Q2, 2025-H1 or 2025-06`);
  const { tasks, targets, known } = await subjects(store);
  if (!known.units.has(unit)) throw new ExcelError(`unknown unit '${unit}' (see lantu departments)`);
  const updates = await store.selectFrom('updates').selectAll().where('unit', '=', unit).orderBy('submitted_at', 'desc').execute();
  const actuals = await store.selectFrom('actuals').selectAll().orderBy('year', 'desc').orderBy('id').execute();
  const year = Number(period.slice(0, 4));
  const myTasks = tasks.filter((t) => t.units.includes(unit));
  const myTargets = targets.filter((t) => t.units.includes(unit) && t.year === year);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lantu 规划实施监测评估系统';
  const info = wb.addWorksheet(INFO_SHEET);
  info.columns = [{ width: 12 }, { width: 90 }];
  info.addRows([
    ['责任单位', unit],
    ['报告期', period],
    ['填写说明', '在黄色列填写：任务表的“进展(%)”（0–100 的数字）和“情况说明”；指标表的“实际值”（数字，按“单位”列的单位）和“说明”。'],
    ['', '报告期可写作 2025、2025-H1、2025-Q2 或 2025-06，须在本表报告期所在年度内。不要修改编号列；没有进展的行留空即可。'],
    ['', `任务表列出本单位承担的全部任务；指标表列出本单位负责、目标年份为 ${year} 年的指标目标（审核通过的实际值计入该目标年份）。`],
    ['', '上传：lantu excel import 文件.xlsx；有错误时不入库，逐条列出错误（加 --store-valid 只入库无误的行）。入库后为“待审核”进展，经规划部门审核。'],
  ]);
  info.getColumn(1).font = { bold: true };
  fillSheet(wb.addWorksheet(TASK_SHEET), [...TASK_COLUMNS], myTasks.map((t) => {
    const p = previous(updates, 'task', t.id, unit);
    return [t.id, t.title, `${t.file}:${t.line}`, t.deadline_date ?? t.deadline_text ?? '', p?.period ?? '', p?.progress ?? '', p ? `${p.text}${p.status === 'submitted' ? '（待审核）' : ''}` : '', period, null, null];
  }), { progress: '进展(%)', number: [] });
  fillSheet(wb.addWorksheet(TARGET_SHEET), [...TARGET_COLUMNS], myTargets.map((t) => {
    const a = actuals.find((x) => x.indicator_id === t.indicator_id && x.region === t.region && x.measure === t.measure && x.year <= t.year);
    const p = previous(updates, 'target', t.id, unit);
    const prev = [a ? `${a.value}（${a.year}${a.vintage === 'estimate' ? '，预计' : ''}）` : '', p && p.value !== null ? `报送 ${p.value}（${p.period}）` : ''].filter(Boolean).join('；');
    return [t.id, t.indicator_id, t.name, t.unit, t.region, t.year, targetText(t), prev, period, null, null];
  }), { progress: undefined, number: ['实际值'] });
  return { workbook: wb, tasks: myTasks.length, targets: myTargets.length };
}

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

/** Reads a workbook into plain cells (the input of `validateWorkbook`); ExcelError when it is too large (excel-limits.ts). */
export async function readWorkbook(data: Buffer): Promise<Parameters<typeof validateWorkbook>[0]> {
  const wb = new ExcelJS.Workbook();
  try {
    checkWorkbookLimits(data); // before opening: a small file can claim millions of cells
  } catch (e) {
    throw e instanceof WorkbookLimitError ? new ExcelError(e.message) : e;
  }
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new ExcelError(`not an Excel workbook (.xlsx): ${(e as Error).message}`);
  }
  const info = wb.getWorksheet(INFO_SHEET);
  const field = (label: string): Plain => {
    let out: Plain = null;
    info?.eachRow((row) => {
      if (plain(row.getCell(1).value) === label) out = plain(row.getCell(2).value);
    });
    return out;
  };
  const sheets = wb.worksheets
    .filter((ws) => ws.name !== INFO_SHEET)
    .map((ws) => {
      const header = Array.from({ length: ws.columnCount }, (_, i) => plain(ws.getRow(1).getCell(i + 1).value));
      const rows: Array<{ row: number; values: Plain[] }> = [];
      for (let r = 2; r <= ws.rowCount; r++) rows.push({ row: r, values: header.map((_, i) => plain(ws.getRow(r).getCell(i + 1).value)) });
      return { name: ws.name, header, rows };
    });
  return { unit: field('责任单位'), period: field('报告期'), sheets };
}

export interface ImportResult extends Validation {
  stored: number;
}

/** Checks an uploaded workbook and stores its rows as submitted updates: all of them, or none when there are errors (unless storeValid). */
export async function importWorkbook(store: Store, data: Buffer, opts: { storeValid?: boolean; unit?: string; by?: string } = {}): Promise<ImportResult> {
  const input = await readWorkbook(data);
  const { known } = await subjects(store);
  const v = validateWorkbook(input, known);
  // uploaded for a unit (web): the workbook must be that unit's, or nothing is stored
  if (opts.unit !== undefined && v.unit !== opts.unit) return { ...v, errors: [`sheet ${INFO_SHEET}: this workbook is for "${v.unit}", not for "${opts.unit}"`, ...v.errors], stored: 0 };
  if (v.errors.length && !opts.storeValid) return { ...v, stored: 0 };
  const now = new Date().toISOString();
  const by = opts.by ?? `excel:${v.unit}`;
  const rows: UpdatesTable[] = v.drafts.map((d) => ({
    id: randomBytes(12).toString('base64url'), subject_kind: d.subjectKind, subject_id: d.subjectId, unit: v.unit, period: d.period, value: d.value, progress: d.progress, text: d.text,
    evidence_name: null, evidence_path: null, status: 'submitted', comment: null, version: 1, submitted_by: by, submitted_at: now, reviewed_by: null, reviewed_at: null,
  }));
  if (rows.length)
    await store.transaction().execute(async (trx) => {
      for (const r of rows) {
        await trx.insertInto('updates').values(r).execute();
        await trx.insertInto('audit_log').values({ id: randomBytes(12).toString('base64url'), at: now, user_id: null, username: by, action: 'update-submit', entity: 'update', entity_id: r.id, before: null, after: JSON.stringify(r) }).execute();
      }
    });
  return { ...v, stored: rows.length };
}

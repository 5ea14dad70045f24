// Progress by Excel: a workbook per department and period (sheet 任务: the unit's tasks; sheet 指标: the
// targets it answers for, see `targetUnits`, and those a planner assigned to it (monitor/assign.ts) — those of the period's year and later, and those of the year
// before still without an actual), filled in offline and uploaded. Every filled row is checked
// (excel-validate.ts); a workbook with errors stores nothing unless the valid rows are stored on purpose.
// Stored rows are `updates` (submitted, by excel:UNIT) for the normal review; a row already stored with
// the same unit, subject, period and values is not stored again, so importing a workbook twice changes nothing.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { inTransaction, type Store } from '../store/db.js';
import type { UpdatesTable } from '../store/schema.js';
import { targetText } from '../monitor/evaluate.js';
import { targetUnits, validPeriod } from '../monitor/workflow.js';
import { assignedUnits, withAssigned } from '../monitor/assign.js';
import { periodsOf, TARGET_COLUMNS, TARGET_SHEET, TASK_COLUMNS, TASK_SHEET, validateWorkbook, type Known, type Plain, type Validation } from './excel-validate.js';
import { fillSheet, INFO_SHEET, protectSheet } from './excel-sheet.js';
import { readCells } from './excel-read.js';
import { checkWorkbookLimits, WorkbookLimitError } from './excel-limits.js';

export class ExcelError extends Error {}

/** Tasks and targets with the units they belong to (as the web workflow assigns them). */
async function subjects(store: Store) {
  const tasks = await store.selectFrom('tasks').innerJoin('documents', 'documents.id', 'tasks.document_id').select(['tasks.id', 'tasks.title', 'tasks.document_id', 'tasks.line', 'tasks.deadline_date', 'tasks.deadline_text', 'documents.file']).orderBy('documents.file').orderBy('documents.seq').orderBy('tasks.seq').execute();
  const units = new Map<string, string[]>();
  for (const r of await store.selectFrom('task_units').select(['task_id', 'unit']).orderBy('task_id').orderBy('seq').execute()) units.set(r.task_id, [...new Set([...(units.get(r.task_id) ?? []), r.unit])]);
  const lines = tasks.map((t) => ({ documentId: t.document_id, line: t.line, units: units.get(t.id) ?? [] }));
  const names = new Map((await store.selectFrom('indicators').select(['id', 'name', 'unit']).execute()).map((i) => [i.id, i]));
  const assigned = await assignedUnits(store);
  const targets = (await store.selectFrom('targets').selectAll().orderBy('indicator_id').orderBy('year').orderBy('id').execute()).map((t) => ({
    ...t,
    name: names.get(t.indicator_id)?.name ?? t.indicator_id,
    unit: names.get(t.indicator_id)?.unit ?? '',
    units: withAssigned(targetUnits({ documentId: t.document_id, line: t.line }, lines), assigned.get(t.id)),
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
  if (!validPeriod(period)) throw new ExcelError(`报告期“${period}”无效（应写作 2025、2025-Q2、2025-H1 或 2025-06）`);
  const { tasks, targets, known } = await subjects(store);
  if (!known.units.has(unit)) throw new ExcelError(`未知的责任单位“${unit}”（见 lantu departments）`);
  const updates = await store.selectFrom('updates').selectAll().where('unit', '=', unit).orderBy('submitted_at', 'desc').execute();
  const actuals = await store.selectFrom('actuals').selectAll().orderBy('year', 'desc').orderBy('id').execute();
  const year = Number(period.slice(0, 4));
  const myTasks = tasks.filter((t) => t.units.includes(unit));
  const reported = (t: (typeof targets)[number]) => actuals.some((a) => a.indicator_id === t.indicator_id && a.region === t.region && a.measure === t.measure && a.year === t.year);
  const myTargets = targets.filter((t) => t.units.includes(unit) && (t.year >= year || (t.year === year - 1 && !reported(t))));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lantu 规划实施监测评估系统';
  const info = wb.addWorksheet(INFO_SHEET);
  info.columns = [{ width: 12 }, { width: 90 }];
  info.addRows([
    ['责任单位', unit],
    ['报告期', period],
    ['填写说明', '在黄色列填写：任务表的“进展(%)”（0–100 的数字）和“情况说明”；指标表的“实际值”（数字，按“单位”列的单位）和“说明”。'],
    ['', '报告期可写作 2025、2025-H1、2025-Q2 或 2025-06，须在本表报告期所在年度内。不要修改编号列；没有进展的行留空即可。'],
    ['', `任务表列出本单位承担的全部任务；指标表列出本单位负责、目标年份为 ${year} 年及以后的指标目标，以及 ${year - 1} 年尚无实际值的指标目标（其报告期为 ${year - 1}）。审核通过的实际值计入报告期所在年度。`],
    ['', '报告期从下拉列表选择。只有黄色列和报告期可以填写，其余单元格已保护；请不要合并单元格，也不要用公式或日期填写数字。'],
    ['', '上传：lantu excel import 文件.xlsx；有错误时不入库，逐条列出错误（加 --store-valid 只入库无误的行）。入库后为“待审核”进展，经规划部门审核。同一文件重复上传不会重复入库。'],
  ]);
  info.getColumn(1).font = { bold: true };
  const taskSheet = wb.addWorksheet(TASK_SHEET);
  fillSheet(taskSheet, [...TASK_COLUMNS], myTasks.map((t) => {
    const p = previous(updates, 'task', t.id, unit);
    return [t.id, t.title, `${t.file}:${t.line}`, t.deadline_date ?? t.deadline_text ?? '', p?.period ?? '', p?.progress ?? '', p ? `${p.text}${p.status === 'submitted' ? '（待审核）' : ''}` : '', period, null, null];
  }), { progress: '进展(%)', number: [], periods: myTasks.map(() => periodsOf(year)) });
  const targetSheet = wb.addWorksheet(TARGET_SHEET);
  fillSheet(targetSheet, [...TARGET_COLUMNS], myTargets.map((t) => {
    const a = actuals.find((x) => x.indicator_id === t.indicator_id && x.region === t.region && x.measure === t.measure && x.year <= t.year);
    const p = previous(updates, 'target', t.id, unit);
    const prev = [a ? `${a.value}（${a.year}${a.vintage === 'estimate' ? '，预计' : ''}）` : '', p && p.value !== null ? `报送 ${p.value}（${p.period}）` : ''].filter(Boolean).join('；');
    return [t.id, t.indicator_id, t.name, t.unit, t.region, t.year, targetText(t), prev, t.year < year ? String(t.year) : period, null, null];
  }), { progress: undefined, number: ['实际值'], periods: myTargets.map((t) => (t.year < year ? [String(t.year)] : periodsOf(year))) });
  for (const ws of [info, taskSheet, targetSheet]) await protectSheet(ws);
  return { workbook: wb, tasks: myTasks.length, targets: myTargets.length };
}

/** Reads a workbook into plain cells (the input of `validateWorkbook`); ExcelError when it is too large (excel-limits.ts) or not a workbook. */
export async function readWorkbook(data: Buffer): Promise<Parameters<typeof validateWorkbook>[0]> {
  try {
    checkWorkbookLimits(data); // before opening: a small file can claim millions of cells
  } catch (e) {
    throw e instanceof WorkbookLimitError ? new ExcelError(e.message) : e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new ExcelError(`不是 Excel 工作簿（.xlsx）：${(e as Error).message}`);
  }
  return readCells(wb);
}

export interface ImportResult extends Validation {
  stored: number;
  /** Valid rows already stored with the same values (a workbook imported again): not stored twice. */
  unchanged: number;
}

/** Is this row already stored, as it is now, by this unit (and not returned)? */
const same = (u: UpdatesTable, d: Validation['drafts'][number], unit: string): boolean =>
  u.unit === unit && u.subject_kind === d.subjectKind && u.subject_id === d.subjectId && u.period === d.period && u.value === d.value && u.progress === d.progress && u.text === d.text && u.status !== 'returned';

/** Checks an uploaded workbook and stores its rows as submitted updates: all of them, or none when there are errors (unless storeValid). */
export async function importWorkbook(store: Store, data: Buffer, opts: { storeValid?: boolean; unit?: string; by?: string } = {}): Promise<ImportResult> {
  const input = await readWorkbook(data);
  const { known } = await subjects(store);
  const v = validateWorkbook(input, known);
  // uploaded for a unit (web): the workbook must be that unit's, or nothing is stored
  if (opts.unit !== undefined && v.unit !== opts.unit) return { ...v, errors: [`工作表“${INFO_SHEET}”：本工作簿是“${v.unit}”的填报表，不是“${opts.unit}”的`, ...v.errors], stored: 0, unchanged: 0 };
  if (v.errors.length && !opts.storeValid) return { ...v, stored: 0, unchanged: 0 };
  const existing = v.drafts.length ? await store.selectFrom('updates').selectAll().where('unit', '=', v.unit).execute() : [];
  const fresh = v.drafts.filter((d) => !existing.some((u) => same(u, d, v.unit)));
  const now = new Date().toISOString();
  const by = opts.by ?? `excel:${v.unit}`;
  const rows: UpdatesTable[] = fresh.map((d) => ({
    id: randomBytes(12).toString('base64url'), subject_kind: d.subjectKind, subject_id: d.subjectId, unit: v.unit, period: d.period, value: d.value, progress: d.progress, text: d.text,
    evidence_name: null, evidence_path: null, status: 'submitted', comment: null, version: 1, submitted_by: by, submitted_at: now, reviewed_by: null, reviewed_at: null,
  }));
  if (rows.length)
    await inTransaction(store, async (trx) => {
      for (const r of rows) {
        await trx.insertInto('updates').values(r).execute();
        await trx.insertInto('audit_log').values({ id: randomBytes(12).toString('base64url'), at: now, user_id: null, username: by, action: 'update-submit', entity: 'update', entity_id: r.id, before: null, after: JSON.stringify(r) }).execute();
      }
    });
  return { ...v, stored: rows.length, unchanged: v.drafts.length - rows.length };
}

// `lantu export`: every table of the monitoring data — indicators, targets, actuals, statuses, tasks,
// updates — as CSV (UTF-8 with a byte-order mark, so Excel opens Chinese correctly), JSON or one XLSX
// workbook. A row that comes from a document carries its title, file, line and the quote (the source
// line's text). What is exported can come back: `lantu actual import actuals.csv` (monitor/manual.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Store } from '../store/db.js';
import { statusRows } from '../monitor/statuses.js';
import { csv } from './opendata.js';

export const EXPORT_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Table {
  name: string;
  columns: string[];
  rows: Array<Record<string, unknown>>;
}

/** Where a record comes from: document title, file, line and the line's text; empty for entries by hand. */
async function provenance(store: Store): Promise<(documentId: string | null, line: number | null) => Record<string, unknown>> {
  const docs = new Map((await store.selectFrom('documents').innerJoin('sources', 'sources.content_hash', 'documents.content_hash').select(['documents.id', 'documents.title', 'documents.file', 'sources.text']).execute()).map((d) => [d.id, d]));
  const lines = new Map<string, string[]>();
  return (documentId, line) => {
    const d = documentId ? docs.get(documentId) : undefined;
    if (!d) return { document_title: null, document_file: null, line: null, quote: null };
    if (!lines.has(d.id)) lines.set(d.id, d.text.split(/\r\n|\r|\n/));
    return { document_title: d.title, document_file: d.file, line, quote: line ? lines.get(d.id)![line - 1]?.trim() ?? null : null };
  };
}

const SOURCE = ['document_title', 'document_file', 'line', 'quote'];

export async function exportTables(store: Store, asOf?: string): Promise<Table[]> {
  const from = await provenance(store);
  const indicators = await store.selectFrom('indicators').select(['id', 'name', 'unit', 'unit_family', 'direction', 'attribute', 'category']).orderBy('id').execute();
  const targets = (await store.selectFrom('targets').selectAll().orderBy('id').execute()).map(({ document_id, line, ...t }) => ({ ...t, ...from(document_id, line) }));
  const actuals = (await store.selectFrom('actuals').selectAll().orderBy('id').execute()).map(({ document_id, line, ...a }) => ({ ...a, ...from(document_id, line) }));
  const statuses = (await statusRows(store, { asOf })).map((r) => ({ indicator_id: r.indicatorId, indicator: r.indicator, unit: r.unit, region: r.region, level: r.level, year: r.year, target: r.target, baseline: r.baseline, latest: r.latest, status: r.status, reason: r.reason, ...from(r.source.documentId ?? null, r.source.line ?? null) }));
  const units = new Map<string, string[]>();
  for (const u of await store.selectFrom('task_units').select(['task_id', 'unit', 'role']).orderBy('task_id').orderBy('seq').execute()) units.set(u.task_id, [...(units.get(u.task_id) ?? []), `${u.unit}（${u.role}）`]);
  const tasks = (await store.selectFrom('tasks').select(['id', 'document_id', 'ordinal', 'title', 'section', 'deadline_text', 'deadline_date', 'line']).orderBy('document_id').orderBy('seq').execute()).map(({ document_id, line, ...t }) => ({ ...t, units: (units.get(t.id) ?? []).join('；'), ...from(document_id, line) }));
  const updates = await store.selectFrom('updates').select(['id', 'subject_kind', 'subject_id', 'unit', 'period', 'value', 'progress', 'text', 'status', 'comment', 'submitted_by', 'submitted_at', 'reviewed_by', 'reviewed_at']).orderBy('submitted_at').orderBy('id').execute();
  const table = (name: string, rows: Array<Record<string, unknown>>, columns: string[]): Table => ({ name, columns, rows });
  const keys = (rows: Array<Record<string, unknown>>, fallback: string[]) => (rows[0] ? Object.keys(rows[0]).filter((k) => !SOURCE.includes(k)) : fallback);
  return [
    table('indicators', indicators, ['id', 'name', 'unit', 'unit_family', 'direction', 'attribute', 'category']),
    table('targets', targets, [...keys(targets, ['id', 'indicator_id', 'region', 'year', 'value']), ...SOURCE]),
    table('actuals', actuals, [...keys(actuals, ['id', 'indicator_id', 'region', 'year', 'value', 'measure', 'vintage']), ...SOURCE]),
    table('statuses', statuses, ['indicator_id', 'indicator', 'unit', 'region', 'level', 'year', 'target', 'baseline', 'latest', 'status', 'reason', ...SOURCE]),
    table('tasks', tasks, ['id', 'ordinal', 'title', 'section', 'deadline_text', 'deadline_date', 'units', ...SOURCE]),
    table('updates', updates, ['id', 'subject_kind', 'subject_id', 'unit', 'period', 'value', 'progress', 'text', 'status', 'comment', 'submitted_by', 'submitted_at', 'reviewed_by', 'reviewed_at']),
  ];
}

/** Writes the tables into a directory: NAME.csv each, export.json, or export.xlsx; returns the files written. */
export async function writeExport(store: Store, dir: string, format: ExportFormat, asOf?: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const tables = await exportTables(store, asOf);
  if (format === 'json') {
    writeFileSync(join(dir, 'export.json'), JSON.stringify(Object.fromEntries(tables.map((t) => [t.name, t.rows])), null, 1) + '\n');
    return ['export.json'];
  }
  if (format === 'csv') {
    for (const t of tables) writeFileSync(join(dir, `${t.name}.csv`), csv(t.columns.map((name) => ({ name })), t.rows));
    return tables.map((t) => `${t.name}.csv`);
  }
  const wb = new ExcelJS.Workbook();
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name);
    ws.addRow(t.columns).font = { bold: true };
    for (const r of t.rows) ws.addRow(t.columns.map((c) => (r[c] === undefined ? null : (r[c] as ExcelJS.CellValue))));
  }
  await wb.xlsx.writeFile(join(dir, 'export.xlsx'));
  return ['export.xlsx'];
}

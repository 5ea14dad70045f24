// `lantu export`: every table with where its rows come from, CSV with a byte-order mark, JSON and XLSX;
// the exported actuals imported back into the same store change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { writeExport } from '../../src/report/export.js';
import { addActuals, readActualsCsv } from '../../src/monitor/manual.js';
import { sqliteStore } from '../store/stores.js';
import { ingestSamples } from './helpers.js';

const TABLES = ['indicators', 'targets', 'actuals', 'statuses', 'tasks', 'updates'];

test('export: every table as CSV with a BOM and its sources; the actuals re-imported change nothing', async () => {
  const { store, close } = await sqliteStore();
  try {
    await ingestSamples(store);
    await addActuals(store, [{ indicator: '地区生产总值增长', region: '蓝湖市', year: 2025, value: 5.9 }]);
    const dir = mkdtempSync(join(tmpdir(), 'lantu-export-'));
    assert.deepEqual(await writeExport(store, dir, 'csv', '2026-01-01'), TABLES.map((t) => `${t}.csv`));
    for (const t of TABLES) assert.equal(readFileSync(join(dir, `${t}.csv`), 'utf8').charCodeAt(0), 0xfeff, `${t}.csv starts with a BOM`);
    const actuals = parse(readFileSync(join(dir, 'actuals.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    const fromDoc = actuals.filter((a) => a.document_file);
    assert.ok(fromDoc.length > 0 && fromDoc.every((a) => a.document_title && Number(a.line) > 0 && a.quote), 'document title, file, line and quote');
    const tasks = parse(readFileSync(join(dir, 'tasks.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    assert.ok(tasks.some((t) => t.units.startsWith('市商务局（lead）；市财政局（support）')), 'units in the document order, the lead first');

    const before = await store.selectFrom('actuals').selectAll().orderBy('id').execute();
    assert.equal(await addActuals(store, readActualsCsv(join(dir, 'actuals.csv'))), 0);
    assert.deepEqual(await store.selectFrom('actuals').selectAll().orderBy('id').execute(), before);

    assert.deepEqual(await writeExport(store, dir, 'json'), ['export.json']);
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8'))), TABLES);
    assert.deepEqual(await writeExport(store, dir, 'xlsx'), ['export.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'export.xlsx'));
    assert.deepEqual(wb.worksheets.map((w) => w.name), TABLES);
    assert.equal(wb.getWorksheet('actuals')!.rowCount, before.length + 1);
  } finally {
    await close();
  }
});

test('exported actuals go into an empty store and come back the same', async () => {
  const a = await sqliteStore();
  const b = await sqliteStore();
  try {
    await ingestSamples(a.store);
    await ingestSamples(b.store);
    await addActuals(a.store, [{ indicator: '地区生产总值增长', region: '蓝湖市', year: 2025, value: 5.9, vintage: 'revised' }]);
    const dir = mkdtempSync(join(tmpdir(), 'lantu-export-'));
    await writeExport(a.store, dir, 'csv');
    assert.equal(await addActuals(b.store, readActualsCsv(join(dir, 'actuals.csv'))), 1, 'only the one entered by hand is new');
    const key = (s: typeof a.store) => s.selectFrom('actuals').select(['indicator_id', 'region', 'year', 'value', 'measure', 'vintage']).orderBy('indicator_id').orderBy('year').orderBy('value').execute();
    assert.deepEqual(await key(b.store), await key(a.store));
    assert.equal(await addActuals(b.store, readActualsCsv(join(dir, 'actuals.csv'))), 0, 'and a second import adds nothing');
  } finally {
    await a.close();
    await b.close();
  }
});

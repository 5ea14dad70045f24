// Progress by Excel: the template of a unit (styled, frozen header, validated number cells), filled in
// with exceljs and imported as submitted updates; a workbook with bad rows stores nothing and names every
// bad cell; --store-valid stores only the valid rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Store } from '../../src/store/db.js';
import { importWorkbook, templateWorkbook } from '../../src/report/excel.js';
import { storeKinds } from '../store/stores.js';
import { ingestSamples } from './helpers.js';

const UNIT = '市发展和改革委员会';

/** The template of UNIT for 2025, written and read back as a user's Excel would. */
async function template(store: Store): Promise<ExcelJS.Workbook> {
  const { workbook } = await templateWorkbook(store, UNIT, '2025');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return wb;
}

/** Sets cells by column header: fill(sheet, row, { 进展(%): 60 }). */
function fill(wb: ExcelJS.Workbook, sheet: string, row: number, values: Record<string, ExcelJS.CellValue>): void {
  const ws = wb.getWorksheet(sheet)!;
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  for (const [k, v] of Object.entries(values)) {
    const col = header.indexOf(k);
    assert.ok(col > 0, `column ${k}`);
    ws.getRow(row).getCell(col).value = v;
  }
}

const buffer = async (wb: ExcelJS.Workbook) => Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
const updates = (store: Store) => store.selectFrom('updates').selectAll().orderBy('subject_kind').orderBy('subject_id').execute();

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: template → filled in → imported as submitted updates`, async () => {
    const { store, close } = await open();
    try {
      await ingestSamples(store);
      const wb = await template(store);
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['说明', '任务', '指标']);
      const tasks = wb.getWorksheet('任务')!;
      const targets = wb.getWorksheet('指标')!;
      assert.equal(tasks.rowCount, 5, 'four tasks of the unit');
      assert.equal(targets.rowCount, 6, 'the 2025 targets of the unit: GDP growth and the four its tasks state');
      for (const ws of [tasks, targets]) {
        assert.equal(ws.views[0]?.state, 'frozen');
        assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
        assert.equal(ws.getRow(1).getCell(1).font?.bold, true);
      }
      assert.equal(tasks.getCell('I2').dataValidation?.type, 'decimal');
      assert.deepEqual(tasks.getCell('I2').dataValidation?.formulae, [0, 100]);
      assert.equal(targets.getCell('J2').dataValidation?.type, 'decimal');
      const taskId = String(tasks.getCell('A2').value);
      const targetId = String(targets.getCell('A2').value);

      fill(wb, '任务', 2, { '进展(%)': 60, 情况说明: '完成季度调度，增速符合预期' });
      fill(wb, '指标', 2, { 实际值: '5.3', 说明: '初步核算数' });
      const r = await importWorkbook(store, await buffer(wb));
      assert.deepEqual(r.errors, []);
      assert.equal(r.stored, 2);
      const stored = await updates(store);
      assert.deepEqual(
        stored.map((u) => [u.subject_kind, u.subject_id, u.unit, u.period, u.progress, u.value, u.text, u.status, u.submitted_by]),
        [
          ['target', targetId, UNIT, '2025', null, 5.3, '初步核算数', 'submitted', `excel:${UNIT}`],
          ['task', taskId, UNIT, '2025', 60, null, '完成季度调度，增速符合预期', 'submitted', `excel:${UNIT}`],
        ],
      );
      assert.equal((await store.selectFrom('audit_log').select('id').where('username', '=', `excel:${UNIT}`).execute()).length, 2);
      // the next template shows what was reported
      const next = (await template(store)).getWorksheet('任务')!;
      assert.deepEqual([next.getCell('F2').value, next.getCell('G2').value], [60, '完成季度调度，增速符合预期（待审核）']);
    } finally {
      await close();
    }
  });

  test(`${kind}: bad rows are named cell by cell and nothing is stored; --store-valid stores the valid rows`, async () => {
    const { store, close } = await open();
    try {
      await ingestSamples(store);
      const wb = await template(store);
      const targetId = String(wb.getWorksheet('指标')!.getCell('A2').value);
      fill(wb, '任务', 2, { 报告期: '2031', '进展(%)': 50, 情况说明: '按计划推进' });
      fill(wb, '任务', 3, { '进展(%)': 30, 情况说明: '重点项目已开工 80 个' });
      fill(wb, '指标', 2, { 实际值: 'abc' });
      fill(wb, '指标', 3, { 目标编号: targetId, 指标编号: 'no-such-indicator', 报告期: '2025', 实际值: 5 });
      const data = await buffer(wb);
      const errors = [
        "sheet 任务, row 2, column 报告期: '2031' is out of range (a period of 2025: 2025, 2025-H1, 2025-Q2 or 2025-06)",
        "sheet 指标, row 2, column 实际值: 'abc' is not a number",
        "sheet 指标, row 3, column 指标编号: unknown indicator 'no-such-indicator'",
      ];
      const r = await importWorkbook(store, data);
      assert.deepEqual(r.errors, errors);
      assert.equal(r.stored, 0);
      assert.deepEqual(await updates(store), []);
      const v = await importWorkbook(store, data, { storeValid: true });
      assert.deepEqual(v.errors, errors);
      assert.equal(v.stored, 1);
      const stored = await updates(store);
      assert.deepEqual(stored.map((u) => [u.progress, u.text, u.status]), [[30, '重点项目已开工 80 个', 'submitted']]);
    } finally {
      await close();
    }
  });
}

// Progress by Excel: the template of a unit (styled, frozen header, validated number cells, 报告期 as a
// drop-down, protected but for the cells to fill), filled in with exceljs as a department would and
// imported as submitted updates; a workbook with bad rows stores nothing and names every bad cell in
// Chinese (formulas never computed, dates in number cells, merged cells included); --store-valid stores
// only the valid rows; the same workbook imported twice stores nothing the second time.
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
        '工作表“任务”第 2 行“报告期”列：“2031”不在本表的报告期内（应为 2025 年的报告期：2025、2025-H1、2025-Q2 或 2025-06）',
        '工作表“指标”第 2 行“实际值”列：“abc”不是数字',
        '工作表“指标”第 3 行“指标编号”列：没有编号为“no-such-indicator”的指标',
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

  test(`${kind}: a department fills the template: good and bad values, formulas, merged cells, the same file twice`, async () => {
    const { store, close } = await open();
    try {
      await ingestSamples(store);
      const wb = await template(store);
      const tasks = wb.getWorksheet('任务')!;
      const targets = wb.getWorksheet('指标')!;
      // what the department gets: 报告期 to choose from a list, everything locked but the cells to fill
      assert.equal(targets.getCell('I2').dataValidation?.type, 'list');
      assert.match(String(targets.getCell('I2').dataValidation?.formulae?.[0]), /^"2025,2025-H1,2025-H2,2025-Q1,.*,2025-12"$/);
      assert.equal((tasks as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet, true);
      assert.equal(tasks.getCell('A2').protection?.locked, undefined, 'ids are locked (the default)');
      for (const ref of ['H2', 'I2', 'J2']) assert.equal(tasks.getCell(ref).protection?.locked, false, ref);
      const ids = [2, 3, 4, 5].map((r) => String(tasks.getCell(`A${r}`).value));
      const targetIds = [2, 3, 4].map((r) => String(targets.getCell(`A${r}`).value));

      fill(wb, '任务', 2, { '进展(%)': { formula: '50+10', result: 60 }, 情况说明: '完成季度调度' }); // a formula with its value: taken
      fill(wb, '任务', 3, { '进展(%)': { formula: 'A1*2' } as ExcelJS.CellValue, 情况说明: '按计划推进' }); // never computed
      fill(wb, '任务', 4, { '进展(%)': new Date(Date.UTC(2025, 6, 1)), 情况说明: '7月1日完成' }); // a date typed as progress: Excel
      tasks.getCell('I4').style = { ...tasks.getCell('I4').style, numFmt: 'yyyy/m/d' }; // Excel keeps 45839 and gives the cell a date format
      fill(wb, '任务', 5, { '进展(%)': 101, 情况说明: '超额' });
      fill(wb, '指标', 2, { 实际值: 5.3, 说明: '初步核算数' });
      targets.mergeCells('K3:K4');
      fill(wb, '指标', 3, { 实际值: 12, 说明: '两项合并说明' });
      fill(wb, '指标', 4, { 实际值: 13 });
      const data = await buffer(wb);
      const r = await importWorkbook(store, data);
      assert.deepEqual(r.errors, [
        '工作表“任务”第 3 行“进展(%)”列：公式“=A1*2”没有计算结果（文件保存时未经计算）；请在 Excel 中打开、保存后再上传，或直接填写数值',
        '工作表“任务”第 4 行“进展(%)”列：填写的是日期（2025-07-01），不是数字；请填写数字',
        '工作表“任务”第 5 行“进展(%)”列：101 超出 0–100 的范围',
        '工作表“指标”第 3 行“说明”列：属于合并单元格 K3:K4；请取消合并，逐行填写',
        '工作表“指标”第 4 行“说明”列：属于合并单元格 K3:K4；请取消合并，逐行填写',
      ]);
      assert.equal(r.stored, 0);
      assert.deepEqual(await updates(store), []);

      const once = await importWorkbook(store, data, { storeValid: true });
      assert.deepEqual([once.stored, once.unchanged], [2, 0]);
      const stored = (await updates(store)).map((u) => [u.subject_kind, u.subject_id, u.period, u.progress, u.value, u.text]);
      assert.deepEqual(stored, [
        ['target', targetIds[0], '2025', null, 5.3, '初步核算数'],
        ['task', ids[0], '2025', 60, null, '完成季度调度'],
      ]);
      // the same workbook again: recognised (same unit, subject, period and values), nothing new
      const twice = await importWorkbook(store, data, { storeValid: true });
      assert.deepEqual([twice.stored, twice.unchanged, twice.errors.length], [0, 2, 5]);
      assert.equal((await updates(store)).length, 2);
      // a changed value is a new update
      fill(wb, '指标', 2, { 实际值: 5.4 });
      const changed = await importWorkbook(store, await buffer(wb), { storeValid: true });
      assert.deepEqual([changed.stored, changed.unchanged], [1, 1]);
    } finally {
      await close();
    }
  });

  test(`${kind}: the 指标 sheet of a later period lists the unit's targets still to report`, async () => {
    const { store, close } = await open();
    try {
      await ingestSamples(store);
      const { workbook, targets } = await templateWorkbook(store, UNIT, '2026');
      assert.ok(targets > 0, 'the 2025 targets without an actual are listed in the 2026 workbook');
      const ws = workbook.getWorksheet('指标')!;
      assert.equal(ws.getCell('F2').value, 2025);
      assert.equal(ws.getCell('I2').value, '2025', 'reported for its own year');
      assert.deepEqual(ws.getCell('I2').dataValidation?.formulae, ['"2025"']);
    } finally {
      await close();
    }
  });
}

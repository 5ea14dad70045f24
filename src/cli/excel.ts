// `lantu excel template --unit UNIT --period 2025 --out FILE.xlsx` and `lantu excel import FILE.xlsx
// [--store-valid]`: progress reported by departments in Excel. Import exits 0 when every filled row was
// stored, 1 when only the valid rows were stored (--store-valid), 2 when nothing was stored.
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore } from '../store/db.js';
import { ExcelError, importWorkbook, templateWorkbook } from '../report/excel.js';

export async function runExcelTemplate(opts: { unit: string; period: string; out: string }): Promise<number> {
  const store = await openStore();
  try {
    const { workbook, tasks, targets } = await templateWorkbook(store, opts.unit, opts.period);
    mkdirSync(dirname(opts.out), { recursive: true });
    await workbook.xlsx.writeFile(opts.out);
    process.stdout.write(`已写出 ${opts.out}：${opts.unit} ${opts.period}，任务 ${tasks} 项，指标目标 ${targets} 项\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof ExcelError)) throw e;
    process.stderr.write(`lantu: ${e.message}\n`);
    return 2;
  } finally {
    await store.destroy();
  }
}

export async function runExcelImport(file: string, opts: { storeValid?: boolean }): Promise<number> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    process.stderr.write(`lantu: ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const store = await openStore();
  try {
    const r = await importWorkbook(store, data, opts);
    for (const e of r.errors) process.stderr.write(`lantu: ${file}: ${e}\n`);
    if (r.errors.length && !r.stored) {
      process.stderr.write(`${r.errors.length} 处错误，未入库${r.drafts.length ? `（无误的行 ${r.drafts.length} 行；加 --store-valid 只入库这些行）` : ''}\n`);
      return 2;
    }
    process.stdout.write(`${file}：${r.unit} ${r.period} 入库 ${r.stored} 条进展，待审核${r.unchanged ? `；${r.unchanged} 行与已入库的相同，未重复入库` : ''}${r.errors.length ? `；${r.errors.length} 处错误的行未入库` : ''}\n`);
    return r.errors.length ? 1 : 0;
  } catch (e) {
    if (!(e instanceof ExcelError)) throw e;
    process.stderr.write(`lantu: ${file}: ${e.message}\n`);
    return 2;
  } finally {
    await store.destroy();
  }
}

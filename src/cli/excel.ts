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
    process.stdout.write(`wrote ${opts.out}: ${opts.unit} ${opts.period}, ${tasks} task(s), ${targets} target(s)\n`);
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
      process.stderr.write(`${r.errors.length} error(s): nothing stored${r.drafts.length ? ` (${r.drafts.length} valid row(s); add --store-valid to store only those)` : ''}\n`);
      return 2;
    }
    process.stdout.write(`stored ${r.stored} update(s) from ${file} for ${r.unit} ${r.period}, submitted for review${r.errors.length ? `; ${r.errors.length} row error(s) left out` : ''}\n`);
    return r.errors.length ? 1 : 0;
  } catch (e) {
    if (!(e instanceof ExcelError)) throw e;
    process.stderr.write(`lantu: ${file}: ${e.message}\n`);
    return 2;
  } finally {
    await store.destroy();
  }
}

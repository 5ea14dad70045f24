// A workbook of a few kilobytes that claims a cell at T1048576 is refused before it is opened, with a
// message naming the sheet and the limit — it used to drive the server past 4 GB of memory.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { session, testApp, type TestApp } from './helpers.js';
import { importWorkbook } from '../../src/report/excel.js';
import { MAX_ROWS } from '../../src/report/excel-limits.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** The unit's own template with one more cell far away (`where`, e.g. T1048576) on sheet 任务. */
async function template(cookie: string, unit: string, where: string): Promise<Buffer> {
  const tpl = await t.app.inject({ url: `/departments/${encodeURIComponent(unit)}/template.xlsx?period=2025`, headers: { cookie } });
  assert.equal(tpl.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
  wb.getWorksheet('任务')!.getCell(where).value = 'x';
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function multipart(file: Buffer) {
  const boundary = '----lantu' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="workbook"; filename="fill.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

test('a small workbook with a cell at T1048576 is refused through the web, naming the sheet and the limit', { timeout: 30_000 }, async () => {
  const dept = await session(t, 'dept-edu');
  const unit = t.units['dept-edu'];
  const bomb = await template(dept.cookie, unit, 'T1048576');
  assert.ok(bomb.length < 64 * 1024, `${bomb.length} bytes`);
  const up = multipart(bomb);
  const before = process.memoryUsage().rss;
  const r = await t.app.inject({ method: 'POST', url: `/departments/${encodeURIComponent(unit)}/import?_csrf=${encodeURIComponent(dept.token)}`, headers: { cookie: dept.cookie, 'content-type': up.contentType }, payload: up.payload });
  assert.equal(r.statusCode, 400, r.body.slice(0, 300));
  assert.match(r.body, /工作表“任务”用到了第 1048576 行/);
  assert.match(r.body, new RegExp(`最多 ${MAX_ROWS} 行`));
  assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'memory stays low');
});

test('a column far to the right is refused as well; a workbook within the limits is read', { timeout: 30_000 }, async () => {
  const dept = await session(t, 'dept-edu');
  const unit = t.units['dept-edu'];
  await assert.rejects(importWorkbook(t.store, await template(dept.cookie, unit, 'XFD2'), { unit }), /工作表“任务”用到了第 16384 列/);
  const fine = await importWorkbook(t.store, await template(dept.cookie, unit, 'M20'), { unit });
  assert.equal(fine.unit, unit);
});

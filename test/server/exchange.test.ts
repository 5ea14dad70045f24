// Reports and Excel exchange from the web: a planner downloads an evaluation report (DOCX, PDF); a department
// downloads its own template (not another unit's), fills it in and uploads it; a workbook of another
// unit is refused and stores nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { chromium, office } from '../../src/report/pdf.js';
import { session, testApp, type TestApp } from './helpers.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** A multipart body with one xlsx file and a CSRF token (the token is also sent in the URL: it is checked before the body is read). */
function multipart(token: string, file: Buffer, extra: Record<string, string> = {}) {
  const boundary = '----lantu' + Math.random().toString(16).slice(2);
  const parts = [
    ...Object.entries({ _csrf: token, ...extra }).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="workbook"; filename="fill.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

test('a planner downloads an evaluation report of a plan as DOCX', async () => {
  const planner = await session(t, 'planner');
  const form = await planner.get('/reports');
  assert.equal(form.statusCode, 200);
  const plan = /<option value="([^"]+)">[^<]*规划纲要/.exec(form.body)?.[1];
  assert.ok(plan, 'the plan is offered');
  const r = await planner.get(`/reports/file?plan=${plan}&type=annual&year=2025&format=docx`);
  assert.equal(r.statusCode, 200, r.body.slice(0, 200));
  assert.match(String(r.headers['content-type']), /wordprocessingml/);
  assert.equal(r.rawPayload.subarray(0, 2).toString(), 'PK');
  const dept = await session(t, 'dept-edu');
  assert.equal((await dept.get(`/reports/file?plan=${plan}&type=annual&year=2025&format=docx`)).statusCode, 403);
});

test('a planner downloads the report as a PDF in 公文 form, with the issuing unit typed in the form', { skip: !office() && !chromium() && 'neither LibreOffice nor Chromium: the PDF download is not tested' }, async () => {
  const planner = await session(t, 'planner');
  const form = await planner.get('/reports');
  assert.match(form.body, /<option value="pdf">PDF/);
  const plan = /<option value="([^"]+)">[^<]*规划纲要/.exec(form.body)![1];
  const r = await planner.get(`/reports/file?plan=${plan}&type=annual&year=2025&format=pdf&issuer=${encodeURIComponent('蓝湖市人民政府办公室')}`);
  assert.equal(r.statusCode, 200, r.body.slice(0, 200));
  assert.match(String(r.headers['content-type']), /application\/pdf/);
  assert.equal(r.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const md = await planner.get(`/reports/file?plan=${plan}&type=annual&year=2025&format=md&issuer=${encodeURIComponent('蓝湖市人民政府办公室')}`);
  assert.match(md.body, /蓝湖市人民政府办公室/);
});

test('a department downloads its own template, fills it in and uploads it; another unit is refused', async () => {
  const dept = await session(t, 'dept-edu');
  const unit = t.units['dept-edu'];
  const tpl = await dept.get(`/departments/${encodeURIComponent(unit)}/template.xlsx?period=2025`);
  assert.equal(tpl.statusCode, 200);
  assert.equal((await dept.get(`/departments/${encodeURIComponent(t.units['dept-other'])}/template.xlsx?period=2025`)).statusCode, 403);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
  const tasks = wb.getWorksheet('任务')!;
  const header = (tasks.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  tasks.getRow(2).getCell(header.indexOf('进展(%)')).value = 50;
  tasks.getRow(2).getCell(header.indexOf('情况说明')).value = '已完成过半';
  const filled = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

  const up = multipart(dept.token, filled);
  const ok = await t.app.inject({ method: 'POST', url: `/departments/${encodeURIComponent(unit)}/import?_csrf=${encodeURIComponent(dept.token)}`, headers: { cookie: dept.cookie, 'content-type': up.contentType }, payload: up.payload });
  assert.equal(ok.statusCode, 200, ok.body.slice(0, 300));
  assert.match(ok.body, /已保存 1 条进展/);

  // the same workbook uploaded to another unit's page by that unit's user: refused, nothing stored
  const other = await session(t, 'dept-other');
  const before = (await t.store.selectFrom('updates').select('id').execute()).length;
  const up2 = multipart(other.token, filled);
  const refused = await t.app.inject({ method: 'POST', url: `/departments/${encodeURIComponent(t.units['dept-other'])}/import?_csrf=${encodeURIComponent(other.token)}`, headers: { cookie: other.cookie, 'content-type': up2.contentType }, payload: up2.payload });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /本工作簿是“.*”的填报表，不是“.*”的/);
  assert.equal((await t.store.selectFrom('updates').select('id').execute()).length, before);
  const up3 = multipart(other.token, filled);
  const forbidden = await t.app.inject({ method: 'POST', url: `/departments/${encodeURIComponent(unit)}/import?_csrf=${encodeURIComponent(other.token)}`, headers: { cookie: other.cookie, 'content-type': up3.contentType }, payload: up3.payload });
  assert.equal(forbidden.statusCode, 403);
});

test('the open data set is published without login, described by its datapackage.json', async () => {
  const pkg = await t.app.inject({ url: '/public/opendata/datapackage.json' });
  assert.equal(pkg.statusCode, 200);
  const d = JSON.parse(pkg.body) as { resources: Array<{ path: string; schema: { fields: Array<{ name: string }> } }> };
  for (const r of d.resources) {
    const f = await t.app.inject({ url: `/public/opendata/${r.path}` });
    assert.equal(f.statusCode, 200, r.path);
    assert.equal(f.body.split('\r\n')[0], '\uFEFF' + r.schema.fields.map((x) => x.name).join(','));
  }
  assert.equal((await t.app.inject({ url: '/public/opendata/users.csv' })).statusCode, 404);
});

// Documents uploaded in the browser: planners and administrators only (refused before the body is read);
// each file checked (type, bytes, emptiness) and ingested in the background with its outcome on the job's
// page, which reloads itself while the job runs; too many files are refused in the page; audited.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplesDir, session, testApp, type TestApp } from './helpers.js';
import { idle } from '../../src/server/routes/admin/ingest-jobs.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

function multipart(token: string, files: Array<{ name: string; bytes: Buffer }>) {
  const boundary = `----lantu${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`)];
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = async (who: string, files: Array<{ name: string; bytes: Buffer }>) => {
  const s = await session(t, who);
  const m = multipart(s.token, files);
  return { s, res: await t.app.inject({ method: 'POST', url: `/admin/uploads?_csrf=${encodeURIComponent(s.token)}`, headers: { ...m.headers, cookie: s.cookie }, payload: m.payload }) };
};

// a new report: a sample with another city's name, so neither its bytes nor its text are stored yet
const report = Buffer.from(readFileSync(join(samplesDir, '01-蓝湖市2025年政府工作报告.txt'), 'utf8').replaceAll('蓝湖市', '青峰市'));

test('departments, supervisors and leaders cannot upload documents', async () => {
  for (const who of ['dept-edu', 'supervisor', 'leader']) {
    const { res, s } = await upload(who, [{ name: '青峰市报告.txt', bytes: report }]);
    assert.equal(res.statusCode, 403, who);
    assert.equal((await s.get('/admin/uploads')).statusCode, 403, who);
  }
  assert.equal((await t.store.selectFrom('ingest_jobs').selectAll().execute()).length, 0);
});

test('uploaded documents are ingested with progress and an outcome per file', async () => {
  const before = (await t.store.selectFrom('documents').select('id').execute()).length;
  const { res, s } = await upload('planner', [
    { name: '青峰市2025年政府工作报告.txt', bytes: report },
    { name: '病毒.exe', bytes: Buffer.from('MZ') },
    { name: '假的.pdf', bytes: Buffer.from('not a pdf at all') },
    { name: '空的.txt', bytes: Buffer.alloc(0) },
    { name: '../../蓝湖市十五五规划纲要.txt', bytes: readFileSync(join(samplesDir, '02-蓝湖市十五五规划纲要.txt')) },
  ]);
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const url = res.headers.location as string;
  assert.match(url, /^\/admin\/uploads\/[\w-]+\?fresh=1$/);
  await idle();
  const page = await s.get(url);
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers.refresh, undefined, 'a finished job stops reloading');
  assert.match(page.body, /已完成：已处理 5 \/ 5/);
  assert.match(page.body, /青峰市2025年政府工作报告\.txt<\/td><td>已导入/);
  assert.match(page.body, /病毒\.exe<\/td><td><strong class="error">已拒绝<\/strong><\/td><td>只接受 \.txt、\.docx、\.pdf 文件/);
  assert.match(page.body, /假的\.pdf<\/td><td><strong class="error">已拒绝<\/strong><\/td><td>文件内容与扩展名 \.pdf 不符/);
  assert.match(page.body, /空的\.txt<\/td><td><strong class="error">已拒绝<\/strong><\/td><td>文件是空的/);
  assert.match(page.body, /蓝湖市十五五规划纲要\.txt<\/td><td>未重复导入/, 'a stored document is not stored twice; the path of its name is dropped');
  const docs = await t.store.selectFrom('documents').select(['title', 'file']).execute();
  assert.equal(docs.length, before + 1);
  assert.ok(docs.some((d) => d.file === '青峰市2025年政府工作报告.txt'), 'stored under the name it was uploaded with');
  assert.ok(!docs.some((d) => d.file.includes('..')));
  const [entry] = await t.store.selectFrom('audit_log').selectAll().where('action', '=', 'documents-upload').execute();
  assert.equal(entry.username, 'planner');
  assert.match((await s.get('/admin/uploads')).body, /有文件未导入/);
});

test('a running job\'s page reloads itself', async () => {
  const { res, s } = await upload('admin', [{ name: '青峰市报告副本.txt', bytes: Buffer.concat([report, Buffer.from('\n附：另一份。\n')]) }]);
  const page = await s.get(res.headers.location as string);
  if (/排队中|导入中/.test(page.body)) assert.match(String(page.headers.refresh), /^2; url=\/admin\/uploads\//);
  await idle();
  assert.match((await s.get(res.headers.location as string)).body, /已完成/);
});

test('more files than allowed, or none, are refused in the page', async () => {
  const many = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, bytes: Buffer.from(`第${i}份`) }));
  const { res } = await upload('admin', many);
  assert.equal(res.statusCode, 413);
  assert.match(res.body, /一次最多上传 10 个文件/);
  assert.match(res.body, /<form method="post" action="\/admin\/uploads/, 'the form is there to try again');
  const none = await upload('admin', []);
  assert.equal(none.res.statusCode, 400);
  assert.match(none.res.body, /请选择要上传的文件/);
});

test('a job its server left unfinished is said to be interrupted, and its page stops reloading', async () => {
  const s = await session(t, 'admin');
  await t.store.insertInto('ingest_jobs').values({ id: 'left', status: 'running', files: JSON.stringify([{ name: '旧.txt', status: 'queued' }]), created_by: 'admin', created_at: new Date(Date.now() - 2 * 3600_000).toISOString(), finished_at: null }).execute();
  const page = await s.get('/admin/uploads/left');
  assert.equal(page.headers.refresh, undefined);
  assert.match(page.body, /已中断：已处理 0 \/ 1/);
  assert.match(page.body, /请重新上传未导入的文件/);
});

// Evidence uploads with a progress update: allowed types only, the bytes must match the extension,
// at most 10 MB, stored under a random name; refused uploads leave no update and no file behind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { PASSWORD, csrfToken, testApp, type TestApp } from './helpers.js';
import { createUser } from '../../src/server/auth.js';

const UNIT = '市农牧局';
let t: TestApp;
let taskId: string;
let cookie: string;
let token: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type?: string }) {
  const boundary = `----lantu${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const submit = (file?: { name: string; bytes: Buffer; type?: string }, extra: Record<string, string> = {}) => {
  const m = multipart({ _csrf: token, subject_kind: 'task', subject_id: taskId, unit: UNIT, period: '2025-06', progress: '50', text: '附证明材料', ...extra }, file);
  return t.app.inject({ method: 'POST', url: `/updates?_csrf=${encodeURIComponent(token)}`, headers: { ...m.headers, cookie }, payload: m.payload });
};
const stored = () => (existsSync(t.app.lantu.uploadDir) ? readdirSync(t.app.lantu.uploadDir, { withFileTypes: true }) : []).filter((f) => f.isFile()).map((f) => f.name);
const count = async () => (await t.store.selectFrom('updates').select('id').execute()).length;

before(async () => {
  t = await testApp();
  await createUser(t.store, { username: 'nongmu', displayName: UNIT, password: PASSWORD, role: 'department', units: [UNIT] });
  taskId = (await t.store.selectFrom('task_units').select('task_id').where('unit', '=', UNIT).executeTakeFirstOrThrow()).task_id;
  cookie = await t.login('nongmu');
  token = csrfToken((await t.app.inject({ url: '/notifications', headers: { cookie } })).body);
});
after(() => t.close());

test('a pdf and a docx are stored under random names; the update keeps the user’s name for display', async () => {
  const r = await submit({ name: '../../验收报告.pdf', bytes: PDF, type: 'application/pdf' });
  assert.equal(r.statusCode, 303, r.body);
  const u = await t.store.selectFrom('updates').selectAll().where('evidence_path', 'is not', null).executeTakeFirstOrThrow();
  assert.match(u.evidence_path!, /^[0-9a-f]{32}\.pdf$/);
  assert.equal(u.evidence_name, '验收报告.pdf');
  assert.deepEqual(stored(), [u.evidence_path]);
  assert.deepEqual(readFileSync(`${t.app.lantu.uploadDir}/${u.evidence_path}`), PDF);

  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('验收意见')] }] }));
  assert.equal((await submit({ name: '意见.docx', bytes: docx })).statusCode, 303);
  assert.equal(stored().length, 2);

  // the evidence is served as a download to the unit and to planners, not to another unit
  const dl = await t.app.inject({ url: `/updates/${u.id}/evidence`, headers: { cookie } });
  assert.equal(dl.statusCode, 200);
  assert.equal(dl.headers['content-type'], 'application/pdf');
  assert.match(String(dl.headers['content-disposition']), /^attachment;/);
  assert.deepEqual(dl.rawPayload, PDF);
  assert.equal((await t.app.inject({ url: `/updates/${u.id}/evidence`, headers: { cookie: await t.login('planner') } })).statusCode, 200);
  assert.equal((await t.app.inject({ url: `/updates/${u.id}/evidence`, headers: { cookie: await t.login('dept-other') } })).statusCode, 403);
});

test('a disallowed type, or bytes that do not match the extension, are refused and nothing is stored', async () => {
  const files = stored();
  const n = await count();
  for (const file of [
    { name: 'run.exe', bytes: Buffer.from('MZ\x90\x00') },
    { name: 'page.html', bytes: Buffer.from('<script>alert(1)</script>') },
    { name: 'fake.pdf', bytes: Buffer.from('<script>alert(1)</script>'), type: 'application/pdf' }, // fake magic bytes
    { name: 'photo.jpg', bytes: PNG, type: 'image/jpeg' }, // a png named jpg
    { name: 'sheet.xlsx', bytes: PDF },
    { name: 'archive.docx', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) }, // a zip, not a document
    { name: 'noextension', bytes: PDF },
  ]) {
    const r = await submit(file);
    assert.equal(r.statusCode, 415, file.name);
  }
  assert.deepEqual(stored(), files);
  assert.equal(await count(), n);
});

test('a file over 10 MB is refused, and a form without a file is accepted', async () => {
  const files = stored();
  const n = await count();
  const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
  const r = await submit({ name: 'big.pdf', bytes: big });
  assert.equal(r.statusCode, 413);
  assert.deepEqual(stored(), files);
  assert.equal(await count(), n);
  // an empty file input (the browser sends an empty part without a name) is no evidence
  assert.equal((await submit({ name: '', bytes: Buffer.alloc(0) })).statusCode, 303);
  assert.equal((await submit()).statusCode, 303);
  assert.deepEqual(stored(), files);
});

test('a multipart POST without the CSRF field is refused', async () => {
  const m = multipart({ subject_kind: 'task', subject_id: taskId, unit: UNIT, period: '2025', text: 'x' }, { name: 'a.pdf', bytes: PDF });
  const n = await count();
  assert.equal((await t.app.inject({ method: 'POST', url: '/updates', headers: { ...m.headers, cookie }, payload: m.payload })).statusCode, 403);
  assert.equal(await count(), n);
});

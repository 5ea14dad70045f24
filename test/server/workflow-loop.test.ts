// Departments and the supervision loop: a department user lands on 我的任务 (its tasks with links to the
// document's line, what is due next, what came back from review with the form open); a refused form is
// shown again with the error and what was typed (a refused file too); a message after each action;
// 督办 notices numbered per year (two at once get two numbers), printable, with attachments only their
// readers may download; the issuer is reminded of a reply and mailed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, session, testApp, type TestApp } from './helpers.js';
import { createUser } from '../../src/server/auth.js';
import { localToday } from '../../src/monitor/workflow.js';

const UNIT = '市农牧局';
const YEAR = localToday().slice(0, 4);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let t: TestApp;
let taskId: string;
let taskLine: number;

const as = (username: string) => session(t, username);
const inDays = (n: number) => new Date(Date.parse(`${localToday()}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);

function multipart(fields: Record<string, string>, file?: { field: string; name: string; bytes: Buffer }) {
  const boundary = `----lantu${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
type Session = Awaited<ReturnType<typeof as>>;
const postMultipart = (s: Session, url: string, fields: Record<string, string>, file?: { field: string; name: string; bytes: Buffer }) => {
  const m = multipart({ _csrf: s.token, ...fields }, file);
  return t.app.inject({ method: 'POST', url: `${url}?_csrf=${encodeURIComponent(s.token)}`, headers: { ...m.headers, cookie: s.cookie }, payload: m.payload });
};
/** Follows a 303 with the session's cookie and the flash cookie the redirect set. */
const follow = async (s: Session, res: { headers: Record<string, unknown> }) => {
  const set = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []).map((c) => c.split(';')[0]);
  return t.app.inject({ url: String(res.headers.location), headers: { cookie: [s.cookie, ...set].join('; ') } });
};

before(async () => {
  t = await testApp();
  await createUser(t.store, { username: 'nongmu', displayName: UNIT, password: PASSWORD, role: 'department', units: [UNIT] });
  const task = await t.store.selectFrom('task_units').innerJoin('tasks', 'tasks.id', 'task_units.task_id').select(['tasks.id', 'tasks.line']).where('unit', '=', UNIT).executeTakeFirstOrThrow();
  [taskId, taskLine] = [task.id, task.line];
  // a recurring reporting duty, as the deadline parser writes 每月20日前
  await t.store.updateTable('tasks').set({ deadline_rule: 'monthly:20', deadline_text: '每月20日前', deadline_date: null }).where('id', '=', taskId).execute();
  await t.store.updateTable('users').set({ email: 'duchashi@example.org' }).where('username', '=', 'supervisor').execute();
});
after(() => t.close());

test('a department user lands on 我的任务: its tasks, links to the document line, reporting dates next', async () => {
  const dept = await as('nongmu');
  const root = await dept.get('/');
  assert.equal(root.statusCode, 302);
  assert.equal(root.headers.location, '/my');
  assert.equal((await dept.get('/?view=overview')).statusCode, 200, 'the overview stays reachable');
  const my = await dept.get('/my');
  assert.equal(my.statusCode, 200);
  assert.match(my.body, /<h1>我的任务<\/h1>/);
  const titles = await t.store.selectFrom('tasks').innerJoin('task_units', 'task_units.task_id', 'tasks.id').select('title').where('unit', '=', UNIT).execute();
  for (const { title } of titles) assert.ok(my.body.includes(title), title);
  assert.ok(my.body.includes(`#L${taskLine}"`), 'the task links to its line in the document');
  assert.match(my.body, /接下来要做[\s\S]*每月20日前[\s\S]*定期报送/);
  assert.match(my.body, new RegExp(`href="/updates/new\\?kind=task&amp;id=${encodeURIComponent(taskId)}&amp;unit=`));
  // other roles keep the overview
  assert.equal((await (await as('planner')).get('/')).statusCode, 200);
  // the calendar: this unit's 20ths
  const cal = await dept.get('/calendar');
  assert.match(cal.body, new RegExp(`${inDays(0).slice(0, 4)}-\\d\\d-20`));
});

test('我的任务, the calendar and the reporting form in English: Chinese only in the parts marked lang="zh-CN"', async () => {
  const dept = await as('nongmu');
  for (const url of ['/my?lang=en', '/calendar?lang=en', `/updates/new?kind=task&id=${encodeURIComponent(taskId)}&unit=${encodeURIComponent(UNIT)}&lang=en`]) {
    const body = (await dept.get(url)).body;
    const main = body.slice(body.indexOf('<main'), body.indexOf('</main>'));
    const outside = main.replace(/<span lang="zh-CN">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ' ');
    assert.doesNotMatch(outside, /[\u4e00-\u9fff]/, `${url}: ${outside.match(/.{0,40}[\u4e00-\u9fff].{0,40}/)?.[0]}`);
  }
  assert.match((await dept.get('/my?lang=en')).body, /<h1>My tasks<\/h1>[\s\S]*Next[\s\S]*All tasks \(\d+\)/);
});

test('a refused progress form is shown again with the error and what was typed; success says so', async () => {
  const dept = await as('nongmu');
  const form = { subject_kind: 'task', subject_id: taskId, unit: UNIT, progress: '40', text: '已完成高标准农田1.2万亩', back: '/my' };
  const bad = await postMultipart(dept, '/updates', { ...form, period: '2025年' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.headers['content-type'] as string, /text\/html/);
  assert.match(bad.body, /role="alert">报告期应写作/);
  assert.match(bad.body, /已完成高标准农田1\.2万亩<\/textarea>/);
  assert.match(bad.body, /name="progress"[^>]*value="40"/);
  // a refused file: the page, not plain text, with what was typed
  const file = await postMultipart(dept, '/updates', { ...form, period: '2025' }, { field: 'evidence', name: '验收.pdf', bytes: Buffer.from('not a pdf') });
  assert.equal(file.statusCode, 415);
  assert.match(file.body, /<h1>填报进展<\/h1>/);
  assert.match(file.body, /文件内容与扩展名 \.pdf 不符[\s\S]*已完成高标准农田1\.2万亩<\/textarea>/);
  assert.equal((await t.store.selectFrom('updates').select('id').execute()).length, 0, 'nothing stored');
  // a file over 10 MB: the body is cut off there, the page comes back with what was typed before it
  const big = await postMultipart(dept, '/updates', { ...form, period: '2025' }, { field: 'evidence', name: '大文件.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) });
  assert.equal(big.statusCode, 413);
  assert.match(big.body, /role="alert">证明材料不能超过 10 MB[\s\S]*已完成高标准农田1\.2万亩<\/textarea>/);
  const ok = await postMultipart(dept, '/updates', { ...form, period: '2025' });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/my');
  const landed = await follow(dept, ok);
  assert.match(landed.body, /role="status">✓ 进展已提交，等待规划部门审核/);
  assert.doesNotMatch((await dept.get('/my')).body, /进展已提交/, 'the message is shown once');
});

test('what came back from review: the comment and the form open on 我的任务', async () => {
  const update = await t.store.selectFrom('updates').selectAll().where('subject_id', '=', taskId).executeTakeFirstOrThrow();
  const planner = await as('planner');
  const ret = await planner.post(`/updates/${update.id}/return`, { version: String(update.version), comment: '请补充验收证明' });
  assert.equal(ret.statusCode, 303);
  assert.match((await follow(planner, ret)).body, /✓ 已退回 市农牧局 的进展/);
  const my = (await (await as('nongmu')).get('/my')).body;
  assert.match(my, /退回修改（1）[\s\S]*审核意见：<\/strong>请补充验收证明[\s\S]*action="\/updates\/[^/]+\/resubmit\?_csrf=[\s\S]*已完成高标准农田1\.2万亩<\/textarea>/);
});

test('two notices issued at once get two numbers of the year; the print page is an official document', async () => {
  const sup = await as('supervisor');
  const issue = (text: string) => postMultipart(sup, '/notices', { unit: UNIT, task_id: taskId, text, reply_deadline: inDays(7) });
  const [a, b] = await Promise.all([issue('请说明高标准农田建设进度'), issue('请报送粮食产量数据')]);
  assert.deepEqual([a.statusCode, b.statusCode], [303, 303]);
  const numbers = (await t.store.selectFrom('notices').select('number').execute()).map((n) => n.number).sort();
  assert.deepEqual(numbers, [`督办〔${YEAR}〕1号`, `督办〔${YEAR}〕2号`]);
  const shown = await follow(sup, a);
  assert.match(shown.body, new RegExp(`✓ 已下发 督办〔${YEAR}〕[12]号`));
  const id = String(a.headers.location).split('/').pop()!;
  const print = await sup.get(`/notices/${id}/print`);
  assert.equal(print.statusCode, 200);
  assert.match(print.body, /<html lang="zh-CN">/);
  assert.match(print.body, /@page\{size:A4;margin:37mm 26mm 35mm 28mm\}/);
  assert.match(print.body, /仿宋_GB2312[\s\S]*方正小标宋简体/);
  assert.match(print.body, new RegExp(`督办〔${YEAR}〕[12]号</p><hr class="red">[\\s\\S]*<h1>督办通知</h1>[\\s\\S]*${UNIT}：`));
  assert.match(print.body, /请于\d{4}年\d{1,2}月\d{1,2}日前将办理情况书面回复督查室/);
  assert.equal((await (await as('dept-other')).get(`/notices/${id}/print`)).statusCode, 403);
});

test('attachments: stored, downloadable by the notice\'s unit and supervisors, 403 for another unit', async () => {
  const sup = await as('supervisor');
  const res = await postMultipart(sup, '/notices', { unit: UNIT, text: '请按附件要求报送', reply_deadline: inDays(5) }, { field: 'attachment', name: '督办要求.pdf', bytes: PDF });
  assert.equal(res.statusCode, 303, res.body);
  const id = String(res.headers.location).split('/').pop()!;
  const f = await t.store.selectFrom('notice_files').selectAll().where('notice_id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([f.name, f.part, f.size], ['督办要求.pdf', 'issue', PDF.length]);
  assert.match(f.path, /^[0-9a-f]{32}\.pdf$/);
  const url = `/notices/${id}/files/${f.id}`;
  assert.match((await sup.get(`/notices/${id}`)).body, new RegExp(`href="${url}">督办要求\\.pdf`));
  const own = await (await as('nongmu')).get(url);
  assert.equal(own.statusCode, 200);
  assert.deepEqual(own.rawPayload, PDF);
  assert.match(String(own.headers['content-disposition']), /^attachment;/);
  assert.equal((await (await as('leader')).get(url)).statusCode, 200);
  assert.equal((await (await as('dept-other')).get(url)).statusCode, 403);
  assert.equal((await t.app.inject({ url })).statusCode, 302, 'logged out: to the login page');
  // the notice in English: Chinese only in the parts marked as such
  const en = (await (await as('nongmu')).get(`/notices/${id}?lang=en`)).body;
  const main = en.slice(en.indexOf('<main'), en.indexOf('</main>')).replace(/<span lang="zh-CN">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ' ');
  assert.doesNotMatch(main, /[\u4e00-\u9fff]/, main.match(/.{0,40}[\u4e00-\u9fff].{0,40}/)?.[0]);
  // a refused attachment keeps what was typed
  const bad = await postMultipart(sup, '/notices', { unit: UNIT, text: '第二份督办', reply_deadline: inDays(5) }, { field: 'attachment', name: 'x.exe', bytes: Buffer.from('MZ') });
  assert.equal(bad.statusCode, 415);
  assert.match(bad.body, /附件只接受[\s\S]*第二份督办<\/textarea>/);
});

test('a reply tells the issuer: a reminder in the application and a mail in the outbox', async () => {
  const n = await t.store.selectFrom('notices').selectAll().where('text', '=', '请报送粮食产量数据').executeTakeFirstOrThrow();
  const dept = await as('nongmu');
  const empty = await postMultipart(dept, `/notices/${n.id}/reply`, { version: '1', reply: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /role="alert">请填写回复/);
  const r = await postMultipart(dept, `/notices/${n.id}/reply`, { version: '1', reply: '2025年粮食产量18.9万吨', back: '/my' }, { field: 'attachment', name: '统计表.pdf', bytes: PDF });
  assert.equal(r.statusCode, 303, r.body);
  assert.match((await follow(dept, r)).body, new RegExp(`✓ 已回复 ${n.number}`));
  const sup = await as('supervisor');
  assert.match((await sup.get('/notifications')).body, new RegExp(`督办已回复，待办结</span> <a href="/notices/${n.id}">请报送粮食产量数据`));
  const mail = await t.store.selectFrom('mail_outbox').selectAll().execute();
  assert.equal(mail.length, 1);
  assert.equal(mail[0].to_addr, 'duchashi@example.org');
  assert.equal(mail[0].subject, `【蓝图】${n.number} 已回复 — ${UNIT}`);
  assert.match(mail[0].body, /2025年粮食产量18\.9万吨/);
  assert.equal((await t.store.selectFrom('notice_files').select('part').where('notice_id', '=', n.id).execute())[0].part, 'reply');
});

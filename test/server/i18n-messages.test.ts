// The messages after an action, on an English page, are English: a refused form's error, the flash after
// a submission and after a review, and the error pages of the workflow (403, 404, 409), with the Chinese
// in them (a unit's name) marked lang="zh-CN" — not only the pages the crawl reads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { HAN } from '../../src/web/i18n.js';
import { session, testApp, type TestApp } from './helpers.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** The text of the first element of `cls` with the Chinese parts marked lang="zh-CN" taken out. */
function unmarked(body: string, cls: 'notice' | 'error'): string {
  const m = new RegExp(`<p class="${cls}"[^>]*>([\\s\\S]*?)</p>`).exec(body);
  assert.ok(m, `no ${cls} paragraph in the page`);
  return m[1].replace(/<span lang="zh-CN">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '');
}

async function english(username: string) {
  const s = await session(t, username);
  const cookie = `${s.cookie}; lantu_lang=en`;
  const post = (url: string, form: Record<string, string>, extra = '') =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookie + extra, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: s.token, ...form }).toString() });
  /** The page a 303 leads to, with the flash cookie it set. */
  const follow = async (res: Awaited<ReturnType<typeof post>>) => {
    const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
    return t.app.inject({ url: String(res.headers.location), headers: { cookie: [cookie, ...set].join('; ') } });
  };
  return { post, follow, get: (url: string) => t.app.inject({ url, headers: { cookie } }) };
}

test('a refused form, a submission and a review speak English on English pages', async () => {
  const unit = t.units['dept-edu'];
  const task = (await t.store.selectFrom('task_units').select('task_id').where('unit', '=', unit).executeTakeFirstOrThrow()).task_id;
  const dept = await english('dept-edu');

  const refused = await dept.post('/updates', { subject_kind: 'task', subject_id: task, unit, period: '去年', progress: '50', text: 'x' });
  assert.equal(refused.statusCode, 400);
  assert.match(unmarked(refused.body, 'error'), /Write the period as 2025/);
  assert.doesNotMatch(unmarked(refused.body, 'error'), HAN);

  const bad = await dept.post('/updates', { subject_kind: 'task', subject_id: task, unit, period: '2025', value: 'abc', progress: '50', text: 'x' });
  assert.match(unmarked(bad.body, 'error'), /The value (&#34;|")abc(&#34;|") is not a number/);

  const sent = await dept.post('/updates', { subject_kind: 'task', subject_id: task, unit, period: '2025', progress: '50', text: '完成一半' });
  assert.equal(sent.statusCode, 303);
  const flash = unmarked((await dept.follow(sent)).body, 'notice');
  assert.doesNotMatch(flash, HAN, flash);
  assert.ok(flash.trim().length > 5, flash);

  const id = (await t.store.selectFrom('updates').select('id').where('unit', '=', unit).orderBy('submitted_at', 'desc').executeTakeFirstOrThrow()).id;
  const planner = await english('planner');
  const approved = await planner.post(`/updates/${id}/approve`, { version: '1' });
  assert.equal(approved.statusCode, 303, approved.body.slice(0, 300));
  const page = (await planner.follow(approved)).body;
  assert.match(unmarked(page, 'notice'), /Approved the progress report of/);
  assert.ok(page.includes(`<span lang="zh-CN">${unit}</span>`), "the unit's name is marked Chinese");

  // reviewed once: a second review is a 409 in English
  const again = await planner.post(`/updates/${id}/return`, { version: '1', comment: 'x' });
  assert.equal(again.statusCode, 409);
  assert.doesNotMatch(unmarked(again.body, 'error'), HAN);
});

test('the workflow error pages (403, 404) speak English on English pages', async () => {
  const dept = await english('dept-edu');
  const missing = await dept.get('/notices/no-such-notice');
  assert.equal(missing.statusCode, 404);
  assert.doesNotMatch(unmarked(missing.body, 'error'), HAN);
  assert.doesNotMatch(/<title>([^<]*)<\/title>/.exec(missing.body)![1], HAN);
  const other = t.units['dept-other'];
  const task = (await t.store.selectFrom('task_units').select('task_id').where('unit', '=', other).executeTakeFirstOrThrow()).task_id;
  const denied = await dept.post('/updates', { subject_kind: 'task', subject_id: task, unit: other, period: '2025', progress: '10', text: 'x' });
  assert.equal(denied.statusCode, 403);
  assert.match(unmarked(denied.body, 'error'), /^403 Not allowed/);
});

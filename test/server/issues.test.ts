// Conflicts between statements of one target are found once, in the store: shown on /issues and in every
// status entry, settled by a planner in one action (audited), and the choice survives re-ingest.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { session, testApp, type TestApp } from './helpers.js';
import { rebuild } from '../../src/monitor/refresh.js';
import { evaluate } from '../../src/monitor/evaluate.js';

let t: TestApp;
let place: string;

before(async () => {
  t = await testApp();
  // a second statement of the samples' 2025 GDP growth target of 蓝湖市, entered by hand with another value
  const doc = await t.store.selectFrom('targets').selectAll().where('indicator_id', '=', 'gdp-growth').where('region', '=', '蓝湖市').where('year', '=', 2025).where('source_kind', '!=', 'manual').orderBy('id').executeTakeFirstOrThrow();
  const file = (await t.store.selectFrom('documents').select('file').where('id', '=', doc.document_id!).executeTakeFirstOrThrow()).file;
  place = `${file}:${doc.line}`;
  await t.store.insertInto('targets').values({ ...doc, id: 'manual:conflict', value: (doc.value ?? 0) + 1.5, source_kind: 'manual', source_id: 'manual:conflict', document_id: null, line: null }).execute();
  await rebuild(t.store);
});
after(() => t.close());

const gdp2025 = async () => (await evaluate(t.store, { region: '蓝湖市', indicator: 'gdp-growth', year: 2025, asOf: '2026-11-27' })).filter((r) => r.entry.basis === 'year');

test('a conflict is one entry with its other statement, and one open issue on /issues', async () => {
  const rows = await gdp2025();
  assert.equal(rows.length, 1, 'one entry for the target');
  // the report and the 文件汇编 state the same 5%左右 (two sources of one statement); the hand-entered figure disagrees
  assert.deepEqual(rows[0].entry.conflict?.map((c) => c.value), [5, 5]);
  assert.equal(rows[0].entry.target.sources[0].file, '手工录入', 'a figure entered by hand is authoritative until a person chooses');
  const planner = await session(t, 'planner');
  const page = await planner.get('/issues');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /同一目标的表述不一致/);
  assert.match(page.body, /action="\/issues\/[0-9a-f]+\/settle"/);
  const leader = await session(t, 'leader');
  assert.doesNotMatch((await leader.get('/issues')).body, /\/settle"/, 'leaders read, they do not settle');
  assert.equal((await (await session(t, 'dept-edu')).get('/issues')).statusCode, 403);
});

test('settling chooses the authoritative statement, is audited, and survives a refresh', async () => {
  const issue = await t.store.selectFrom('issues').selectAll().where('kind', '=', 'conflict').where('subject', 'is not', null).where('indicator_id', '=', 'gdp-growth').executeTakeFirstOrThrow();
  const planner = await session(t, 'planner');
  const wrong = await planner.post(`/issues/${issue.id}/settle`, { choose: 'nowhere.txt:1' });
  assert.equal(wrong.statusCode, 400);
  const res = await planner.post(`/issues/${issue.id}/settle`, { choose: place });
  assert.equal(res.statusCode, 303);
  const chosen = async () => (await gdp2025())[0].entry;
  assert.equal(`${(await chosen()).target.sources[0].file}:${(await chosen()).target.sources[0].line}`, place);
  assert.match((await chosen()).authority ?? '', /人工核定/);
  const log = await t.store.selectFrom('audit_log').selectAll().where('action', '=', 'issue-settle').where('entity_id', '=', issue.id).execute();
  assert.equal(log.length, 1);
  await rebuild(t.store);
  const again = await t.store.selectFrom('issues').selectAll().where('id', '=', issue.id).executeTakeFirstOrThrow();
  assert.equal(again.status, 'settled');
  assert.equal(`${(await chosen()).target.sources[0].file}:${(await chosen()).target.sources[0].line}`, place);
  const dept = await session(t, 'dept-edu');
  assert.equal((await dept.post(`/issues/${issue.id}/settle`, { choose: place })).statusCode, 403);
});

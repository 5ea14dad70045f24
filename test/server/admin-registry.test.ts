// The indicator registry edited in the browser: planners and administrators only; a new synonym links the
// figures that bear it at once (the derived data is rebuilt), a new direction reaches the indicators the
// statuses are judged from, the edit survives another rebuild and is audited; a synonym of another
// indicator is refused in the page with what was typed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { session, testApp, type TestApp } from './helpers.js';
import { refresh } from '../../src/monitor/refresh.js';
import { getState, STATUS_GENERATION } from '../../src/store/state.js';
import { useEdits } from '../../src/monitor/registry.js';

let t: TestApp;
let fact: string;
before(async () => {
  t = await testApp();
  // a target figure of the samples written “投资 … 亿元”, which the registry does not know
  fact = (await t.store.selectFrom('facts').select('id').where('metric', '=', '投资').where('unit', '=', '亿元').executeTakeFirstOrThrow()).id;
});
after(async () => {
  useEdits([]); // the registry of this process as the vocabulary has it, for other tests
  await t.close();
});

const link = async () => (await t.store.selectFrom('links').selectAll().where('subject_id', '=', fact).executeTakeFirst())?.indicator_id;

test('only planners and administrators edit the registry', async () => {
  for (const who of ['dept-edu', 'supervisor', 'leader']) {
    const s = await session(t, who);
    assert.equal((await s.get('/admin/registry')).statusCode, 403, who);
    assert.equal((await s.post('/admin/registry/fixed-investment', { name: '固定资产投资', synonyms: '投资', direction: 'higher' })).statusCode, 403, who);
  }
  assert.equal(await link(), undefined);
});

test('a synonym added in the browser links its figures at once, and stays across rebuilds', async () => {
  const planner = await session(t, 'planner');
  const list = await planner.get('/admin/registry?q=固定资产');
  assert.match(list.body, /href="\/admin\/registry\/fixed-investment"/);
  const form = await planner.get('/admin/registry/fixed-investment');
  const synonyms = /<textarea[^>]*>([^<]*)<\/textarea>/.exec(form.body)![1];
  const generation = await getState(t.store, STATUS_GENERATION);
  const res = await planner.post('/admin/registry/fixed-investment', { name: '固定资产投资', synonyms: `${synonyms}\n投资`, direction: 'higher' });
  assert.equal(res.statusCode, 303);
  assert.match((await planner.get(res.headers.location as string)).body, /已保存指标/);
  assert.equal(await link(), 'fixed-investment', 'the figure is linked');
  const derived = [...(await t.store.selectFrom('targets').select('indicator_id').where('source_id', '=', fact).execute()), ...(await t.store.selectFrom('actuals').select('indicator_id').where('source_id', '=', fact).execute())];
  assert.deepEqual([...new Set(derived.map((d) => d.indicator_id))], ['fixed-investment'], 'its target or actual is derived under the indicator');
  assert.notEqual(await getState(t.store, STATUS_GENERATION), generation, 'the statuses are judged again');
  const stored = JSON.parse((await t.store.selectFrom('indicators').select('synonyms').where('id', '=', 'fixed-investment').executeTakeFirstOrThrow()).synonyms);
  assert.ok(stored.includes('投资'));
  useEdits([]); // another process that has not read the edits yet
  await refresh(t.store);
  assert.equal(await link(), 'fixed-investment', 'a rebuild reads the edits from the store');
  const [entry] = await t.store.selectFrom('audit_log').selectAll().where('action', '=', 'indicator-edit').execute();
  assert.equal(entry.username, 'planner');
  assert.ok(JSON.parse(entry.after!).synonyms.includes('投资'));
});

test('the direction edited is the one statuses are judged by', async () => {
  const admin = await session(t, 'admin');
  assert.equal((await admin.post('/admin/registry/fixed-investment', { name: '固定资产投资', synonyms: '投资', direction: 'lower' })).statusCode, 303);
  assert.equal((await t.store.selectFrom('indicators').select('direction').where('id', '=', 'fixed-investment').executeTakeFirstOrThrow()).direction, 'lower');
});

test('a name of another indicator, or no direction, is refused in the page', async () => {
  const admin = await session(t, 'admin');
  const clash = await admin.post('/admin/registry/fixed-investment', { name: '固定资产投资', synonyms: '投资\n地区生产总值', direction: 'higher' });
  assert.equal(clash.statusCode, 400);
  assert.match(clash.body, /“地区生产总值”已是指标“地区生产总值”（gdp）的名称或同义词/);
  assert.match(clash.body, />投资\n地区生产总值<\/textarea>/, 'what was typed is kept');
  const none = await admin.post('/admin/registry/fixed-investment', { name: '固定资产投资', synonyms: '', direction: '' });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /请选择指标方向/);
  assert.equal((await admin.post('/admin/registry/no-such', { name: 'x', synonyms: '', direction: 'higher' })).statusCode, 404);
});

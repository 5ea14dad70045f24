// The kept pages (server/page-cache.ts): a page asked again before the store changes is served from what
// was kept; any write — through the server's own store, or by another connection or server on the same
// store (the CLI ingesting, a second `lantu serve`) — is seen by the next request; what one viewer or
// language was shown is never served to another; the header around a kept body is each request's own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../src/store/db.js';
import { postgresAvailable, postgresStore } from '../store/stores.js';
import { buildApp } from '../../src/server/app.js';
import { ingestPaths } from '../../src/cli/ingest.js';
import { csrfToken, samplesDir, session, testApp, type TestApp } from './helpers.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));

test('a page asked again before any write is served from what was kept, with its own header', async () => {
  const planner = await session(t, 'planner');
  const first = await planner.get('/');
  const { hits } = t.app.pages.stats;
  const second = await planner.get('/');
  assert.equal(t.app.pages.stats.hits, hits + 1, 'the second request is a hit');
  assert.equal(main(second.body), main(first.body));
  // the header is the request's: another session of the same user gets a CSRF token of its own, good for its logout
  const again = await session(t, 'planner');
  const third = await again.get('/');
  assert.equal(main(third.body), main(first.body));
  const logout = await t.app.inject({ method: 'POST', url: '/logout', headers: { cookie: again.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrfToken(third.body))}` });
  assert.equal(logout.statusCode, 303);
});

test("what a planner was shown is not served to a department user, nor one language's page to the other", async () => {
  const other = await session(t, 'dept-other');
  const task = (await t.store.selectFrom('task_units').select('task_id').where('unit', '=', t.units['dept-other']).executeTakeFirstOrThrow()).task_id;
  assert.equal((await other.post('/updates', { subject_kind: 'task', subject_id: task, unit: t.units['dept-other'], period: '2025', progress: '41', text: '待审核的进展' })).statusCode, 303);
  // both logged in first: a login is a write, after which nothing kept would be served anyway
  const planner = await session(t, 'planner');
  const dept = await session(t, 'dept-edu');
  assert.match((await planner.get('/?view=overview')).body, /41%/);
  assert.doesNotMatch((await dept.get('/?view=overview')).body, /41%/, "the planner's kept overview is not the department's");

  const below = (body: string) => main(body).slice(main(body).indexOf('</h1>'));
  const zh = await t.app.inject({ url: '/public/plans' });
  const en = await t.app.inject({ url: '/public/plans', headers: { cookie: 'lantu_lang=en' } });
  assert.match(below(zh.body), /搜索|文件/);
  assert.notEqual(below(en.body), below(zh.body), "the Chinese page's body is not served to an English reader");
});

/** The public plan list before and after another connection renames a document. */
async function seenAcrossConnections(app: TestApp['app'], store: Store, other: Store): Promise<void> {
  const before = (await app.inject({ url: '/public/plans' })).body;
  assert.equal(main((await app.inject({ url: '/public/plans' })).body), main(before));
  const doc = await other.selectFrom('documents').select(['id', 'title']).orderBy('id').executeTakeFirstOrThrow();
  assert.ok(!before.includes('改过名的文件'));
  await other.updateTable('documents').set({ title: '改过名的文件' }).where('id', '=', doc.id).execute();
  assert.match((await app.inject({ url: '/public/plans' })).body, /改过名的文件/, 'a write by another connection is seen by the next request');
  // and a write through the server's own store
  await store.updateTable('documents').set({ title: '又改过名的文件' }).where('id', '=', doc.id).execute();
  assert.match((await app.inject({ url: '/public/plans' })).body, /又改过名的文件/, "a write through the server's own store is seen by the next request");
}

test('a write by another connection to the embedded store (the CLI) or through the server is seen by the next request', async () => {
  const other = await openStore({ url: '', dataDir: dirname(t.store.location) });
  try {
    await seenAcrossConnections(t.app, t.store, other);
  } finally {
    await other.destroy();
  }
});

const skip = !(await postgresAvailable()) && !process.env.CI && 'PostgreSQL not reachable: kept pages across servers not tested';
test('a write by another server on the same PostgreSQL database is seen by the next request', { skip }, async () => {
  const first = await postgresStore();
  const other = await openStore({ url: first.url });
  const app = await buildApp({ store: first.store, uploadDir: mkdtempSync(join(tmpdir(), 'lantu-up-')), cookieSecret: 'test-secret-at-least-32-characters-long' });
  try {
    await ingestPaths(first.store, [samplesDir]);
    await seenAcrossConnections(app, first.store, other);
  } finally {
    await app.close();
    await other.destroy();
    await first.close();
  }
});

// The search index on every store: written when documents are stored (no search needed first), in
// step after a document is deleted and its file ingested again, filled from documents stored before
// 010_search and after a restore; lines come a page at a time in file and line order with their count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { ingestPaths } from '../../src/cli/ingest.js';
import { search } from '../../src/server/search.js';
import { backup, restore } from '../../src/store/backup.js';
import { analyze, DERIVED_TABLES, openStore, STORED_TABLES, type Store } from '../../src/store/db.js';
import { migrations } from '../../src/store/migrations.js';
import { sqliteStore, storeKinds } from '../store/stores.js';
import { samplesDir } from './helpers.js';

const REPORT = join(samplesDir, '01-蓝湖市2025年政府工作报告.txt');
const PLAN = join(samplesDir, '02-蓝湖市十五五规划纲要.txt');

/** The non-blank lines of the stored documents that contain `term`, computed from the stored text, in order. */
async function expectedLines(store: Store, term: string): Promise<string[]> {
  const docs = await store.selectFrom('documents').innerJoin('sources', 'sources.content_hash', 'documents.content_hash')
    .select(['documents.id', 'documents.line_first', 'documents.line_last', 'sources.text']).orderBy('documents.file').orderBy('documents.seq').execute();
  return docs.flatMap((d) => d.text.split('\n').map((t, i) => [i + 1, t.replace(/\r$/, '')] as const)
    .filter(([n, t]) => n >= d.line_first && n <= d.line_last && t.trim() && t.toLowerCase().includes(term.toLowerCase()))
    .map(([n]) => `${d.id}:${n}`));
}

const indexed = async (store: Store) => Number((await store.selectFrom('search_lines').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: lines are indexed when stored, and follow a document deleted and its file ingested again`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [REPORT, PLAN]);
      // written at ingest, before any search
      const stored = await indexed(store);
      assert.ok(stored > 100, `${stored} lines indexed at ingest`);
      if (kind === 'sqlite') {
        const fts = await sql<{ n: number }>`SELECT count(*) AS n FROM search_lines_fts WHERE search_lines_fts MATCH ${'"湖滨植被"'}`.execute(store);
        assert.ok(fts.rows[0].n > 0, 'the trigram index holds the lines');
      }
      const before = await search(store, '湖滨植被');
      assert.ok(before.total > 0 && before.groups.lines.every((h) => h.text.includes('湖滨植被')));
      // delete the plan (its source, and with it its documents): its lines leave the index
      const plan = await store.selectFrom('documents').select(['content_hash']).where('file', 'like', '%规划纲要%').executeTakeFirstOrThrow();
      await store.deleteFrom('sources').where('content_hash', '=', plan.content_hash).execute();
      assert.equal((await search(store, '湖滨植被')).total, 0);
      assert.equal((await search(store, '湖滨')).total, (await expectedLines(store, '湖滨')).length, 'the 2-character path too');
      assert.ok((await indexed(store)) < stored);
      if (kind === 'sqlite') await sql`INSERT INTO search_lines_fts (search_lines_fts) VALUES ('integrity-check')`.execute(store);
      // ingested again: the same lines, once each
      await ingestPaths(store, [PLAN]);
      assert.equal(await indexed(store), stored);
      const again = await search(store, '湖滨植被');
      assert.equal(again.total, before.total);
      assert.deepEqual(again.groups.lines.map((h) => h.line), before.groups.lines.map((h) => h.line));
      // the same file once more changes nothing
      await ingestPaths(store, [PLAN]);
      assert.equal(await indexed(store), stored);
    } finally {
      await close();
    }
  });

  test(`${kind}: lines come a page at a time, in file and line order, with their count`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [samplesDir]);
      for (const q of ['发展', '生态保护', 'GDP']) {
        const want = await expectedLines(store, q);
        const first = await search(store, q, 7, 1);
        assert.equal(first.total, want.length, `${q}: count`);
        assert.equal(first.pages, Math.ceil(want.length / 7));
        const got: string[] = [];
        for (let p = 1; p <= first.pages; p++) {
          const r = await search(store, q, 7, p);
          assert.equal(r.page, p);
          assert.ok(r.groups.lines.length <= 7);
          if (p > 1) assert.equal(r.groups.facts.length + r.groups.tasks.length + r.groups.documents.length, 0, 'other kinds on page 1 only');
          got.push(...r.groups.lines.map((h) => `${h.documentId}:${h.line}`));
        }
        assert.deepEqual(got, want, `${q}: every line once, in order`);
      }
      const beyond = await search(store, '发展', 7, 10_000);
      assert.equal(beyond.page, beyond.pages, 'a page beyond the last shows the last');
      assert.ok(beyond.groups.lines.length > 0);
    } finally {
      await close();
    }
  });

  test(`${kind}: a common term (hundreds of lines) pages in file and line order too`, async () => {
    // on PostgreSQL more than 500 matching lines are paged by walking the documents in order
    const dir = mkdtempSync(join(tmpdir(), 'lantu-common-'));
    for (const k of [3, 1, 2])
      writeFileSync(join(dir, `${k}-青禾县工作报告.txt`), [`青禾县第${k}号报告`, ...Array.from({ length: 300 }, (_, i) => (i % 3 ? `第${i}项：推进乡村振兴常用工作。` : `第${i}项：其他事项。`))].join('\n\n'));
    const { store, close } = await open();
    try {
      await ingestPaths(store, [dir]);
      // as after a bulk load of a thousand documents or more: PostgreSQL's statistics renewed, other plans chosen
      await analyze(store, [...STORED_TABLES, ...DERIVED_TABLES]);
      const want = await expectedLines(store, '常用工作');
      assert.ok(want.length > 500, `${want.length} lines`);
      const got: string[] = [];
      for (let p = 1, pages = 1; p <= pages; p++) {
        const r = await search(store, '常用工作', 50, p);
        pages = r.pages;
        got.push(...r.groups.lines.map((h) => `${h.documentId}:${h.line}`));
      }
      assert.deepEqual(got, want);
    } finally {
      await close();
    }
  });
}

test('sqlite: documents stored before 010_search are indexed by the migration, the old lazy index dropped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-search-migrate-'));
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(join(dir, 'lantu.db')) }) });
  const { error } = await new Migrator({ db, provider: migrations }).migrateTo('008_statuses');
  assert.ifError(error);
  const text = '标题\r\n\r\n  \n第一行写城镇新增就业\n第二行\\n "引号" 与\t制表\n不在文件内的城镇新增就业';
  await db.insertInto('sources').values({ content_hash: 'h', file: 'a.txt', format: 'txt', encoding: null, text, ingested_at: '2025-01-01' }).execute();
  await db.insertInto('documents').values({ id: 'd', content_hash: 'h', seq: 0, file: 'a.txt', title: '标题', line_first: 1, line_last: 5, record: '{}' }).execute();
  await sql`CREATE VIRTUAL TABLE search_lines USING fts5(document_id UNINDEXED, line UNINDEXED, text, tokenize='trigram')`.execute(db);
  await db.destroy();
  const store = await openStore({ url: '', dataDir: dir });
  try {
    const rows = await store.selectFrom('search_lines').select(['line', 'text']).orderBy('line').execute();
    assert.deepEqual(rows, [{ line: 1, text: '标题' }, { line: 4, text: '第一行写城镇新增就业' }, { line: 5, text: '第二行\\n "引号" 与\t制表' }]);
    const r = await search(store, '城镇新增就业');
    assert.deepEqual(r.groups.lines.map((h) => h.line), [4]);
    assert.deepEqual((await search(store, '"引号"')).groups.lines.map((h) => h.line), [5]);
  } finally {
    await store.destroy();
  }
});

test('sqlite: a restored store is searchable (the index is written by the restore)', async () => {
  const a = await sqliteStore();
  const b = await sqliteStore();
  try {
    await ingestPaths(a.store, [REPORT]);
    const file = join(mkdtempSync(join(tmpdir(), 'lantu-search-backup-')), 'b.json.gz');
    await backup(a.store, file);
    await restore(b.store, file);
    const [x, y] = [await search(a.store, '城镇新增就业'), await search(b.store, '城镇新增就业')];
    assert.ok(x.total > 0);
    assert.deepEqual(y.groups.lines, x.groups.lines);
  } finally {
    await a.close();
    await b.close();
  }
});

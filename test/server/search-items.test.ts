// What search finds besides lines: documents and projects come from their narrow rows (search_items),
// written at ingest, deleted with their document and written again for stored documents (migration,
// restore); on PostgreSQL the groups and the 2-character lines are narrowed by bigram indexes. Every group
// must equal what a plain scan of the stored records finds, in the same order, on both stores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ingestPaths } from '../../src/cli/ingest.js';
import type { DocumentRecord } from '../../src/model/records.js';
import { search } from '../../src/server/search.js';
import { backup, restore } from '../../src/store/backup.js';
import type { Store } from '../../src/store/db.js';
import { bigrams } from '../../src/store/search-bigrams.js';
import { documentItems, indexStoredItems } from '../../src/store/search-items.js';
import { contentHash, storeFiles } from '../../src/store/ingest.js';
import { extract } from '../../src/extract/index.js';
import { readSource } from '../../src/read/index.js';
import { structure } from '../../src/structure/index.js';
import { storeKinds } from '../store/stores.js';
import { samplesDir } from './helpers.js';

/** Documents and projects matching every term, found by reading every stored record, in the documents' order. */
async function scanned(store: Store, terms: string[]) {
  const docs = await store.selectFrom('documents').selectAll().orderBy('file').orderBy('seq').execute();
  const has = (hay: string) => terms.every((t) => hay.toLowerCase().includes(t.toLowerCase()));
  const items = docs.flatMap((d) => documentItems({ ...d, projects: (JSON.parse(d.record) as DocumentRecord).projects ?? [] }));
  return {
    documents: items.filter((i) => i.kind === 'document' && has(i.hay)).map((i) => `${i.document_id}:${i.line}`),
    projects: items.filter((i) => i.kind === 'project' && has(i.hay)).map((i) => `${i.document_id}:${i.line}:${i.label}`),
  };
}

const TERMS = ['生态', '工程', '湖滨植被', '蓝湖 工程', '燃气 改造', '政府', '2025', 'gdp', '%', '长江'];

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: documents and projects found are those of the stored records, in order, at every page size`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [samplesDir]);
      const written = await store.selectFrom('search_items').select(['kind']).execute();
      assert.ok(written.filter((i) => i.kind === 'project').length >= 3, 'projects written at ingest');
      for (const q of TERMS) {
        const want = await scanned(store, q.split(' '));
        // a limit of 3: a common term fills the group from the first rows in order, a rare one does not
        for (const limit of [3, 50]) {
          const got = await search(store, q, limit);
          assert.deepEqual(got.groups.documents.map((h) => `${h.documentId}:${h.line}`), want.documents.slice(0, limit), `${q}: documents (${limit})`);
          assert.deepEqual(got.groups.projects.map((h) => `${h.documentId}:${h.line}:${h.label}`), want.projects.slice(0, limit), `${q}: projects (${limit})`);
        }
      }
      assert.ok((await scanned(store, ['工程'])).projects.length > 3, 'the test asks a term with more projects than the smaller page');

      // deleted with their document; written again for stored documents that have none (migration, restore)
      const before = await store.selectFrom('search_items').select(['document_id', 'kind', 'seq', 'hay']).orderBy('document_id').orderBy('kind').orderBy('seq').execute();
      const plan = await store.selectFrom('documents').select('content_hash').where('file', 'like', '%规划纲要%').executeTakeFirstOrThrow();
      await store.deleteFrom('sources').where('content_hash', '=', plan.content_hash).execute();
      assert.equal((await search(store, '湖滨植被')).groups.projects.length, 0, 'the deleted plan\'s projects are gone');
      await store.deleteFrom('search_items').execute();
      await indexStoredItems(store);
      await ingestPaths(store, [samplesDir]);
      const after = await store.selectFrom('search_items').select(['document_id', 'kind', 'seq', 'hay']).orderBy('document_id').orderBy('kind').orderBy('seq').execute();
      assert.deepEqual(after, before);

      // a restored store finds the same projects
      const file = join(mkdtempSync(join(tmpdir(), 'lantu-items-')), 'b.json.gz');
      await backup(store, file);
      const other = await open();
      try {
        await restore(other.store, file);
        assert.deepEqual((await search(other.store, '湖滨 工程')).groups.projects, (await search(store, '湖滨 工程')).groups.projects);
        assert.ok((await search(other.store, '湖滨 工程')).groups.projects.length > 0);
      } finally {
        await other.close();
      }
    } finally {
      await close();
    }
  });

  test(`${kind}: a batch of files where one fails at writing keeps the others' items and none of the failed one's`, async () => {
    const { store, close } = await open();
    try {
      const paths = ['01-蓝湖市2025年政府工作报告.txt', '02-蓝湖市十五五规划纲要.txt', '03-蓝湖市政府文件汇编2025年3月.txt'].map((f) => join(samplesDir, f));
      const files = await Promise.all(paths.map(async (p) => ({ file: extract(structure(await readSource(p))), contentHash: await contentHash(p) })));
      // the bundle of several documents fails at its third, after the first two were written
      const bundle = files[2].file;
      assert.ok(bundle.documents.length >= 3);
      files[2].file = { ...bundle, documents: bundle.documents.map((d, i) => (i === 2 ? { ...d, record: { ...d.record, title: null as unknown as string } } : d)) };
      [files[1], files[2]] = [files[2], files[1]];
      const out = await storeFiles(store, files);
      assert.deepEqual(out.map((o) => o.status), ['stored', 'failed', 'stored']);
      const docs = (await store.selectFrom('documents').select('id').execute()).map((d) => d.id).sort();
      const items = await store.selectFrom('search_items').select(['document_id', 'kind']).execute();
      assert.deepEqual([...new Set(items.map((i) => i.document_id))].sort(), docs, 'an item for every stored document, none for the failed file');
      assert.equal(items.filter((i) => i.kind === 'document').length, docs.length);
    } finally {
      await close();
    }
  });

  if (kind === 'postgres')
    test('postgres: a rare 2-character term is found through the bigram indexes, not by a scan', async () => {
      const { store, close } = await open();
      try {
        await ingestPaths(store, [samplesDir]);
        const plan = async (q: string) => (await sql<{ 'QUERY PLAN': string }>`${sql.raw(`EXPLAIN ${q}`)}`.execute(store)).rows.map((r) => r['QUERY PLAN']).join('\n');
        const rare = `lantu_bigrams(lower(text)) @> ARRAY['${bigrams('湖滨').join("','")}']::text[] AND text LIKE '%湖滨%'`;
        await sql`SET enable_seqscan = off`.execute(store); // a small store: ask whether the index can answer at all
        assert.match(await plan(`SELECT id FROM search_lines WHERE ${rare}`), /search_lines_bigrams/);
        assert.match(await plan(`SELECT id FROM facts WHERE lantu_bigrams(lower(metric || E'\\n' || quote)) @> ARRAY['增长']::text[]`), /facts_bigrams/);
        assert.match(await plan(`SELECT id FROM search_items WHERE lantu_bigrams(lower(hay)) @> ARRAY['工程']::text[]`), /search_items_bigrams/);
        assert.deepEqual(bigrams('GDP增长'), ['gd', 'dp', 'p增', '增长']);
        // the function holds every bigram of a text, short (by position) or long (by pairs at even and odd offsets)
        for (const text of ['长江', '长江经济带', `${'推进生态保护和高质量发展，'.repeat(12)}长江经济带`, `${'a'.repeat(81)}长江 b`]) {
          const r = await sql<{ ok: boolean; n: number }>`SELECT lantu_bigrams(lower(${text})) @> ${bigrams(text)}::text[] AS ok, cardinality(lantu_bigrams(${text})) AS n`.execute(store);
          assert.ok(r.rows[0].ok, `${[...text].length} characters`);
        }
        assert.equal((await sql<{ n: number }>`SELECT cardinality(lantu_bigrams('长')) AS n`.execute(store)).rows[0].n, 0);
        assert.deepEqual(bigrams('县'), []);
      } finally {
        await close();
      }
    });
}

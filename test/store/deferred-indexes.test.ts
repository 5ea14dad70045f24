// A bulk load on PostgreSQL sets the search indexes aside and builds them once after it; a small load
// keeps them; a load killed between the two leaves a record from which the next ingest or server start
// builds them; and search finds the same while they are away as when they are there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ingestPaths } from '../../src/cli/ingest.js';
import { prepareStore } from '../../src/cli/serve.js';
import { search } from '../../src/server/search.js';
import type { Store } from '../../src/store/db.js';
import { bigramIndexed, DEFERRABLE, DEFERRED_INDEXES, deferIndexes } from '../../src/store/deferred-indexes.js';
import { BIGRAMS_FUNCTION } from '../../src/store/search-bigrams.js';
import { getState, setState } from '../../src/store/state.js';
import { generateCountry } from '../../bench/country.js';
import { postgresAvailable, postgresStore } from './stores.js';
import { samplesDir } from '../server/helpers.js';

const TERMS = ['生产总值', '长江', '增长', '湖滨植被', '蓝湖 工程', '城镇化率', '生态'];

/** The search indexes present: name → [oid, definition without the schema]. A rebuilt index has a new oid. */
async function indexes(store: Store): Promise<Map<string, [number, string]>> {
  const r = await sql<{ name: string; oid: number; def: string }>`SELECT i.indexname AS name, to_regclass(i.indexname)::oid::int AS oid,
    replace(i.indexdef, i.schemaname || '.', '') AS def FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.indexname = ANY(${DEFERRABLE}::text[]) ORDER BY 1`.execute(store);
  return new Map(r.rows.map((x) => [x.name, [x.oid, x.def]]));
}

const found = async (store: Store) => Promise.all(TERMS.map(async (q) => ({ q, ...(await search(store, q, 5)) })));

const available = await postgresAvailable();
const skip = available ? false : 'no PostgreSQL server reachable (LANTU_TEST_DATABASE_URL or 127.0.0.1:5432)';

test('postgres: a bulk load builds the search indexes after it, a small one keeps them, and search finds the same', { skip }, async () => {
  const docs = join(mkdtempSync(join(tmpdir(), 'lantu-bulk-')), 'docs');
  generateCountry(docs, 12);
  const a = await postgresStore();
  const b = await postgresStore();
  try {
    const made = await indexes(a.store);
    assert.equal(made.size, DEFERRABLE.length, 'the migrations create every search index');
    // a: 12 files from 4 a bulk load; b: the same files with the indexes kept current row by row
    const seen: Array<Promise<ReadonlySet<string>>> = [];
    const steps: string[] = [];
    await ingestPaths(a.store, [docs], () => void seen.push(bigramIndexed(a.store)), { bulkFrom: 4, onStep: (s) => steps.push(s) });
    assert.deepEqual(steps, ['indexes', 'derive', 'statuses'], 'the user is told of each step after the files');
    await ingestPaths(b.store, [docs]);
    assert.equal((await seen[0]).size, 0, 'the indexes are away during the load');
    const built = await indexes(a.store);
    assert.deepEqual([...built.values()].map((x) => x[1]), [...made.values()].map((x) => x[1]), 'built again as they were defined');
    assert.ok([...built.keys()].every((n) => built.get(n)![0] !== made.get(n)![0]), 'every one built anew');
    assert.equal(await getState(a.store, DEFERRED_INDEXES), undefined, 'no record left');
    assert.equal((await bigramIndexed(a.store)).size, 4);
    assert.deepEqual(await found(a.store), await found(b.store));

    // three files into twelve documents: building every index again would cost more than it saves
    steps.length = 0;
    await ingestPaths(a.store, [samplesDir], undefined, { bulkFrom: 2, onStep: (s) => steps.push(s) });
    assert.deepEqual(steps, ['derive', 'statuses']);
    assert.deepEqual(await indexes(a.store), built, 'a small load keeps the indexes');
    await ingestPaths(b.store, [samplesDir]);
    const want = await found(b.store);
    assert.ok(want.some((r) => r.groups.projects.length) && want.some((r) => r.groups.facts.length) && want.some((r) => r.total > 0));
    assert.deepEqual(await found(a.store), want);
  } finally {
    await a.close();
    await b.close();
  }
});

test('postgres: indexes a killed load left aside are built by the next ingest or server start, and search meanwhile finds the same', { skip }, async () => {
  const { store, close } = await postgresStore();
  try {
    await ingestPaths(store, [samplesDir]);
    const want = await found(store);
    const before = await indexes(store);
    // the load's first step, and no second: killed
    assert.deepEqual((await deferIndexes(store)).sort(), [...DEFERRABLE].sort());
    assert.equal((await indexes(store)).size, 0);
    assert.ok(await getState(store, DEFERRED_INDEXES), 'their definitions recorded');
    assert.equal((await bigramIndexed(store)).size, 0);
    // and without computing any row's bigrams, which a query asking a missing index would do for each
    await sql`CREATE OR REPLACE FUNCTION lantu_bigrams(t text) RETURNS text[] IMMUTABLE LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'bigrams asked'; END $$`.execute(store);
    assert.deepEqual(await found(store), want, 'found by scans while the indexes are away');
    await BIGRAMS_FUNCTION.execute(store);

    // an ingest that stores nothing still builds them
    const out = await ingestPaths(store, [samplesDir]);
    assert.ok(out.every((o) => o.status === 'unchanged'));
    const again = await indexes(store);
    assert.deepEqual([...again.values()].map((x) => x[1]), [...before.values()].map((x) => x[1]));
    assert.equal(await getState(store, DEFERRED_INDEXES), undefined);

    // and so does a server's start
    await deferIndexes(store);
    const said: string[] = [];
    await prepareStore(store, (l) => said.push(l));
    assert.equal((await indexes(store)).size, DEFERRABLE.length);
    assert.match(said.join('\n'), /search indexes a bulk load left aside: .*search_lines_trgm/);
    assert.deepEqual(await found(store), want);
    // nothing recorded: nothing to build
    await prepareStore(store, (l) => said.push(l));
    assert.equal(said.filter((l) => /left aside/.test(l)).length, 1);
  } finally {
    await close();
  }
});

test('postgres: an index that cannot be built does not stop the others, nor the derivation of what was stored; its record stays', { skip }, async () => {
  const { store, close } = await postgresStore();
  try {
    await deferIndexes(store);
    // one definition that cannot be built, as after a disk filled up
    const record = JSON.parse((await getState(store, DEFERRED_INDEXES))!) as { token: string; defs: Record<string, string> };
    record.defs.search_lines_trgm = 'CREATE INDEX search_lines_trgm ON no_such_table (x)';
    await setState(store, DEFERRED_INDEXES, JSON.stringify(record));
    const warned: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => warned.push(String(s)) > 0) as typeof process.stderr.write;
    let out;
    try {
      out = await ingestPaths(store, [samplesDir]);
    } finally {
      process.stderr.write = write;
    }
    assert.ok(out.every((o) => o.status === 'stored'));
    assert.ok((await store.selectFrom('targets').select('id').limit(1).execute()).length, 'what was stored is derived');
    assert.match(warned.join(''), /search indexes could not be built \(search_lines_trgm: .*no_such_table/);
    assert.deepEqual([...(await indexes(store)).keys()].sort(), DEFERRABLE.filter((n) => n !== 'search_lines_trgm').sort(), 'the others are built');
    assert.ok(await getState(store, DEFERRED_INDEXES), 'the record stays for a later build');
    const said: string[] = [];
    await prepareStore(store, (l) => said.push(l));
    assert.match(said.join('\n'), /could not be built/, 'a server starts all the same, and says so');
  } finally {
    await close();
  }
});

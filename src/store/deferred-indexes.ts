// Search indexes set aside during a bulk load on PostgreSQL. Keeping the five GIN indexes of search
// (pg_trgm on the lines, bigrams on lines, items, facts and tasks) current row by row cost a tenth to a
// quarter of a 30,000-document load, depending on the machine; building them once after it costs about
// 8 s. `deferIndexes` records their definitions in store_state and drops them; `restoreIndexes` builds
// what is recorded and clears the record. A load killed in between leaves the record: the next ingest or
// server start builds them. While they are away search still answers, by scans: server/search.ts asks
// `bigramIndexed` before it asks an index.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from './db.js';
import { BIGRAMMED_TABLES, type Bigrammed } from './search-bigrams.js';
import { getState, setState } from './state.js';

/** The store_state key holding the definitions of the indexes set aside: {token, defs: {name: CREATE INDEX …}}. */
export const DEFERRED_INDEXES = 'deferred_indexes';

/** The indexes a bulk load sets aside: those of search, which only search reads. */
export const DEFERRABLE = ['search_lines_trgm', ...BIGRAMMED_TABLES.map((t) => `${t}_bigrams`)];

interface Deferred {
  token: string;
  defs: Record<string, string>;
}

async function recorded(store: Store): Promise<{ raw: string; value: Deferred } | undefined> {
  const raw = await getState(store, DEFERRED_INDEXES);
  return raw ? { raw, value: JSON.parse(raw) as Deferred } : undefined;
}

/**
 * Drops the search indexes of a PostgreSQL store, their definitions recorded first (so that a kill after
 * the record and before the drop loses nothing). SQLite: nothing (its FTS5 index is a table of its own,
 * kept by triggers). Returns the names dropped.
 */
export async function deferIndexes(store: Store): Promise<string[]> {
  if (store.dialect !== 'postgres') return [];
  const present = await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = current_schema() AND indexname = ANY(${DEFERRABLE}::text[])`.execute(store);
  if (!present.rows.length) return [];
  const before = await recorded(store);
  const defs = { ...before?.value.defs, ...Object.fromEntries(present.rows.map((r) => [r.indexname, r.indexdef])) };
  await setState(store, DEFERRED_INDEXES, JSON.stringify({ token: randomUUID(), defs } satisfies Deferred));
  for (const r of present.rows) await sql`DROP INDEX IF EXISTS ${sql.id(r.indexname)}`.execute(store);
  return present.rows.map((r) => r.indexname);
}

/**
 * Builds the indexes recorded by `deferIndexes` that are missing, then clears the record — only the record
 * it read: one written meanwhile by another process's load stays for that load to build. Returns the
 * names built (none when nothing was set aside); `onBuild` is told first when there is something to build.
 * An index that cannot be built (a full disk) does not stop the others; the record then stays, and the
 * error names what failed.
 */
export async function restoreIndexes(store: Store, onBuild?: () => void): Promise<string[]> {
  if (store.dialect !== 'postgres') return [];
  const r = await recorded(store);
  if (!r) return [];
  onBuild?.();
  const built: string[] = [];
  const failed: string[] = [];
  for (const [name, def] of Object.entries(r.value.defs)) {
    if (await indexExists(store, name)) continue;
    const create = def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ');
    // with the server's maintenance_work_mem: 256 MB built the lines' indexes at 30,000 documents no faster than 64
    try {
      await sql.raw(create).execute(store);
      built.push(name);
    } catch (e) {
      failed.push(`${name}: ${(e as Error).message}`);
    }
  }
  if (failed.length) throw new Error(failed.join('; '));
  await store.deleteFrom('store_state').where('key', '=', DEFERRED_INDEXES).where('value', '=', r.raw).execute();
  return built;
}

async function indexExists(store: Store, name: string): Promise<boolean> {
  const r = await sql<{ oid: string | null }>`SELECT to_regclass(${name})::text AS oid`.execute(store);
  return !!r.rows[0]?.oid;
}

/**
 * The tables whose bigram index is there to be asked (PostgreSQL; none on SQLite). A query that asks a
 * missing one would compute lantu_bigrams for every row it scans.
 */
export async function bigramIndexed(store: Store): Promise<ReadonlySet<Bigrammed>> {
  if (store.dialect !== 'postgres') return new Set();
  const r = await sql<Record<string, string | null>>`SELECT ${sql.join(BIGRAMMED_TABLES.map((t) => sql`to_regclass(${`${t}_bigrams`}) AS ${sql.id(t)}`))}`.execute(store);
  return new Set(BIGRAMMED_TABLES.filter((t) => r.rows[0]?.[t] != null));
}


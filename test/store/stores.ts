// The stores every store test runs on: the embedded SQLite store always, and PostgreSQL when a server
// is reachable (LANTU_TEST_DATABASE_URL, else the local server on 127.0.0.1:5432). Each PostgreSQL
// test store is a schema of its own, dropped afterwards.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/db.js';

export const PG_URL = process.env.LANTU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let pgReachable: Promise<boolean> | undefined;
export function postgresAvailable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => {});
    }
  })();
  return pgReachable;
}

export interface TestStore {
  store: Store;
  /** A PostgreSQL store's URL, to open it a second time (another server on the same database). */
  url?: string;
  close(): Promise<void>;
}

export async function sqliteStore(): Promise<TestStore> {
  const store = await openStore({ url: '', dataDir: mkdtempSync(join(tmpdir(), 'lantu-store-')) });
  return { store, close: () => store.destroy() };
}

/**
 * Test files run in parallel processes: creating a schema and migrating it, and dropping another, are
 * serialised with an advisory lock (the migrator's catalogue queries fail on a schema dropped meanwhile).
 */
async function locked<T>(fn: () => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query('select pg_advisory_lock(424242)');
    return await fn();
  } finally {
    await c.query('select pg_advisory_unlock(424242)').catch(() => {});
    await c.end();
  }
}

/** `params`: more connection parameters (application_name=…). */
export async function postgresStore(params = ''): Promise<TestStore> {
  const schema = `lantu_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}${params ? `&${params}` : ''}`;
  const store = await locked(async () => {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    return openStore({ url });
  });
  return {
    store,
    url,
    async close() {
      await store.destroy();
      await locked(async () => {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      });
    },
  };
}

/** [name, factory] for every store to test on; PostgreSQL is required in CI (CI=true). */
export async function storeKinds(): Promise<Array<[string, () => Promise<TestStore>]>> {
  const kinds: Array<[string, () => Promise<TestStore>]> = [['sqlite', sqliteStore]];
  if (await postgresAvailable()) kinds.push(['postgres', postgresStore]);
  else if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${PG_URL}; .ci/run should have started one`);
  return kinds;
}

// Opening the store: the embedded default (SQLite in one data directory, no set-up) or PostgreSQL
// for multi-user deployments (LANTU_DATABASE_URL=postgres://…). One schema, one query layer (Kysely),
// the same migrations for both.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations.js';
import type { Database } from './schema.js';

/** A store that cannot be opened: its message names the store (never a password) and the reason. */
export class StoreError extends Error {}

/** An error in one line: its message, or for a failed connection to several addresses each address's reason. */
export function describeError(e: unknown): string {
  const err = e as Error & { code?: string; errors?: Error[] };
  const own = err?.message || (err?.errors ?? []).map((x) => x.message).filter(Boolean).join('; ') || err?.code || String(e);
  return own.replace(/\s*\n\s*/g, ' ');
}

export type Store = Kysely<Database> & { dialect: 'sqlite' | 'postgres'; location: string };

export interface OpenOptions {
  /** postgres://… for PostgreSQL; else the embedded store in `dataDir`. */
  url?: string;
  dataDir?: string;
}

/** Where the embedded store lives: LANTU_DATA_DIR, else .lantu/ in the working directory. */
export function defaultDataDir(): string {
  return resolve(process.env.LANTU_DATA_DIR ?? '.lantu');
}

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  const url = opts.url ?? process.env.LANTU_DATABASE_URL;
  let db: Kysely<Database>;
  let dialect: Store['dialect'];
  let location: string;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    // numeric and bigint columns come back as numbers, not strings
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
    location = url.replace(/:[^:@/]*@/, ':***@');
    // an idle pooled connection that drops (a restart, a failover) is an 'error' event of the pool:
    // without a listener it would end the process; the pool opens a new connection on the next query
    pool.on('error', (e) => process.stderr.write(`lantu: ${new Date().toISOString()} PostgreSQL connection to ${location} lost (${describeError(e)}); reconnecting on the next query\n`));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
  } else {
    const dir = opts.dataDir ?? defaultDataDir();
    mkdirSync(dir, { recursive: true });
    location = join(dir, 'lantu.db');
    const sqlite = new SQLite(location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    dialect = 'sqlite';
  }
  // on PostgreSQL the migration tables live in the store's own schema (several stores may share a database)
  let schema: string | undefined;
  try {
    schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  } catch (e) {
    await db.destroy().catch(() => {});
    throw new StoreError(`cannot connect to the database ${location}: ${describeError(e)} (check LANTU_DATABASE_URL and that the server is running) / 无法连接数据库`);
  }
  const { error } = await new Migrator({ db, provider: migrations, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new StoreError(`cannot migrate the store at ${location}: ${describeError(error)}`);
  }
  return Object.assign(db, { dialect, location });
}

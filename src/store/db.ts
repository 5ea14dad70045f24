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
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) }) });
    dialect = 'postgres';
    location = url.replace(/:[^:@/]*@/, ':***@');
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
  const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  const { error } = await new Migrator({ db, provider: migrations, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(`cannot migrate the store at ${location}: ${(error as Error).message ?? error}`);
  }
  return Object.assign(db, { dialect, location });
}

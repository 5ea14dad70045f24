// Opening the store: the embedded default (SQLite in one data directory, no set-up) or PostgreSQL
// for multi-user deployments (LANTU_DATABASE_URL=postgres://…). One schema, one query layer (Kysely),
// the same migrations for both.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import { migrations } from './migrations.js';
import type { Database } from './schema.js';

/**
 * SQLite with its DDL in transactions (SQLite's DDL is transactional; Kysely's adapter does not say so), so
 * that the migrations a version brings run in one transaction: a process killed in the middle of them
 * leaves the store as it was, not with half a migration that the next run cannot apply again.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
export class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** A store that cannot be opened: its message names the store (never a password) and the reason. */
export class StoreError extends Error {}

/** An error in one line: its message, or for a failed connection to several addresses each address's reason. */
export function describeError(e: unknown): string {
  const err = e as Error & { code?: string; errors?: Error[] };
  const own = err?.message || (err?.errors ?? []).map((x) => x.message).filter(Boolean).join('; ') || err?.code || String(e);
  return own.replace(/\s*\n\s*/g, ' ');
}

/** A PostgreSQL URL to show: the password (in the user part or a `password=` parameter) replaced by ***. */
export function safeUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@').replace(/([?&]password=)[^&]*/gi, '$1***');
}

/**
 * Why a connection to PostgreSQL failed, and what to do, in English and Chinese: the server refused the
 * connection, its host is unknown or did not answer, the user or password was refused, or the database
 * does not exist. Other errors keep their own message.
 */
export function connectionFailure(e: unknown, url: string): string {
  const err = e as { code?: string; errors?: Array<{ code?: string }>; message?: string };
  const code = err?.code ?? err?.errors?.find((x) => x.code)?.code;
  let where = '';
  let user = '';
  let database = '';
  try {
    const u = new URL(url);
    where = `${u.hostname || 'localhost'}:${u.port || 5432}`;
    user = decodeURIComponent(u.username) || 'the default user';
    database = decodeURIComponent(u.pathname.replace(/^\//, '')) || user;
  } catch {
    // not a parsable URL: the reasons below name no host
  }
  const own = describeError(e);
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused (ECONNREFUSED): no PostgreSQL server listens on ${where}; start it, or correct the host and port in LANTU_DATABASE_URL / 连接被拒绝：${where} 上没有运行 PostgreSQL，请启动数据库服务，或改正 LANTU_DATABASE_URL 中的主机和端口`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host not found (${code}): ${where}; correct the host in LANTU_DATABASE_URL / 找不到主机 ${where}，请改正 LANTU_DATABASE_URL 中的主机名`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `no answer from ${where} (${code}); check the host, the port and the firewall / ${where} 无响应，请检查主机、端口和防火墙`;
    case '28P01':
    case '28000':
      return `authentication failed for ${user} (${code}: ${own}); correct the user name and password in LANTU_DATABASE_URL / 身份验证失败：请改正 LANTU_DATABASE_URL 中的用户名和密码`;
    case '3D000':
      return `database "${database}" does not exist (3D000); create it (createdb ${database}) or name an existing database in LANTU_DATABASE_URL / 数据库 "${database}" 不存在，请创建它，或在 LANTU_DATABASE_URL 中改用已有的数据库`;
  }
  if (/timeout/i.test(own)) return `no answer from ${where} (${own}); check the host, the port and the firewall / ${where} 无响应，请检查主机、端口和防火墙`;
  return `${own} (check LANTU_DATABASE_URL and that the server is running / 请检查 LANTU_DATABASE_URL 以及数据库服务是否运行)`;
}

export type Store = Kysely<Database> & { dialect: 'sqlite' | 'postgres'; location: string };

/**
 * A transaction (or savepoint) of `store` as a Store that knows its dialect and location: a bare Kysely
 * transaction has neither, so code below that asks `dialect` would take SQLite's way on PostgreSQL.
 */
export function asStore(trx: Kysely<Database>, store: Store): Store {
  return Object.assign(trx, { dialect: store.dialect, location: store.location });
}

/** Runs `fn` in a transaction of `store`, handed on as a Store (asStore). Inside a transaction already: in that one. */
export function inTransaction<T>(store: Store, fn: (trx: Store) => Promise<T>): Promise<T> {
  if (store.isTransaction) return fn(store);
  return store.transaction().execute((trx) => fn(asStore(trx, store)));
}

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
    // loaded only for PostgreSQL: the embedded store's commands start without it
    const { default: pg } = await import('pg');
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
    location = safeUrl(url);
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
    db = new Kysely<Database>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) });
    dialect = 'sqlite';
  }
  // on PostgreSQL the migration tables live in the store's own schema (several stores may share a database)
  let schema: string | undefined;
  try {
    schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  } catch (e) {
    await db.destroy().catch(() => {});
    throw new StoreError(`cannot connect to the database ${location}: ${dialect === 'postgres' && url ? connectionFailure(e, url) : describeError(e)}`);
  }
  const { error } = await new Migrator({ db, provider: migrations, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new StoreError(`cannot migrate the store at ${location}: ${describeError(error)}`);
  }
  return Object.assign(db, { dialect, location });
}

/** The tables a large ingest fills: what it stores, then what it derives. */
export const STORED_TABLES = ['sources', 'documents', 'facts', 'tasks', 'task_units', 'table_rows', 'search_lines', 'search_items', 'derive_queue'] as const;
export const DERIVED_TABLES = ['regions', 'indicators', 'links', 'targets', 'actuals', 'issues', 'projects', 'project_mentions', 'statuses'] as const;

/**
 * PostgreSQL: the planner's statistics of these tables renewed after a bulk load, so that the queries
 * that follow plan for the rows now there (autovacuum would, but only later). SQLite: nothing to do.
 */
export async function analyze(store: Store, tables: readonly string[]): Promise<void> {
  if (store.dialect === 'postgres') await sql`ANALYZE ${sql.join(tables.map((t) => sql.id(t)))}`.execute(store);
}

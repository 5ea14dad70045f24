// The migrations a version brings run in one transaction on the embedded store too: one that fails (or a
// process killed) in the middle leaves no half-applied change behind, so the next run applies them whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, sql, type Migration } from 'kysely';
import { TransactionalSqliteDialect } from '../../src/store/db.js';

test('a migration that fails half-way leaves nothing of itself or of the migrations before it in the same run', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'lantu-migrate-')), 'x.db');
  const db = new Kysely<any>({ dialect: new TransactionalSqliteDialect({ database: new SQLite(file) }) });
  try {
    const first: Migration = { up: async (d) => void (await d.schema.createTable('a').addColumn('x', 'text').execute()) };
    const broken: Migration = {
      async up(d) {
        await d.schema.createTable('b').addColumn('y', 'text').execute();
        throw new Error('killed half-way');
      },
    };
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => ({ '001_a': first, '002_b': broken }) } }).migrateToLatest();
    assert.match(String(error), /killed half-way/);
    const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name);
    assert.ok(!tables.includes('a') && !tables.includes('b'), tables.join(', '));
    // fixed, the same run applies both
    const fixed: Migration = { up: async (d) => void (await d.schema.createTable('b').addColumn('y', 'text').execute()) };
    const again = await new Migrator({ db, provider: { getMigrations: async () => ({ '001_a': first, '002_b': fixed }) } }).migrateToLatest();
    assert.equal(again.error, undefined);
  } finally {
    await db.destroy();
  }
});

// The store's connection to PostgreSQL under faults: a pooled connection that drops (a restart, a
// failover) is logged and replaced, never the end of the process; an unreachable server is one line
// naming the URL without its password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'kysely';
import { openStore, StoreError } from '../../src/store/db.js';
import { PG_URL, postgresAvailable, postgresStore } from './stores.js';

const available = await postgresAvailable();

test('a dropped pooled connection is logged and the next query reconnects', { skip: !available && 'PostgreSQL is not reachable' }, async () => {
  const name = `lantu_pool_${process.pid}_${Date.now()}`;
  const { store, close } = await postgresStore(`application_name=${name}`);
  const logged: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logged.push(String(chunk));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    await sql`select 1`.execute(store);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [name]);
    await admin.end();
    assert.ok(killed.rowCount! >= 1, 'a pooled connection was terminated');
    for (let i = 0; i < 50 && !logged.some((l) => l.includes('lost')); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(logged.some((l) => /PostgreSQL connection .* lost/.test(l)), `logged: ${logged.join('')}`);
    const again = await sql<{ n: number }>`select 2 as n`.execute(store);
    assert.equal(again.rows[0].n, 2);
  } finally {
    process.stderr.write = write;
    await close();
  }
});

test('an unreachable server: a StoreError naming the URL without the password, and why', async () => {
  const err = await openStore({ url: 'postgres://lantu:s3cret@127.0.0.1:1/nowhere' }).then(
    () => assert.fail('opened'),
    (e: Error) => e,
  );
  assert.ok(err instanceof StoreError, String(err));
  assert.match(err.message, /127\.0\.0\.1:1/);
  assert.match(err.message, /ECONNREFUSED/);
  assert.doesNotMatch(err.message, /s3cret/);
  assert.doesNotMatch(err.message, /\n/);
});

// The version of the store's committed data, for caches of what is read from it: a value that changes
// whenever a write commits — of this process or of any other on the same store — read with one
// statement. SQLite: the rows this connection changed (total_changes(), counted as they are made; Kysely
// lends the one connection to one transaction at a time, so this statement never runs inside another's
// transaction) and the commits of other connections (data_version). PostgreSQL: the current snapshot,
// which moves when any transaction that wrote ends (read-only ones take no transaction id).
// Read the version before the data it guards: data read afterwards is at least as new as the version,
// so a cache keyed by it never serves anything older than the store.
import { sql } from 'kysely';
import type { Store } from './db.js';

export async function dataVersion(store: Store): Promise<string> {
  const q =
    store.dialect === 'postgres'
      ? sql<{ v: string }>`select pg_current_snapshot()::text as v`
      : sql<{ v: string }>`select total_changes() || ':' || (select data_version from pragma_data_version) as v`;
  return (await q.execute(store)).rows[0].v;
}

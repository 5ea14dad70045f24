// The store's own state (table store_state, one value per key): the fingerprint of the registry the
// derived monitoring data was last rebuilt from (`derived`: 'stale' when it must be rebuilt whole, as
// from an interrupted rebuild or a migration that adds derived columns; documents stored since are in
// derive_queue), and the generation the kept statuses were judged from.
import { randomUUID } from 'node:crypto';
import type { Store } from './db.js';
import { insertAll } from './insert.js';

export const DERIVED = 'derived';
/** The value of `derived` that asks the next refresh for a rebuild of the whole store. */
export const STALE = 'stale';
/** The generation of the monitoring data the kept statuses were judged from (see monitor/statuses.ts). */
export const STATUS_GENERATION = 'statuses_generation';

/** `db`: the store or a transaction of it. */
export async function getState(db: Store, key: string): Promise<string | undefined> {
  return (await db.selectFrom('store_state').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function setState(db: Store, key: string, value: string): Promise<void> {
  await db.insertInto('store_state').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** Sets `key` to `value` only where it has none yet (one writer wins among several); true when this call set it. */
export async function claimState(db: Store, key: string, value: string): Promise<boolean> {
  const r = await db.insertInto('store_state').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Marks the kept statuses out of date — those of `regions` where the writer knows which it touched, else
 * all; `db` is the writer's transaction, so the mark commits with the change.
 */
export async function statusesChanged(db: Store, regions?: Iterable<string>): Promise<void> {
  const list = regions ? [...new Set(regions)] : ['*'];
  if (!list.length) return; // nothing a status is judged from changed
  const generation = randomUUID();
  await setState(db, STATUS_GENERATION, generation);
  await insertAll(db, 'status_dirty', list.map((region) => ({ region, generation })));
}

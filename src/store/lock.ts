// A lock held in the store, for work that one process of several must do alone (several `lantu serve`
// processes on one PostgreSQL starting together: the first load of an empty store, a rebuild of the
// derived data). A row of store_state under `lock:NAME` with its holder and the end of its lease;
// a lease that ran out (its holder died) is taken over.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Store } from './db.js';
import { claimState } from './state.js';

const WAIT_MS = 200;

/** Runs `fn` holding the lock `name` (waiting for another holder up to `waitMs`); the lease is `leaseMs`. */
export async function withLock<T>(store: Store, name: string, fn: () => Promise<T>, opts: { leaseMs?: number; waitMs?: number } = {}): Promise<T> {
  const key = `lock:${name}`;
  const lease = opts.leaseMs ?? 10 * 60_000;
  const deadline = Date.now() + (opts.waitMs ?? 15 * 60_000);
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  for (;;) {
    const value = `${holder}|${Date.now() + lease}`;
    if (await claimState(store, key, value)) break;
    const held = await store.selectFrom('store_state').select('value').where('key', '=', key).executeTakeFirst();
    // a lease that ran out: remove exactly that row (another process may have taken it over meanwhile)
    if (held && Number(held.value.split('|')[1]) < Date.now()) await store.deleteFrom('store_state').where('key', '=', key).where('value', '=', held.value).execute();
    else if (Date.now() > deadline) throw new Error(`the lock "${name}" is held by ${held?.value.split('|')[0] ?? 'another process'}; try again later`);
    else await new Promise((r) => setTimeout(r, WAIT_MS));
  }
  try {
    return await fn();
  } finally {
    await store.deleteFrom('store_state').where('key', '=', key).where('value', 'like', `${holder}|%`).execute();
  }
}

// `lantu serve` (and `npm start`): the web application on the store. On an empty store it ingests the
// project's sample documents and creates demonstration accounts, so a newcomer sees a living system.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app.js';
import { createUser, type Role } from '../server/auth.js';
import { defaultDataDir, openStore, type Store } from '../store/db.js';
import { ingestPaths } from './ingest.js';
import { needsRefresh, refresh } from '../monitor/refresh.js';
import { withLock } from '../store/lock.js';
import { restoreIndexes } from '../store/deferred-indexes.js';
import { claimState, getState } from '../store/state.js';
import { startJobs } from '../server/remind.js';

const COOKIE_SECRET = 'cookie_secret';

/**
 * The secret that signs cookies: LANTU_COOKIE_SECRET, else one kept in the store, so that sessions survive
 * a restart and every server on one database accepts the others' cookies (a secret an older version kept
 * in the data directory is carried over). Backups do not hold it.
 */
export async function cookieSecret(store: Store, dataDir: string): Promise<string> {
  if (process.env.LANTU_COOKIE_SECRET) return process.env.LANTU_COOKIE_SECRET;
  const file = join(dataDir, 'cookie-secret');
  const proposed = existsSync(file) ? readFileSync(file, 'utf8').trim() : randomBytes(32).toString('hex');
  await claimState(store, COOKIE_SECRET, proposed);
  return (await getState(store, COOKIE_SECRET))!;
}

const yes = (v: string | undefined) => /^(1|true|yes|on)$/i.test(v ?? '');

/** LANTU_TRUST_PROXY: 1/true (trust the proxy in front), a hop count, or its addresses (10.0.0.1,10.0.0.0/8). */
export function trustProxySetting(v = process.env.LANTU_TRUST_PROXY): boolean | number | string {
  if (!v || /^(0|false|no|off)$/i.test(v)) return false;
  if (yes(v)) return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

/** Demonstration accounts for an empty store: one per role, department users bound to two real units. */
async function seedUsers(store: Store): Promise<Array<[string, string, string]>> {
  const any = await store.selectFrom('users').select('id').limit(1).execute();
  if (any.length) return [];
  const units = await store.selectFrom('task_units').select('unit').select((e) => e.fn.countAll().as('n')).groupBy('unit').orderBy('n', 'desc').limit(2).execute();
  const password = process.env.LANTU_DEMO_PASSWORD ?? randomBytes(9).toString('base64url');
  const accounts: Array<[string, string, Role, string[]]> = [
    ['admin', '系统管理员', 'admin', []],
    ['planner', '发改委规划科', 'planner', []],
    ['supervisor', '督查室', 'supervisor', []],
    ['leader', '分管领导', 'leader', []],
    ...units.map((u, i) => [`dept${i + 1}`, u.unit, 'department', [u.unit]] as [string, string, Role, string[]]),
  ];
  for (const [username, displayName, role, us] of accounts) await createUser(store, { username, displayName, password, role, units: us });
  return accounts.map(([u, d, r]) => [u, `${d}（${r}）`, password]);
}

/**
 * What a server does before it serves, under a lock of the store so that several servers starting on one
 * database do it once: an empty store gets the samples and demonstration accounts; a stale one is rebuilt.
 */
export async function prepareStore(store: Store, say: (line: string) => void): Promise<void> {
  await withLock(store, 'startup', async () => {
    const docs = await store.selectFrom('documents').select('id').limit(1).execute();
    if (!docs.length) {
      const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
      const out = await ingestPaths(store, [samples]);
      say(`empty store: ingested ${out.filter((o) => o.status === 'stored').length} sample documents from ${samples}`);
    } else if (await needsRefresh(store)) await refresh(store); // an interrupted refresh, a new registry
    // the search indexes a killed bulk load left aside (a load running now waits for them, then goes on)
    const built = await restoreIndexes(store).catch((e: Error) => {
      say(`the search indexes a bulk load left aside could not be built (${e.message}); search scans until the next start or ingest builds them`);
      return [];
    });
    if (built.length) say(`built the search indexes a bulk load left aside: ${built.join(', ')}`);
    const seeded = await seedUsers(store);
    if (seeded.length) {
      say('demonstration accounts (change or remove them for real use):');
      for (const [u, who, pw] of seeded) say(`  ${u.padEnd(12)} ${pw}  ${who}`);
    }
  });
}

export async function runServe(opts: { port?: string; host?: string }): Promise<number> {
  const store = await openStore();
  const dataDir = process.env.LANTU_DATA_DIR ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  await prepareStore(store, (line) => process.stdout.write(line + '\n'));
  const uploadDir = join(dataDir, 'uploads');
  mkdirSync(uploadDir, { recursive: true });
  const app = await buildApp({ store, uploadDir, cookieSecret: await cookieSecret(store, dataDir), logger: false, secureCookies: yes(process.env.LANTU_SECURE_COOKIES), trustProxy: trustProxySetting() });
  const port = Number(opts.port ?? process.env.PORT ?? 3000);
  const host = opts.host ?? process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  process.stdout.write(`Lantu is serving on http://${host}:${port}/ (store: ${store.location})\n`);
  // mail in the background: the outbox, and the reporting calendar's reminders every hour (under a lock of the store)
  const jobs = startJobs(store);
  const stop = async () => {
    await jobs.stop();
    await app.close();
    await store.destroy();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

// npm run bench -- --scale N (or npm run bench:scale, N from LANTU_BENCH_DOCS, 3000 by default): a
// generated country (bench/country.ts: real counties, each with its 十四五 plan and five work reports)
// ingested into a new embedded store and, when a PostgreSQL server is reachable (LANTU_BENCH_DATABASE_URL,
// else the local one), into a schema of its own dropped afterwards. For each store: ingest throughput;
// the statuses of the whole store; adding one document (ingest, derivation, statuses); `lantu status`
// (SQLite, from the built CLI); the overview, an indicator page, the public page, a document page and
// search with 1 and 20 clients, served by `lantu serve` in a process of its own, with that server's peak
// memory; and this process's peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore, type Store } from '../src/store/db.js';
import { ingestPaths } from '../src/cli/ingest.js';
import { evaluate } from '../src/monitor/evaluate.js';
import { generateCountry, nextDocument } from './country.js';
import { benchSearch } from './search.js';
import { benchWeb, serveApart } from './web.js';

const arg = process.argv.indexOf('--scale');
const DOCS = Number(arg > 0 ? process.argv[arg + 1] : (process.env.LANTU_BENCH_DOCS ?? 3000));
const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'lantu-scale-'));
const used = generateCountry(join(dir, 'docs'), DOCS);
console.log(`scale: ${DOCS} generated documents (${used.length} counties: a plan and work reports each) in ${dir}/docs`);

/** Documents added one at a time after the bulk load. */
const ADDS = 8;
/** LANTU_BENCH_KEEP=1: the PostgreSQL schema is kept (its name printed) for a look afterwards. */
const KEEP = process.env.LANTU_BENCH_KEEP === '1';
const PG = process.env.LANTU_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
async function pgAdmin(q: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query(q);
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const peak = (pid: number | 'self'): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const secs = (t0: number) => (performance.now() - t0) / 1000;

async function run(kind: 'sqlite' | 'postgres'): Promise<void> {
  const schema = `lantu_bench_${process.pid}`;
  if (kind === 'postgres' && !(await pgAdmin(`CREATE SCHEMA ${schema}`))) return console.log(`postgres: no server reachable at ${PG.replace(/:[^:@/]*@/, ':***@')}; skipped`);
  const url = kind === 'postgres' ? `${PG}${PG.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` : '';
  const dataDir = join(dir, `store-${kind}`);
  const store: Store = await openStore({ url, dataDir });
  try {
    let t0 = performance.now();
    const out = await ingestPaths(store, [join(dir, 'docs')]);
    const s = secs(t0);
    console.log(`${kind}: ${out.length} documents ingested in ${s.toFixed(1)} s: ${(out.length / s).toFixed(0)} documents/s (goal ≥ 100 on PostgreSQL)`);
    t0 = performance.now();
    const rows = await evaluate(store, { asOf: '2026-11-27' });
    console.log(`  statuses of the whole store: ${rows.length} targets judged in ${secs(t0).toFixed(2)} s`);
    // more documents, as a user adding a county's next reports would: the county after the last one used,
    // ADDS of them one after the other, in a process of their own (bench/add-one.ts). The first there also
    // loads the vocabularies of reading and extraction, so the steady cost is the median of the others.
    const env = kind === 'postgres' ? { LANTU_DATABASE_URL: url } : { LANTU_DATA_DIR: dataDir, LANTU_DATABASE_URL: '' };
    const ones = Array.from({ length: ADDS }, (_, k) => {
      const one = join(dir, `one-${kind}-${k}`);
      mkdirSync(one);
      writeFileSync(join(one, 'one.txt'), nextDocument(used, k).text);
      return one;
    });
    const added = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/add-one.ts'), ...ones], { env: { ...process.env, ...env }, encoding: 'utf8' });
    if (added.status !== 0) throw new Error(`adding documents failed: ${added.stderr}`);
    const times = JSON.parse(added.stdout.trim().split('\n').pop()!) as number[];
    const rest = times.slice(1).sort((a, b) => a - b);
    console.log(`  adding one document (ingest, derivation, statuses) in a process of its own, ${ADDS} in turn: first ${times[0].toFixed(0)} ms, then median ${rest[rest.length >> 1].toFixed(0)} ms (${times.slice(1).map((x) => x.toFixed(0)).join(' / ')}) (goal: the same within 2× at 300 and at 30,000)`);
    if (kind === 'sqlite' && existsSync(cli)) {
      t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, 'status'], { env: { ...process.env, LANTU_DATA_DIR: dataDir, COLUMNS: '120' }, encoding: 'utf8', maxBuffer: 1 << 30 });
      console.log(`  lantu status: ${secs(t0).toFixed(2)} s, ${r.stdout.split('\n').length} lines (goal < 3 s at 3,000 documents)`);
    }
    await benchSearch(store);
    const doc = await store.selectFrom('documents').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const server = existsSync(cli) ? await serveApart(kind === 'postgres' ? { LANTU_DATABASE_URL: url } : { LANTU_DATA_DIR: dataDir, LANTU_DATABASE_URL: '' }) : undefined;
    try {
      await benchWeb(['/', '/indicators/gdp-growth', '/public', `/documents/${doc.id}`, `/search?q=${encodeURIComponent('生产总值')}&page=2`], { store, goal: 50, clients: [1, 20], base: server?.base });
      if (server) console.log(`  peak memory of the server process: ${peak(server.pid).toFixed(0)} MiB (goal < 500)`);
    } finally {
      server?.stop();
    }
  } finally {
    if (kind === 'postgres' && KEEP) console.log(`  kept: schema ${schema} (LANTU_BENCH_KEEP=1; DROP SCHEMA ${schema} CASCADE when done)`);
    else if (kind === 'postgres') await pgAdmin(`DROP SCHEMA ${schema} CASCADE`);
  }
}

if (!existsSync(cli)) console.log('(dist/ is not built: `npm run build` for `lantu status` and a server of its own; the pages are served in this process)');
// LANTU_BENCH_STORES=postgres (or sqlite): one of the two only
const stores = (process.env.LANTU_BENCH_STORES ?? 'sqlite,postgres').split(',');
if (stores.includes('sqlite')) await run('sqlite');
if (stores.includes('postgres')) await run('postgres');
console.log(`peak memory of this process (stores, ingest, clients): ${peak('self').toFixed(0)} MiB`);

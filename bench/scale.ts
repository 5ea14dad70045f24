// npm run bench:scale: a store of generated county work reports (LANTU_BENCH_DOCS, 3000 by default: the
// counties of the GB/T 2260 table, five years each, every report reviewing last year and setting this
// year's targets), ingested into a new embedded store; then the statuses of the whole store (goal < 10 s)
// and the overview, indicator, public and search pages with 1 and 20 clients at once (goal p95 < 50 ms for one
// client, < 200 ms for twenty); search (goal p95 < 50 ms); adding one more document; the peak memory.
// LANTU_BENCH_DATABASE_URL=postgres://…: the same on PostgreSQL, in a schema of its own dropped afterwards;
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../src/store/db.js';
import { ingestPaths } from '../src/cli/ingest.js';
import { evaluate } from '../src/monitor/evaluate.js';
import { allRegions } from '../src/structure/regions.js';
import { workReport } from '../test/monitor/reports.js';
import { benchSearch } from './search.js';
import { benchWeb } from './web.js';

const DOCS = Number(process.env.LANTU_BENCH_DOCS ?? 3000);
const YEARS = [2021, 2022, 2023, 2024, 2025];
const counties = allRegions().filter((r) => r.level === 'county' && /[县旗]$/.test(r.name)).slice(0, Math.ceil(DOCS / YEARS.length));
const dir = mkdtempSync(join(tmpdir(), 'lantu-scale-'));
mkdirSync(join(dir, 'docs'));
let n = 0;
const rnd = (k: number) => ((k * 2654435761) % 1000) / 1000;
for (const [i, c] of counties.entries())
  for (const year of YEARS) {
    if (n >= DOCS) break;
    const spec = { region: c.name, year, actual: { gdpGrowth: 4 + rnd(i + year) * 3, unemployment: 3 + rnd(i * year), jobs: 1000 + Math.round(rnd(i) * 5000) }, target: { gdpGrowth: 5 + Math.round(rnd(year - i) * 4) / 2, unemployment: 4, jobs: 3000 } };
    writeFileSync(join(dir, 'docs', `${String(n++).padStart(4, '0')}-${c.name}-${year}.txt`), workReport(spec).replace('人民代表大会', `第十七届人民代表大会`));
  }
const pgUrl = process.env.LANTU_BENCH_DATABASE_URL;
const schema = `lantu_bench_${process.pid}`;
const pgAdmin = async (q: string) => {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(q);
  await c.end();
};
if (pgUrl) await pgAdmin(`CREATE SCHEMA ${schema}`);
const url = pgUrl ? `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` : '';
const store = await openStore({ url, dataDir: join(dir, 'store') });
let t0 = performance.now();
const out = await ingestPaths(store, [join(dir, 'docs')]);
const lines = await store.selectFrom('search_lines').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
console.log(`scale (${store.dialect}): ${out.length} generated county reports ingested in ${((performance.now() - t0) / 1000).toFixed(1)} s (${lines.n} lines indexed for search)`);
t0 = performance.now();
const rows = await evaluate(store, { asOf: '2026-11-27' });
console.log(`  statuses of the whole store: ${rows.length} targets in ${((performance.now() - t0) / 1000).toFixed(2)} s (goal < 10 s)`);
try {
  // one more document (a county not in the store yet), as a user adding next year's report would
  const extra = allRegions().filter((r) => r.level === 'county' && /[县旗]$/.test(r.name))[counties.length];
  const one = join(dir, 'one');
  mkdirSync(one);
  writeFileSync(join(one, 'one.txt'), workReport({ region: extra.name, year: 2025, actual: { gdpGrowth: 5, unemployment: 3, jobs: 2000 }, target: { gdpGrowth: 6, unemployment: 4, jobs: 3000 } }).replace('人民代表大会', '第十七届人民代表大会'));
  t0 = performance.now();
  await ingestPaths(store, [one]);
  console.log(`  adding one document to the store (ingest, refresh, statuses): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  await benchSearch(store);
  await benchWeb(['/', '/indicators', '/indicators/gdp-growth', '/public', `/search?q=${encodeURIComponent('生产总值')}&page=2`], { store, goal: 50, clients: [1, 20] });
  console.log(`  peak RSS of the process (store, server and clients): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  if (pgUrl) await pgAdmin(`DROP SCHEMA ${schema} CASCADE`);
}

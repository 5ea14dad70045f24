// Load: 50 clients at once for 20 s (LANTU_LOAD_SECONDS) on a store of the reference corpus and the samples,
// each logged in and walking the main pages over real HTTP; no request may fail or answer 5xx, and
// the latencies are printed (npm run bench prints the same for its own store).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/cli/ingest.js';
import { testApp } from './helpers.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const skip = !existsSync(corpus) && '../shared/corpus absent: the load test runs on the samples alone';
const SECONDS = Number(process.env.LANTU_LOAD_SECONDS ?? 20);
const CLIENTS = 50;

test(`${CLIENTS} clients at once for ${SECONDS} s: every request answered, none with an error`, async () => {
  if (skip) console.log(`skipping part: ${skip}`);
  const t = await testApp();
  try {
    if (!skip) await ingestPaths(t.store, [join(corpus)]);
    const doc = (await t.store.selectFrom('documents').select('id').orderBy('file').limit(1).executeTakeFirstOrThrow()).id;
    const pages = ['/', '/indicators', '/indicators/gdp-growth', `/documents/${doc}`, '/public', `/search?q=${encodeURIComponent('生产总值')}`, '/supervision', '/projects', '/issues'];
    const cookies = { planner: await t.login('planner'), supervisor: await t.login('supervisor'), 'dept-edu': await t.login('dept-edu') };
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const times: number[] = [];
    const perPage = new Map<string, number[]>();
    const failures: string[] = [];
    const end = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const cookie = Object.values(cookies)[c % 3];
        for (let i = c; Date.now() < end; i++) {
          const path = pages[i % pages.length];
          const t0 = performance.now();
          try {
            const r = await fetch(base + path, { headers: { cookie } });
            await r.arrayBuffer();
            // a department user may be refused a page (403); nothing may fail
            if (r.status >= 500 || (r.status !== 200 && r.status !== 403)) failures.push(`${path}: ${r.status}`);
          } catch (e) {
            failures.push(`${path}: ${(e as Error).message}`);
          }
          times.push(performance.now() - t0);
          perPage.set(path, [...(perPage.get(path) ?? []), performance.now() - t0]);
        }
      }),
    );
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
    console.log(`load: ${times.length} requests by ${CLIENTS} clients in ${SECONDS} s — p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms`);
    for (const [path, ms] of perPage) console.log(`  ${path.padEnd(40)} ${ms.length} requests, mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(0)} ms`);
    assert.deepEqual(failures.slice(0, 10), []);
    assert.ok(times.length >= CLIENTS * 2, 'every client was answered more than once');
  } finally {
    await t.close();
  }
});

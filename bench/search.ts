// Search latency on a built store: the first query (no index may be built lazily then), and p50 / p95 /
// max of each query of a few (a 4-character term, a 6-character term, 2-character terms, two terms, a
// later page, rare terms found nowhere: 长江, 长江经济带) over LANTU_BENCH_ROUNDS rounds, calling search()
// as the /search page does.
import { search } from '../src/server/search.js';
import type { Store } from '../src/store/db.js';

const ROUNDS = Number(process.env.LANTU_BENCH_ROUNDS ?? 30);
export const SEARCH_QUERIES: Array<[string, number]> = [['生产总值', 1], ['城镇新增就业', 1], ['就业', 1], ['增长', 3], ['失业率 控制', 1], ['生产总值', 20], ['长江', 1], ['长江经济带', 1]];

export async function benchSearch(store: Store, goal = 50): Promise<void> {
  let t0 = performance.now();
  const first = await search(store, '生产总值', 50, 1);
  console.log(`search (${store.dialect}): first query ${(performance.now() - t0).toFixed(1)} ms, ${first.groups.lines.length} lines shown of ${first.total ?? '?'}`);
  let worst = 0;
  for (const [q, page] of SEARCH_QUERIES) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < ROUNDS; i++) {
      t0 = performance.now();
      total = (await search(store, q, 50, page)).total ?? 0;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))].toFixed(1);
    worst = Math.max(worst, Number(p(0.95)));
    console.log(`  ${`${q} (page ${page})`.padEnd(22)} ${String(total).padStart(6)} lines  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  max ${p(1)} ms`);
  }
  console.log(`  worst p95 ${worst.toFixed(1)} ms (goal < ${goal} ms)`);
}

// The queries of the "at a glance" lists: indicators with their status counts (of all targets or of
// one plan's), and the sparkline series of a page of indicators. Each reads what the page shows: the
// counts from the kept statuses, the actuals of the shown indicators only.
import { statusCounts, statusRows, type Counts } from '../../../monitor/statuses.js';
import type { Store } from '../../../store/db.js';
import type { SparkPoint } from '../../../web/pages/glance-parts.js';
import { byZh } from '../../../web/pages/glance-parts.js';

export interface IndicatorHead {
  id: string;
  name: string;
  unit: string;
  attribute: string | null;
  category: string | null;
  synonyms: string;
  counts: Counts;
  hasActuals: boolean;
}

/** Every indicator with its status counts (of the targets stated in one plan when given) and whether it has actuals. */
export async function indicatorHeads(store: Store, plan?: string): Promise<IndicatorHead[]> {
  const [indicators, counts, actuals] = await Promise.all([
    store.selectFrom('indicators').select(['id', 'name', 'unit', 'attribute', 'category', 'synonyms']).orderBy('category').orderBy('id').execute(),
    plan ? planCounts(store, plan) : statusCounts(store, 'indicator_id'),
    store.selectFrom('actuals').select('indicator_id').distinct().execute(),
  ]);
  const withActuals = new Set(actuals.map((a) => a.indicator_id));
  return indicators.map((i) => ({ ...i, counts: counts.get(i.id) ?? {}, hasActuals: withActuals.has(i.id) }));
}

/** Status counts per indicator of the targets whose authoritative statement is in one document (its statuses, keyed by document). */
async function planCounts(store: Store, document: string): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  for (const r of await statusRows(store, { document })) {
    const c = out.get(r.indicatorId) ?? {};
    c[r.status] = (c[r.status] ?? 0) + 1;
    out.set(r.indicatorId, c);
  }
  return out;
}

const FINAL = ['revised', 'manual', 'reported', 'first', 'estimate'];

/** Per indicator, the level actuals of its region with most of them (one value a year, the most final vintage). */
export async function sparks(store: Store, ids: string[]): Promise<Map<string, { region: string; points: SparkPoint[] }>> {
  const out = new Map<string, { region: string; points: SparkPoint[] }>();
  if (!ids.length) return out;
  // the region of each indicator counted in the store; then the figures of those regions only
  const sizes = await store
    .selectFrom('actuals')
    .select(['indicator_id', 'region'])
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('indicator_id', 'in', ids)
    .where('measure', '=', 'level')
    .groupBy(['indicator_id', 'region'])
    .execute();
  const best = new Map<string, { region: string; n: number }>();
  for (const r of sizes) {
    const have = best.get(r.indicator_id);
    if (!have || Number(r.n) > have.n || (Number(r.n) === have.n && byZh(r.region, have.region) < 0)) best.set(r.indicator_id, { region: r.region, n: Number(r.n) });
  }
  if (!best.size) return out;
  const rows = await store
    .selectFrom('actuals')
    .select(['indicator_id', 'region', 'year', 'value', 'vintage'])
    .where('indicator_id', 'in', [...best.keys()])
    .where('region', 'in', [...new Set([...best.values()].map((b) => b.region))])
    .where('measure', '=', 'level')
    .orderBy('year')
    .execute();
  const years = new Map<string, Map<number, { value: number; vintage: string }>>();
  for (const r of rows) {
    if (best.get(r.indicator_id)?.region !== r.region) continue;
    const ys = years.get(r.indicator_id) ?? new Map<number, { value: number; vintage: string }>();
    years.set(r.indicator_id, ys);
    const have = ys.get(r.year);
    if (!have || FINAL.indexOf(r.vintage) < FINAL.indexOf(have.vintage)) ys.set(r.year, { value: r.value, vintage: r.vintage });
  }
  for (const [id, ys] of years) out.set(id, { region: best.get(id)!.region, points: [...ys].sort((a, b) => a[0] - b[0]).map(([year, v]) => ({ year, value: v.value })) });
  return out;
}

// The statuses everything reads: the engine's judgement of every distinct target (evaluate), kept in the
// store (table statuses) under a stamp — the date judged as of and the generation of the monitoring data —
// and computed again only when either changes. Every write that changes what a status is judged from
// (ingest, refresh, a settled conflict, an actual entered or approved, a restore) calls statusesChanged in
// its own transaction, naming the regions it touched where it knows them: on the same date only those
// regions (and the regions under them) are judged again, so a new county report costs the same in a store
// of 300 documents or of 30,000. Pages query the rows and counts they show instead of judging the store.
import type { StatusKind } from '../model/records.js';
import { inTransaction, type Store } from '../store/db.js';
import { inChunks } from '../store/insert.js';
import { getState, setState, STATUS_GENERATION } from '../store/state.js';
import { entryName, evaluate, today, type StatusRow } from './evaluate.js';
import { canonicalRegion } from './refresh.js';
import { warnings, type Warning } from './status/index.js';

const STAMP = 'statuses';
const CHUNK = 100;
/** More regions out of date than this: the whole store is judged again (one pass is cheaper than keyed reads). */
const PARTIAL_MAX = 500;

export { today };

/** The date part of a stamp: the kept rows are those of that date (`statuses.stamp`). */
const dateOf = (stamp: string): string => stamp.slice(0, stamp.indexOf('|'));

/** The stamp of the statuses as of `asOf`, judging again what is out of date when the kept ones are of another date or generation. */
export async function ensureStatuses(store: Store, asOf: string = today()): Promise<string> {
  const generation = (await getState(store, STATUS_GENERATION)) ?? '0';
  const stamp = `${asOf}|${generation}`;
  if ((await getState(store, STAMP)) === stamp) return stamp;
  // requests arriving while the store is judged wait for that judgement instead of starting their own
  const pending = judging.get(store) ?? new Map<string, Promise<string>>();
  judging.set(store, pending);
  if (!pending.has(stamp)) pending.set(stamp, judge(store, stamp, asOf).finally(() => pending.delete(stamp)));
  return pending.get(stamp)!;
}

const judging = new WeakMap<Store, Map<string, Promise<string>>>();

/** The regions out of date with every region under them (a county's status reads its prefecture's target), or undefined for all. */
async function outOfDate(store: Store, dirty: Array<{ region: string }>): Promise<string[] | undefined> {
  if (dirty.some((d) => d.region === '*')) return undefined;
  const all = new Set(dirty.map((d) => d.region));
  for (let level = [...all]; level.length && all.size <= PARTIAL_MAX; ) {
    const below = await store.selectFrom('regions').select('name').where('parent', 'in', level).execute();
    level = below.map((r) => r.name).filter((n) => !all.has(n));
    for (const n of level) all.add(n);
  }
  return all.size <= PARTIAL_MAX ? [...all] : undefined;
}

async function judge(store: Store, stamp: string, asOf: string): Promise<string> {
  const kept = await getState(store, STAMP);
  const dirty = await store.selectFrom('status_dirty').selectAll().execute();
  // the same date judged before and only some regions changed since: those are judged again, the rest kept
  const regions = kept && dateOf(kept) === asOf && dirty.length ? await outOfDate(store, dirty) : undefined;
  const rows = await evaluate(store, { asOf, ...(regions ? { regions } : {}) });
  // a concurrent judgement of the same stamp writes the same rows: the first one stays
  await inTransaction(store, async (trx) => {
    if (regions) await trx.deleteFrom('statuses').where('stamp', '=', asOf).where('region', 'in', regions.length ? regions : ['']).execute();
    else await trx.deleteFrom('statuses').execute();
    const category = new Map((await trx.selectFrom('indicators').select(['id', 'category']).execute()).map((i) => [i.id, i.category]));
    const seq = new Map<string, number>();
    // each chunk's rows written as JSON only when it is inserted
    await inChunks(
      rows,
      (chunk) =>
        trx
          .insertInto('statuses')
          .values(
            chunk.map((r) => {
              const n = seq.get(r.region) ?? 0;
              seq.set(r.region, n + 1);
              return { stamp: asOf, region: r.region, seq: n, indicator_id: r.indicatorId, category: category.get(r.indicatorId) ?? null, attribute: r.attribute, year: r.year, status: r.status, document_id: r.source.documentId, row: JSON.stringify(r) };
            }),
          )
          .onConflict((oc) => oc.columns(['stamp', 'region', 'seq']).doNothing())
          .execute(),
      CHUNK,
    );
    // only what was read: a change committed meanwhile stays out of date for the next reader
    for (const d of dirty) await trx.deleteFrom('status_dirty').where('region', '=', d.region).where('generation', '=', d.generation).execute();
    await setState(trx, STAMP, stamp);
  });
  return stamp;
}

export interface StatusFilter {
  region?: string;
  year?: number;
  indicator?: string;
  status?: StatusKind[];
  /** The document of the authoritative statement. */
  document?: string;
  asOf?: string;
}

/** The statuses of the distinct targets (filtered), in the engine's order. */
export async function statusRows(store: Store, filter: StatusFilter = {}, page?: { offset: number; limit: number }): Promise<StatusRow[]> {
  const stamp = await ensureStatuses(store, filter.asOf);
  let q = store.selectFrom('statuses').select('row').where('stamp', '=', dateOf(stamp));
  if (filter.region) q = q.where('region', '=', canonicalRegion(filter.region) ?? filter.region);
  if (filter.year) q = q.where('year', '=', filter.year);
  if (filter.indicator) q = q.where('indicator_id', '=', filter.indicator);
  if (filter.status?.length) q = q.where('status', 'in', filter.status);
  if (filter.document) q = q.where('document_id', '=', filter.document);
  q = q.orderBy('region').orderBy('seq');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return (await q.execute()).map((r) => JSON.parse(r.row) as StatusRow);
}

/** How many statuses of each kind. */
/** What was read of one stamp's statuses, per store: they never change under a stamp, so each is read once. */
const memo = new WeakMap<Store, { stamp: string; values: Map<string, unknown> }>();
async function once<T>(store: Store, stamp: string, what: string, read: () => Promise<T>): Promise<T> {
  let m = memo.get(store);
  if (m?.stamp !== stamp) memo.set(store, (m = { stamp, values: new Map() }));
  if (!m.values.has(what)) m.values.set(what, await read());
  return m.values.get(what) as T;
}

/** How many statuses of each kind. */
export type Counts = Record<string, number>;

/** How many statuses in all. */
export const countOf = (c: Counts | undefined): number => Object.values(c ?? {}).reduce((a, b) => a + b, 0);

/** Counts of statuses per value of a column (category, document, indicator, region). */
export async function statusCounts(store: Store, by: 'category' | 'document_id' | 'indicator_id' | 'region', asOf?: string): Promise<Map<string, Counts>> {
  const stamp = await ensureStatuses(store, asOf);
  return once(store, stamp, `counts:${by}`, () => countBy(store, stamp, by));
}

async function countBy(store: Store, stamp: string, by: 'category' | 'document_id' | 'indicator_id' | 'region'): Promise<Map<string, Counts>> {
  const rows = await store
    .selectFrom('statuses')
    .select([by, 'status'])
    .select((e) => e.fn.countAll().as('n'))
    .where('stamp', '=', dateOf(stamp))
    .groupBy([by, 'status'])
    .execute();
  const out = new Map<string, Counts>();
  for (const r of rows) {
    const key = (r as Record<string, unknown>)[by] as string | null;
    const c = out.get(key ?? '') ?? {};
    c[r.status] = Number(r.n);
    out.set(key ?? '', c);
  }
  return out;
}

const WARNED: StatusKind[] = ['off_track', 'at_risk', 'missed'];
const warnedIn = (c: Counts) => (c.off_track ?? 0) + (c.at_risk ?? 0) + (c.missed ?? 0);

/** The documents whose targets have statuses, those with most warnings first (then in the order of the documents): the first `limit`, with their counts, and how many there are. */
export async function statusDocuments(store: Store, limit: number, asOf?: string): Promise<{ total: number; shown: Array<{ id: string; title: string; counts: Counts }> }> {
  const stamp = await ensureStatuses(store, asOf);
  const byDocument = await once(store, stamp, 'counts:document_id', () => countBy(store, stamp, 'document_id'));
  return once(store, stamp, `documents:${limit}`, async () => {
    const docs = await store.selectFrom('documents').select(['id', 'title']).orderBy('file').orderBy('seq').execute();
    const shown = docs
      .filter((d) => byDocument.has(d.id))
      .map((d) => ({ id: d.id, title: d.title, counts: byDocument.get(d.id)! }))
      .sort((a, b) => warnedIn(b.counts) - warnedIn(a.counts))
      .slice(0, limit);
    return { total: byDocument.size - (byDocument.has('') ? 1 : 0), shown };
  });
}

/** The warnings, most serious first (warnings' order), the first `limit` of them with their rows, and how many there are. */
export async function warnedStatuses(store: Store, limit: number, asOf?: string): Promise<{ total: number; shown: Array<Warning & { row: StatusRow }> }> {
  const stamp = await ensureStatuses(store, asOf);
  return once(store, stamp, `warned:${limit}`, () => warnedOf(store, stamp, limit));
}

async function warnedOf(store: Store, stamp: string, limit: number): Promise<{ total: number; shown: Array<Warning & { row: StatusRow }> }> {
  const heads = await store.selectFrom('statuses').select(['region', 'seq', 'status', 'attribute', 'indicator_id']).where('stamp', '=', dateOf(stamp)).where('status', 'in', WARNED).orderBy('region').orderBy('seq').execute();
  // rank on the columns; read the rows of the shown ones only
  const ranked = warnings(heads.map((h, k) => ({ name: String(k), indicatorId: h.indicator_id, attribute: h.attribute ?? undefined, result: { status: h.status as StatusKind, reason: '' } })));
  const picked = ranked.slice(0, limit).map((w) => heads[Number(w.name)]);
  const rows = new Map<string, StatusRow>();
  const at = (r: { region: string; seq: number }) => `${r.region}\u0000${r.seq}`;
  if (picked.length)
    for (const r of await store
      .selectFrom('statuses')
      .select(['region', 'seq', 'row'])
      .where('stamp', '=', dateOf(stamp))
      .where((eb) => eb.or(picked.map((p) => eb.and([eb('region', '=', p.region), eb('seq', '=', p.seq)]))))
      .execute())
      rows.set(at(r), JSON.parse(r.row) as StatusRow);
  const shown = picked.map((p) => {
    const row = rows.get(at(p))!;
    return { ...warnings([{ name: entryName(row), indicatorId: row.indicatorId, attribute: row.attribute ?? undefined, result: row }])[0], row };
  });
  return { total: ranked.length, shown };
}

// Deriving the documents stored since the last refresh (the derive queue) without rebuilding the store:
// their regions, links, targets and actuals, the vintages of the figures they report again, the metrics
// of their own that earlier figures now follow, the issues about what they touch, their projects, and
// the regions whose statuses are out of date. Every read is by key, so adding a county's report costs
// the same in a store of 300 documents or of 30,000; the rows written are those a rebuild of the whole
// store would write (test/monitor/incremental.test.ts compares them). One transaction.
import type { DocumentRecord } from '../model/records.js';
import type { ExpressionBuilder } from 'kysely';
import { inTransaction, type Store } from '../store/db.js';
import type { ActualsTable, Database, FactsTable, IssuesTable } from '../store/schema.js';
import { inChunks, insertAll } from '../store/insert.js';
import { statusesChanged } from '../store/state.js';
import { regionRows } from '../structure/region-rows.js';
import { adhocIndicator, adhocName } from './adhoc.js';
import { breakIssues, documentConflicts, driftIssues, unique } from './consistency.js';
import { actualRecords, Derivation, docInfo, setVintages, targetRecords, type Info } from './derive-records.js';
import { choicesOf, conflictIssues, groupTargets, keyOf, ranker } from './distinct.js';
import { refreshProjectsOf } from './projects/store.js';
import { indicators, type IndicatorDef } from './registry.js';
import { markAdhoc, upsertIndicator, type RefreshCounts } from './refresh-writes.js';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Facts in the order a rebuild reads them: by document, then as the document gives them. */
const inDocumentOrder = (a: FactsTable, b: FactsTable) => byId({ id: a.document_id }, { id: b.document_id }) || a.seq - b.seq;

export async function deriveDocuments(store: Store, ids: string[]): Promise<RefreshCounts> {
  if (!ids.length) return { how: 'documents', links: 0, targets: 0, actuals: 0, issues: 0 };
  return inTransaction(store, async (t) => {
    // taken off the queue first: another process deriving the same documents waits for this transaction, then finds none
    const claimed = (await inChunks(ids, (c) => t.deleteFrom('derive_queue').where('document_id', 'in', c).returning('document_id').execute())).map((q) => q.document_id);
    const docs = (await inChunks(claimed, (c) => t.selectFrom('documents').select(['id', 'file', 'region', 'region_code', 'date', 'title', 'record']).where('id', 'in', c).execute(), 100)).sort(byId);
    const inScope = docs.map((d) => d.id);
    await insertRegions(t, docs);
    const records = new Map(docs.map((d) => [d.id, JSON.parse(d.record) as DocumentRecord]));
    const info = new Map<string, Info>(docs.map((d) => [d.id, docInfo(d, records.get(d.id))]));
    const facts = (await inChunks(inScope, (c) => t.selectFrom('facts').selectAll().where('document_id', 'in', c).execute())).sort(inDocumentOrder);
    const rows = (await inChunks(inScope, (c) => t.selectFrom('table_rows').selectAll().where('document_id', 'in', c).execute())).sort(
      (a, b) => byId({ id: a.document_id }, { id: b.document_id }) || a.line - b.line || byId(a, b),
    );
    // what an earlier derivation of these documents left goes first (a document deleted by hand and its file ingested again)
    const subjects = [...facts.map((f) => f.id), ...rows.map((r) => r.id)];
    await inChunks(subjects, (c) => t.deleteFrom('links').where('manual', '=', 0).where('subject_id', 'in', c).execute());
    for (const table of ['targets', 'actuals'] as const) await inChunks(subjects, (c) => t.deleteFrom(table).where('source_id', 'in', c).where('source_kind', 'in', ['fact', 'row']).execute());
    // links set by hand of these documents' facts and rows (by key: the store's others are not read)
    const manual = new Map((await inChunks(subjects, (c) => t.selectFrom('links').select(['subject_id', 'indicator_id']).where('manual', '=', 1).where('subject_id', 'in', c).execute())).map((l) => [l.subject_id, l.indicator_id]));
    const defs = new Map<string, IndicatorDef>(indicators().map((d) => [d.id, d]));
    const run = new Derivation(info, defs, manual);
    for (const r of rows) run.row(r);
    for (const f of facts) run.fact(f);

    // metrics of their own: those some earlier document set a target for, and those these documents set one for first
    const metrics = [...new Set(run.unlinked.map(([, aid]) => aid))];
    const followed = new Set((await inChunks(metrics, (c) => t.selectFrom('facts').select('adhoc_id').distinct().where('adhoc_id', 'in', c).where('modality', '=', 'target').execute())).map((r) => r.adhoc_id!));
    for (const i of await inChunks([...followed], (c) => t.selectFrom('indicators').selectAll().where('id', 'in', c).execute()))
      defs.set(i.id, { id: i.id, name: i.name, unit: i.unit, unitFamily: i.unit_family, direction: i.direction as IndicatorDef['direction'], synonyms: [], category: i.category ?? undefined });
    const first = new Set<string>();
    for (const [f, aid] of run.unlinked)
      if (f.modality === 'target' && !defs.has(aid)) {
        defs.set(aid, adhocIndicator(adhocName(f.metric, f.measure, f.value), f.unit));
        first.add(aid);
      }
    // a metric is named by its first target in the order of documents: one of these documents may now be first
    for (const aid of followed) {
      const named = await rename(t, aid, run.unlinked, defs.get(aid)!);
      if (!named) continue;
      defs.set(aid, named);
      // derived again below with the earlier figures (first); the conflicts of its documents are found again
      first.add(aid);
      await t.deleteFrom('issues').where('indicator_id', '=', aid).where('kind', '=', 'conflict').where('status', '=', 'open').where('subject', 'is', null).execute();
    }
    for (const [f, aid] of run.unlinked) if (defs.has(aid)) run.derive(f, aid);
    // the earlier figures of a metric a target now follows (or follows under another name or unit)
    const earlier = (await inChunks([...first], (c) => t.selectFrom('facts').selectAll().where('adhoc_id', 'in', c).execute())).sort(inDocumentOrder);
    const more = [...new Set(earlier.map((f) => f.document_id))];
    for (const d of await inChunks(more, (c) => t.selectFrom('documents').select(['id', 'region', 'region_code', 'date', 'title']).where('id', 'in', c).execute())) info.set(d.id, docInfo(d));
    for (const table of ['targets', 'actuals'] as const) await inChunks(earlier.map((f) => f.id), (c) => t.deleteFrom(table).where('source_id', 'in', c).where('source_kind', '=', 'fact').execute());
    for (const f of earlier) run.derive(f, f.adhoc_id!);
    for (const aid of first) await upsertIndicator(t, defs.get(aid)!);
    await markAdhoc(t, run.unlinked);
    await insertAll(t, 'links', run.links);

    const targets = targetRecords(run.derived, info);
    const actuals = actualRecords(run.derived);
    await insertAll(t, 'targets', targets);
    await insertAll(t, 'actuals', actuals);
    const revised = await revise(t, actuals);

    const issues = await withoutKnown(
      t,
      unique([...documentConflicts(run.derived), ...(await drift(t, run.links)), ...docs.flatMap((d) => breakIssues(records.get(d.id)!, info.get(d.id)!.region)), ...(await statements(t, targets))]),
    );
    await insertAll(t, 'issues', issues);
    await refreshProjectsOf(t, docs.map((d) => ({ ...d, record: records.get(d.id)! })));
    await statusesChanged(t, [...targets, ...actuals, ...revised].map((x) => x.region));
    return { how: 'documents', links: run.links.length, targets: targets.length, actuals: actuals.length, issues: issues.length };
  });
}

/**
 * The metric `aid` as its first target (in the order of documents) names it, when that target is one of
 * the new documents' and names it otherwise than `current`; else undefined.
 */
async function rename(trx: Store, aid: string, unlinked: Array<[FactsTable, string]>, current: IndicatorDef): Promise<IndicatorDef | undefined> {
  const mine = unlinked.find(([f, a]) => a === aid && f.modality === 'target')?.[0];
  if (!mine) return undefined;
  const stored = await trx.selectFrom('facts').select(['document_id', 'seq']).where('adhoc_id', '=', aid).where('modality', '=', 'target').orderBy('document_id').orderBy('seq').limit(1).executeTakeFirst();
  if (stored && (stored.document_id < mine.document_id || (stored.document_id === mine.document_id && stored.seq < mine.seq))) return undefined;
  const named = adhocIndicator(adhocName(mine.metric, mine.measure, mine.value), mine.unit);
  return named.name === current.name && named.unit === current.unit && named.direction === current.direction ? undefined : named;
}

/** The regions of the documents (and those above them), added to those known. */
async function insertRegions(trx: Store, docs: Array<{ region: string | null; region_code: string | null }>): Promise<void> {
  await inChunks(regionRows(docs), (rows) => trx.insertInto('regions').values(rows).onConflict((oc) => oc.column('name').doNothing()).execute(), 400);
}

/** A figure's series: its indicator, region and year. */
type Series = { indicator_id: string; region: string; year: number };
/** Series read in one statement (three parameters each). */
const SERIES = 50;

/** The distinct series of these rows. */
const seriesOf = (rows: Series[]): Series[] => [...new Map(rows.map((r) => [`${r.indicator_id}|${r.region}|${r.year}`, r])).values()];

/** Rows of any of these series (each an AND of its three keys, for both stores' indexes). */
const inSeries = (eb: ExpressionBuilder<Database, 'targets' | 'actuals'>, series: Series[]) =>
  eb.or(series.map((k) => eb.and([eb('indicator_id', '=', k.indicator_id), eb('region', '=', k.region), eb('year', '=', k.year)])));

/** The vintages of the figures the new actuals report, set again over all reports of each figure; returns those changed. */
async function revise(trx: Store, fresh: ActualsTable[]): Promise<ActualsTable[]> {
  const all = await inChunks(seriesOf(fresh), (c) => trx.selectFrom('actuals').selectAll().where((eb) => inSeries(eb, c)).where('source_kind', 'in', ['fact', 'row']).execute(), SERIES);
  const changed = setVintages(all);
  for (const a of changed) await trx.updateTable('actuals').set({ vintage: a.vintage }).where('id', '=', a.id).execute();
  return changed;
}

/** An indicator the new table rows name: all names its rows go by, in every document. */
async function drift(trx: Store, links: Array<{ subject_kind: string; indicator_id: string }>): Promise<IssuesTable[]> {
  const named = [...new Set(links.filter((l) => l.subject_kind === 'row').map((l) => l.indicator_id))];
  const names = new Map<string, string[]>();
  for (const ind of named) {
    const rows = await trx.selectFrom('links').innerJoin('table_rows', 'table_rows.id', 'links.subject_id').select('table_rows.name').distinct().where('links.indicator_id', '=', ind).where('links.subject_kind', '=', 'row').where('links.manual', '=', 0).execute();
    names.set(ind, rows.map((r) => r.name));
  }
  await inChunks(named, (c) => trx.deleteFrom('issues').where('kind', '=', 'drift').where('status', '=', 'open').where('indicator_id', 'in', c).execute());
  return driftIssues(names);
}

/** The statements of the targets the new ones join (same indicator, region, year, basis, period): conflicts among them. */
async function statements(trx: Store, fresh: Array<{ indicator_id: string; region: string; year: number }>): Promise<IssuesTable[]> {
  const keys = new Set(fresh.map((t) => keyOf(t as Parameters<typeof keyOf>[0])));
  const stored = await inChunks(seriesOf(fresh), (c) => trx.selectFrom('targets').selectAll().where((eb) => inSeries(eb, c)).execute(), SERIES);
  const mine = stored.filter((t) => keys.has(keyOf(t))).sort(byId);
  const docIds = [...new Set(mine.map((t) => t.document_id).filter((x): x is string => !!x))];
  const docs = await inChunks(docIds, (c) => trx.selectFrom('documents').select(['id', 'file', 'type']).where('id', 'in', c).execute());
  const choices = choicesOf(await inChunks([...keys], (c) => trx.selectFrom('issues').select(['status', 'subject', 'choice']).where('subject', 'in', c).execute()));
  const groups = groupTargets(mine, ranker(new Map(docs.map((d) => [d.id, d.type])), choices));
  await inChunks([...keys], (c) => trx.deleteFrom('issues').where('status', '=', 'open').where('subject', 'in', c).execute());
  return conflictIssues(groups, new Map(docs.map((d) => [d.id, d.file])));
}

/** The issues not already kept: settled by a person, or open under the same id. */
async function withoutKnown(trx: Store, issues: IssuesTable[]): Promise<IssuesTable[]> {
  const have = new Set((await inChunks(issues.map((i) => i.id), (c) => trx.selectFrom('issues').select('id').where('id', 'in', c).execute())).map((r) => r.id));
  return issues.filter((i) => !have.has(i.id));
}

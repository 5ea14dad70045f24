// Refresh the monitoring data of the store after an ingest: the registry and regions from the
// vocabularies, automatic links (links set by hand are kept), and the targets and actuals derived from
// facts and table rows (values entered by hand are kept). Deterministic: refreshing twice changes nothing.
// One transaction, which ends by marking the derived data current (see needsRefresh).
import type { DocumentRecord } from '../model/records.js';
import { inTransaction, type Store } from '../store/db.js';
import { indicators } from './registry.js';
import { adhocIndicator, adhocName } from './adhoc.js';
import { breakIssues, documentConflicts, driftIssues, unique } from './consistency.js';
import { choicesOf, conflictIssues, groupTargets, ranker } from './distinct.js';
import { actualRecords, Derivation, docInfo, setVintages, targetRecords } from './derive-records.js';
import { deriveDocuments } from './refresh-documents.js';
import { markAdhoc, upsertIndicator, type RefreshCounts } from './refresh-writes.js';
import { insertAll } from '../store/insert.js';
import { canonicalRegionName, regionRows } from '../structure/region-rows.js';
import { refreshProjects } from './projects/store.js';
import { DERIVED, getState, setState, statusesChanged } from '../store/state.js';
import { createHash } from 'node:crypto';
import { vocab } from '../vocab/load.js';
import { loadEdits } from './registry-store.js';

export type { RefreshCounts };

/** What the derived data is rebuilt from besides the documents: the registry and the regions (and this rule's version). */
export function derivationFingerprint(): string {
  return createHash('sha256').update(JSON.stringify(['3', indicators(), vocab('regions'), vocab('metric-direction')])).digest('hex').slice(0, 16);
}

/** Is the derived data out of date: documents stored and not yet derived, an interrupted rebuild, another registry? */
export async function needsRefresh(store: Store): Promise<boolean> {
  return (await needsRebuild(store)) || !!(await store.selectFrom('derive_queue').select('document_id').limit(1).executeTakeFirst());
}

/**
 * Brings the derived data up to date: the whole store rebuilt when it is stale (an interrupted rebuild, a
 * new registry, a store from before 016), else the documents stored since the last refresh derived, in
 * batches (`afterBatch` runs after each: ingest collects the garbage of a batch there).
 */
export async function refresh(store: Store, afterBatch?: () => void): Promise<RefreshCounts> {
  if (await needsRebuild(store)) return rebuild(store);
  const queued = (await store.selectFrom('derive_queue').select('document_id').orderBy('document_id').execute()).map((q) => q.document_id);
  // a hundred documents at a time, each batch in a transaction of its own: a large ingest's records are
  // never all held at once, and a process killed between batches leaves the rest queued for the next refresh
  const done: RefreshCounts = { how: 'documents', links: 0, targets: 0, actuals: 0, issues: 0 };
  for (let i = 0; i < queued.length; i += DERIVE_BATCH) {
    const c = await deriveDocuments(store, queued.slice(i, i + DERIVE_BATCH));
    for (const k of ['links', 'targets', 'actuals', 'issues'] as const) done[k] += c[k];
    afterBatch?.();
  }
  return done;
}

/** Documents derived in one transaction of a refresh. */
const DERIVE_BATCH = 100;

/**
 * Before the first documents of a store: its (empty) derivation made current, so that they are derived
 * from the queue a hundred at a time, as later ones are, instead of by a rebuild holding them all.
 */
export async function deriveFromEmpty(store: Store): Promise<void> {
  if ((await needsRebuild(store)) && !(await store.selectFrom('documents').select('id').limit(1).executeTakeFirst())) await rebuild(store);
}

async function needsRebuild(store: Store): Promise<boolean> {
  await loadEdits(store); // the registry as edited in the application
  return (await getState(store, DERIVED)) !== derivationFingerprint();
}

/** Rebuilds all derived data from all documents, in one transaction. */
export async function rebuild(store: Store): Promise<RefreshCounts> {
  await loadEdits(store);
  return inTransaction(store, async (t) => {
    // registry and regions
    for (const d of indicators()) await upsertIndicator(t, d);
    const docs = await t.selectFrom('documents').select(['id', 'region', 'region_code', 'date', 'title', 'record']).orderBy('id').execute();
    await t.deleteFrom('regions').execute();
    await insertAll(t, 'regions', regionRows(docs));

    // each record read once (they are the largest values of the store)
    const records = new Map(docs.map((d) => [d.id, JSON.parse(d.record) as DocumentRecord]));
    const info = new Map(docs.map((d) => [d.id, docInfo(d, records.get(d.id))]));
    const facts = await t.selectFrom('facts').selectAll().orderBy('document_id').orderBy('seq').execute();
    const rows = await t.selectFrom('table_rows').selectAll().orderBy('document_id').orderBy('line').orderBy('id').execute();
    const manual = new Map((await t.selectFrom('links').selectAll().where('manual', '=', 1).execute()).map((l) => [l.subject_id, l.indicator_id]));
    await t.deleteFrom('links').where('manual', '=', 0).execute();
    const defs = new Map(indicators().map((d) => [d.id, d]));
    const run = new Derivation(info, defs, manual);
    for (const r of rows) run.row(r);
    for (const f of facts) run.fact(f);
    // facts the registry does not know are followed under their own metric when a document sets a target for it
    for (const [f, aid] of run.unlinked) if (f.modality === 'target' && !defs.has(aid)) defs.set(aid, adhocIndicator(adhocName(f.metric, f.measure, f.value), f.unit));
    for (const [f, aid] of run.unlinked) if (defs.has(aid)) run.derive(f, aid);
    for (const d of defs.values()) if (d.id.startsWith('m:')) await upsertIndicator(t, d);
    await t.updateTable('facts').set({ adhoc_id: null }).where('adhoc_id', 'is not', null).execute();
    await markAdhoc(t, run.unlinked);
    await insertAll(t, 'links', run.links);

    // targets and actuals (entered by hand or approved from a department's update: kept)
    await t.deleteFrom('targets').where('source_kind', 'not in', ['manual', 'update']).execute();
    await t.deleteFrom('actuals').where('source_kind', 'not in', ['manual', 'update']).execute();
    const targets = targetRecords(run.derived, info);
    const actuals = actualRecords(run.derived);
    setVintages(actuals);
    await insertAll(t, 'targets', targets);
    await insertAll(t, 'actuals', actuals);

    // what a person settles: statements that disagree, names that drift, series that break
    const stored = await t.selectFrom('targets').selectAll().orderBy('id').execute();
    const kept = await t.selectFrom('issues').select(['id', 'status', 'subject', 'choice']).execute();
    const types = new Map((await t.selectFrom('documents').select(['id', 'type']).execute()).map((d) => [d.id, d.type]));
    const files = new Map(docs.map((d) => [d.id, records.get(d.id)!.file]));
    const groups = groupTargets(stored, ranker(types, choicesOf(kept)));
    const names = new Map<string, string[]>();
    const rowName = new Map(rows.map((r) => [r.id, r.name]));
    for (const l of run.links) if (l.subject_kind === 'row') names.set(l.indicator_id, [...(names.get(l.indicator_id) ?? []), rowName.get(l.subject_id)!]);
    const issues = unique([
      ...documentConflicts(run.derived),
      ...driftIssues(names),
      ...docs.flatMap((d) => breakIssues(records.get(d.id)!, info.get(d.id)!.region)),
      ...conflictIssues(groups, files),
    ]);
    await t.deleteFrom('issues').where('status', '=', 'open').execute();
    const settled = new Set(kept.filter((r) => r.status !== 'open').map((r) => r.id));
    await insertAll(t, 'issues', issues.filter((i) => !settled.has(i.id)));
    await refreshProjects(t);
    await t.deleteFrom('derive_queue').execute();
    await setState(t, DERIVED, derivationFingerprint());
    await statusesChanged(t);
    return { how: 'rebuild', links: run.links.length + manual.size, targets: targets.length, actuals: actuals.length, issues: issues.length };
  });
}

/** The registry's name of a region (海西州 → 海西蒙古族藏族自治州), by its GB/T 2260 code where the document has one. */
export function canonicalRegion(name: string | null, code?: string | null): string | null {
  return canonicalRegionName(name, code);
}

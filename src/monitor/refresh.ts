// Refresh the monitoring data of the store after an ingest: the registry and regions from the
// vocabularies, automatic links (links set by hand are kept), and the targets and actuals derived from
// facts and table rows (values entered by hand are kept). Deterministic: refreshing twice changes nothing.
// One transaction, which ends by marking the derived data current (see needsRefresh).
import type { CellValue, DocumentRecord } from '../model/records.js';
import type { Store } from '../store/db.js';
import { fromFact, fromRow, planPeriod, type Derived, type DocInfo } from './derive.js';
import { indicators, linkName, type IndicatorDef } from './registry.js';
import { adhocId, adhocIndicator, adhocName } from './adhoc.js';
import { findIssues } from './consistency.js';
import { choicesOf, conflictIssues, groupTargets, ranker } from './distinct.js';
import { insertAll } from '../store/insert.js';
import { canonicalRegionName, regionRows } from '../structure/region-rows.js';
import { refreshProjects } from './projects/store.js';
import { DERIVED, getState, setState, statusesChanged } from '../store/state.js';
import { createHash } from 'node:crypto';
import { vocab } from '../vocab/load.js';
import { loadEdits } from './registry-store.js';

const now = () => new Date().toISOString();
/** The longest metric followed as an indicator of its own; longer ones are fragments of sentences. */
const ADHOC_MAX = 24;
/** The comparators of an actual reported only as a bound ("5.5以内"); 左右 is a figure. */
const BOUNDS = new Set(['lte', 'lt', 'gte', 'gt']);

/** What the derived data is rebuilt from besides the documents: the registry and the regions (and this rule's version). */
export function derivationFingerprint(): string {
  return createHash('sha256').update(JSON.stringify(['2', indicators(), vocab('regions'), vocab('metric-direction')])).digest('hex').slice(0, 16);
}

/** Is the derived data stale: documents stored since the last rebuild (an interrupted refresh), or another registry? */
export async function needsRefresh(store: Store): Promise<boolean> {
  await loadEdits(store);
  return (await getState(store, DERIVED)) !== derivationFingerprint();
}

/** An indicator of the registry, or one a document names, written or brought up to date. */
async function upsertIndicator(store: Store, d: IndicatorDef): Promise<void> {
  const row = { name: d.name, unit: d.unit, unit_family: d.unitFamily, direction: d.direction, attribute: d.attribute ?? null, category: d.category ?? null, synonyms: JSON.stringify(d.synonyms), cumulative: d.cumulative ? 1 : 0 };
  await store.insertInto('indicators').values({ id: d.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
}

export async function refresh(store: Store): Promise<{ links: number; targets: number; actuals: number; issues: number }> {
  await loadEdits(store); // the registry as edited in the application
  return store.transaction().execute(async (trx) => {
    // registry and regions
    for (const d of indicators()) await upsertIndicator(trx as unknown as Store, d);
    const docs = await trx.selectFrom('documents').select(['id', 'region', 'region_code', 'date', 'title', 'record']).execute();
    await trx.deleteFrom('regions').execute();
    await insertAll(trx, 'regions', regionRows(docs));

    // documents, facts, rows
    const info = new Map<string, DocInfo & { tables: Map<string, string> }>();
    // each record read once (they are the largest values of the store)
    const records = new Map(docs.map((d) => [d.id, JSON.parse(d.record) as DocumentRecord]));
    for (const d of docs) {
      const rec = records.get(d.id)!;
      info.set(d.id, { id: d.id, region: canonicalRegion(d.region, d.region_code), date: d.date, title: d.title, tables: new Map(rec.tables.map((t) => [t.label, t.title])) });
    }
    const facts = await trx.selectFrom('facts').selectAll().execute();
    const rows = await trx.selectFrom('table_rows').selectAll().execute();
    const manual = new Map((await trx.selectFrom('links').selectAll().where('manual', '=', 1).execute()).map((l) => [l.subject_id, l.indicator_id]));
    await trx.deleteFrom('links').where('manual', '=', 0).execute();
    const links: Record<string, unknown>[] = [];
    const linkOf = (id: string, kind: string, name: string, unit: string, measure?: string): string | undefined => {
      if (manual.has(id)) return manual.get(id);
      const l = linkName(name, { unit, measure });
      if (!l) return undefined;
      links.push({ subject_id: id, subject_kind: kind, indicator_id: l.indicatorId, confidence: l.confidence, manual: 0, updated_at: now() });
      return l.indicatorId;
    };
    const derived: Derived[] = [];
    const defs = new Map(indicators().map((d) => [d.id, d]));
    for (const r of rows) {
      const id = linkOf(r.id, 'row', r.name, r.unit);
      const doc = info.get(r.document_id);
      if (!id || !doc) continue;
      const cells = JSON.parse(r.cells) as CellValue[];
      const def = defs.get(id);
      derived.push(...fromRow({ id: r.id, name: r.name, attribute: r.attribute, columns: JSON.parse(r.columns), cells, line: r.line }, id, doc, doc.tables.get(r.table_label), def?.unit ?? r.unit, !!def?.cumulative));
    }
    // facts the registry does not know are followed under their own metric when a document sets a target for it
    const adhoc = new Map<string, IndicatorDef>();
    const unlinked: Array<[(typeof facts)[number], string]> = [];
    const fromLinked = (f: (typeof facts)[number], id: string) => {
      const doc = info.get(f.document_id);
      const def = defs.get(id) ?? adhoc.get(id);
      const d = doc && fromFact(f, id, def?.unit ?? f.unit, doc, def?.name);
      if (d) derived.push(d);
    };
    for (const f of facts) {
      const id = linkOf(f.id, 'fact', f.metric, f.unit, f.measure);
      if (id) fromLinked(f, id);
      // a metric that reads as a name (not a sentence fragment of 30 characters) and a region to follow it in
      else if (f.year && f.metric.length >= 2 && f.metric.length <= ADHOC_MAX && info.get(f.document_id)?.region) {
        const name = adhocName(f.metric, f.measure, f.value);
        const aid = adhocId(name, f.unit);
        if (f.modality === 'target' && !adhoc.has(aid)) adhoc.set(aid, adhocIndicator(name, f.unit));
        unlinked.push([f, aid]);
      }
    }
    for (const d of adhoc.values()) await upsertIndicator(trx as unknown as Store, d);
    for (const [f, aid] of unlinked) if (adhoc.has(aid)) fromLinked(f, aid);
    await insertAll(trx, 'links', links);

    // targets and actuals (entered by hand or approved from a department's update: kept)
    await trx.deleteFrom('targets').where('source_kind', 'not in', ['manual', 'update']).execute();
    await trx.deleteFrom('actuals').where('source_kind', 'not in', ['manual', 'update']).execute();
    const key = (d: Derived) => `${d.indicatorId}|${d.region}|${d.year}|${d.measure}|${d.basis}|${d.period}`;
    const targets = derived.filter((d) => d.kind === 'target');
    const actuals = derived.filter((d) => d.kind === 'actual');
    // a target's baseline: the latest earlier figure of its own statement (a plan row's 基期 column), by key
    const bySource = new Map<string, Derived[]>();
    const sourceKey = (d: Derived) => `${d.sourceId}|${d.indicatorId}|${d.region}|${d.measure}`;
    for (const a of actuals) bySource.set(sourceKey(a), [...(bySource.get(sourceKey(a)) ?? []), a]);
    const baseline = (t: Derived) =>
      (bySource.get(sourceKey(t)) ?? [])
        .filter((a) => a.year < t.year)
        .sort((a, b) => b.year - a.year)[0];
    // ids that stay the same when other documents are added: source, year, measure (and a counter
    // only when one source gives several values for them)
    const stable = (prefix: string) => {
      const used = new Map<string, number>();
      return (d: Derived) => {
        const base = `${d.sourceId}:${prefix}:${d.year}:${d.measure}`;
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        return n ? `${base}:${n}` : base;
      };
    };
    const targetId = stable('T');
    const actualId = stable('A');
    await insertAll(
      trx,
      'targets',
      targets.map((t) => {
        const b = baseline(t);
        return {
          id: targetId(t),
          indicator_id: t.indicatorId,
          region: t.region,
          year: t.year,
          value: t.value,
          upper: t.upper,
          words: t.words,
          comparator: t.comparator,
          measure: t.measure,
          baseline_year: b?.year ?? null,
          baseline_value: b?.value ?? null,
          attribute: t.attribute,
          source_kind: t.sourceKind,
          source_id: t.sourceId,
          document_id: t.documentId,
          line: t.line,
          // the year the target was set: its document's date, or for an undated plan the year before its period
          set_in: t.reported ? Number(t.reported.slice(0, 4)) : (planPeriod(info.get(t.documentId)?.title ?? '')?.[0] ?? 1) - 1 || null,
          basis: t.basis,
          period_from: t.period?.[0] ?? null,
          period_to: t.period?.[1] ?? null,
          unit: t.unit,
        };
      }),
    );
    // vintage: the first report of a figure, later reports revise it; an estimate (预计数 *) is marked
    const seen = new Map<string, number>();
    const ordered = [...actuals].sort((a, b) => (a.reported ?? '').localeCompare(b.reported ?? ''));
    await insertAll(
      trx,
      'actuals',
      ordered.map((a) => {
        const n = seen.get(key(a)) ?? 0;
        seen.set(key(a), n + 1);
        return {
          id: actualId(a),
          indicator_id: a.indicatorId,
          region: a.region,
          year: a.year,
          value: a.value!,
          measure: a.measure,
          vintage: a.estimate ? 'estimate' : n === 0 ? 'first' : 'revised',
          source_kind: a.sourceKind,
          source_id: a.sourceId,
          document_id: a.documentId,
          line: a.line,
          reported: a.reported,
          basis: a.basis,
          period_from: a.period?.[0] ?? null,
          period_to: a.period?.[1] ?? null,
          bound: BOUNDS.has(a.comparator) ? a.comparator : null,
        };
      }),
    );
    // statements of one target that disagree (a plan's table and its prose): one issue each, settled by a person
    const stored = await trx.selectFrom('targets').selectAll().orderBy('id').execute();
    const kept = await trx.selectFrom('issues').select(['id', 'status', 'subject', 'choice']).execute();
    const types = new Map((await trx.selectFrom('documents').select(['id', 'type']).execute()).map((d) => [d.id, d.type]));
    const files = new Map(docs.map((d) => [d.id, records.get(d.id)!.file]));
    const groups = groupTargets(stored, ranker(types, choicesOf(kept)));
    const issues = [...findIssues(derived, [...records.values()], info), ...conflictIssues(groups, files)];
    await trx.deleteFrom('issues').where('status', '=', 'open').execute();
    const settled = new Set(kept.filter((r) => r.status !== 'open').map((r) => r.id));
    await insertAll(trx, 'issues', issues.filter((i) => !settled.has(i.id)));
    await refreshProjects(trx as unknown as Store);
    await setState(trx as unknown as Store, DERIVED, derivationFingerprint());
    await statusesChanged(trx as unknown as Store);
    return { links: links.length + manual.size, targets: targets.length, actuals: actuals.length, issues: issues.length };
  });
}

/** The registry's name of a region (海西州 → 海西蒙古族藏族自治州), by its GB/T 2260 code where the document has one. */
export function canonicalRegion(name: string | null, code?: string | null): string | null {
  return canonicalRegionName(name, code);
}

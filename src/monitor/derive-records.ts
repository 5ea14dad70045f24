// What a refresh writes for the facts and table rows it derives — links, targets, actuals and their
// vintages — shared by the rebuild of the whole store (refresh.ts) and the derivation of new documents
// (refresh-documents.ts), so that both write the same rows. Pure: the callers read and write the store.
import type { CellValue, DocumentRecord } from '../model/records.js';
import type { ActualsTable, FactsTable, TableRowsTable, TargetsTable } from '../store/schema.js';
import { fromFact, fromRow, planPeriod, type Derived, type DocInfo } from './derive.js';
import { linkName, type IndicatorDef } from './registry.js';
import { adhocId, adhocName } from './adhoc.js';
import { canonicalRegionName } from '../structure/region-rows.js';

/** The longest metric followed as an indicator of its own; longer ones are fragments of sentences. */
const ADHOC_MAX = 24;
/** The comparators of an actual reported only as a bound ("5.5以内"); 左右 is a figure. */
const BOUNDS = new Set(['lte', 'lt', 'gte', 'gt']);
const now = () => new Date().toISOString();

export type Info = DocInfo & { tables: Map<string, string> };

/** What a refresh knows of a document: its region by the registry's name, date, title, tables' titles. */
export function docInfo(d: { id: string; region: string | null; region_code: string | null; date: string | null; title: string }, record?: DocumentRecord): Info {
  return { id: d.id, region: canonicalRegionName(d.region, d.region_code), date: d.date, title: d.title, tables: new Map((record?.tables ?? []).map((t) => [t.label, t.title])) };
}

export interface LinkRow {
  subject_id: string;
  subject_kind: string;
  indicator_id: string;
  confidence: number;
  manual: number;
  updated_at: string;
}

/** Facts and rows linked and derived: automatic links, derived targets and actuals, facts left to adhoc metrics. */
export class Derivation {
  readonly links: LinkRow[] = [];
  readonly derived: Derived[] = [];
  /** Unlinked facts that could be followed under a metric of their own, with that metric's id. */
  readonly unlinked: Array<[FactsTable, string]> = [];

  constructor(
    private readonly info: Map<string, Info>,
    private readonly defs: Map<string, IndicatorDef>,
    private readonly manual: Map<string, string>,
  ) {}

  private linkOf(id: string, kind: string, name: string, unit: string, measure?: string): string | undefined {
    if (this.manual.has(id)) return this.manual.get(id);
    const l = linkName(name, { unit, measure });
    if (!l) return undefined;
    this.links.push({ subject_id: id, subject_kind: kind, indicator_id: l.indicatorId, confidence: l.confidence, manual: 0, updated_at: now() });
    return l.indicatorId;
  }

  row(r: TableRowsTable): void {
    const id = this.linkOf(r.id, 'row', r.name, r.unit);
    const doc = this.info.get(r.document_id);
    if (!id || !doc) return;
    const cells = JSON.parse(r.cells) as CellValue[];
    const def = this.defs.get(id);
    this.derived.push(...fromRow({ id: r.id, name: r.name, attribute: r.attribute, columns: JSON.parse(r.columns), cells, line: r.line }, id, doc, doc.tables.get(r.table_label), def?.unit ?? r.unit, !!def?.cumulative));
  }

  /** A fact: derived when it links to the registry; else kept in `unlinked` when it reads as a metric of its own. */
  fact(f: FactsTable): void {
    const id = this.linkOf(f.id, 'fact', f.metric, f.unit, f.measure);
    if (id) this.derive(f, id);
    // a metric that reads as a name (not a sentence fragment of 30 characters) and a region to follow it in
    else if (f.year && f.metric.length >= 2 && f.metric.length <= ADHOC_MAX && this.info.get(f.document_id)?.region)
      this.unlinked.push([f, adhocId(adhocName(f.metric, f.measure, f.value), f.unit)]);
  }

  /** A fact under an indicator (of the registry or adhoc: then in `defs`). */
  derive(f: FactsTable, id: string): void {
    const doc = this.info.get(f.document_id);
    const def = this.defs.get(id);
    const d = doc && fromFact(f, id, def?.unit ?? f.unit, doc, def?.name);
    if (d) this.derived.push(d);
  }
}

/** Ids that stay the same when other documents are added: source, kind, year, measure (and a counter only
 *  when one source gives several values for them). */
function stableIds(prefix: string): (d: Derived) => string {
  const used = new Map<string, number>();
  return (d) => {
    const base = `${d.sourceId}:${prefix}:${d.year}:${d.measure}`;
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    return n ? `${base}:${n}` : base;
  };
}

/** The rows of targets derived; a target's baseline is the latest earlier figure of its own statement (a plan row's 基期 column). */
export function targetRecords(derived: Derived[], info: Map<string, Info>): TargetsTable[] {
  const bySource = new Map<string, Derived[]>();
  const sourceKey = (d: Derived) => `${d.sourceId}|${d.indicatorId}|${d.region}|${d.measure}`;
  for (const a of derived) if (a.kind === 'actual') bySource.set(sourceKey(a), [...(bySource.get(sourceKey(a)) ?? []), a]);
  const targetId = stableIds('T');
  return derived
    .filter((d) => d.kind === 'target')
    .map((t) => {
      const b = (bySource.get(sourceKey(t)) ?? []).filter((a) => a.year < t.year).sort((a, c) => c.year - a.year)[0];
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
    });
}

/** The rows of actuals derived, vintages not yet set (see `setVintages`: they depend on the other reports of a figure). */
export function actualRecords(derived: Derived[]): ActualsTable[] {
  const actualId = stableIds('A');
  // ids in the order of reports, as they always were
  const ordered = derived.filter((d) => d.kind === 'actual').sort((a, b) => (a.reported ?? '').localeCompare(b.reported ?? ''));
  return ordered.map((a) => ({
    id: actualId(a),
    indicator_id: a.indicatorId,
    region: a.region,
    year: a.year,
    value: a.value!,
    measure: a.measure,
    vintage: a.estimate ? 'estimate' : 'first',
    source_kind: a.sourceKind,
    source_id: a.sourceId,
    document_id: a.documentId,
    line: a.line,
    reported: a.reported,
    basis: a.basis,
    period_from: a.period?.[0] ?? null,
    period_to: a.period?.[1] ?? null,
    bound: BOUNDS.has(a.comparator) ? a.comparator : null,
  }));
}

/** The figure an actual reports: indicator, region, year, measure, basis and period. */
export const figureKey = (a: Pick<ActualsTable, 'indicator_id' | 'region' | 'year' | 'measure' | 'basis' | 'period_from' | 'period_to'>): string =>
  `${a.indicator_id}|${a.region}|${a.year}|${a.measure}|${a.basis}|${a.period_from}|${a.period_to}`;

const kindRank = (k: string) => (k === 'row' ? 0 : 1);
/** The order of the reports of one figure: by date reported, a table before prose, then by place. */
const byReport = (a: ActualsTable, b: ActualsTable) =>
  (a.reported ?? '').localeCompare(b.reported ?? '') ||
  kindRank(a.source_kind) - kindRank(b.source_kind) ||
  (a.document_id ?? '').localeCompare(b.document_id ?? '') ||
  (a.line ?? 0) - (b.line ?? 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Vintages of derived actuals (in place): of the reports of one figure, the first is `first`, later ones
 * `revised`; an estimate (预计数 *) stays `estimate`. Returns the actuals whose vintage changed.
 */
export function setVintages(actuals: ActualsTable[]): ActualsTable[] {
  const byFigure = new Map<string, ActualsTable[]>();
  for (const a of actuals) byFigure.set(figureKey(a), [...(byFigure.get(figureKey(a)) ?? []), a]);
  const changed: ActualsTable[] = [];
  for (const list of byFigure.values())
    list.sort(byReport).forEach((a, n) => {
      const v = a.vintage === 'estimate' ? 'estimate' : n === 0 ? 'first' : 'revised';
      if (v !== a.vintage) changed.push(Object.assign(a, { vintage: v }));
    });
  return changed;
}

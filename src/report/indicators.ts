// The indicator part of a report: the plan's targets and the region's work-report targets for the year,
// each judged by the status engine (`evaluate`), with the source line of its target and of the figure
// shown as its actual, and the targets' ids (for the departments' updates on them).
import type { StatusKind } from '../model/records.js';
import type { Store } from '../store/db.js';
import type { ActualsTable, TargetsTable } from '../store/schema.js';
import { reasonWithConflicts, targetText, type StatusRow } from '../monitor/evaluate.js';
import { statusRows } from '../monitor/statuses.js';
import { STATUS_LABEL } from '../monitor/labels.js';
import type { PlanInfo, Window } from './scope.js';

export interface Source {
  file: string;
  line: number | null;
  documentId: string | null;
}

export interface IndicatorRow {
  no: number;
  indicatorId: string;
  indicator: string;
  unit: string;
  attribute: string | null;
  region: string;
  year: number;
  target: string;
  baseline: string | null;
  /** The figure shown as actual, as `evaluate` gives it: 1129.7（2025）, 6.8*（2025） for an estimate. */
  actual: string | null;
  status: StatusKind;
  statusLabel: string;
  reason: string;
  targetSource: Source;
  actualSource: Source | null;
  /** Every target of the same indicator, region and year (departments report on any of them). */
  targetIds: string[];
}

export interface IndicatorGroup {
  title: string;
  kind: 'plan' | 'annual';
  documentId: string;
  year: number;
  rows: IndicatorRow[];
}

/** The region's work reports (政府工作报告) that set targets for the year. */
async function workReports(store: Store, region: string, year: number) {
  const docs = await store.selectFrom('documents').select(['id', 'title', 'file', 'date']).where('region', '=', region).where('type', '=', '政府工作报告').orderBy('file').execute();
  const withTargets = new Set((await store.selectFrom('targets').select('document_id').where('region', '=', region).where('year', '=', year).execute()).map((t) => t.document_id));
  return docs.filter((d) => withTargets.has(d.id));
}

export async function indicatorGroups(store: Store, plan: PlanInfo, w: Window): Promise<{ groups: IndicatorGroup[]; reports: Array<{ id: string; title: string; file: string }> }> {
  const rows = await statusRows(store, { region: plan.region, asOf: w.asOf });
  const targets = await store.selectFrom('targets').selectAll().where('region', '=', plan.region).orderBy('id').execute();
  const actuals = await store.selectFrom('actuals').selectAll().where('region', '=', plan.region).orderBy('id').execute();
  const files = new Map((await store.selectFrom('documents').select(['id', 'file']).execute()).map((d) => [d.id, d.file]));
  const key = (x: { indicator: string; region: string; year: number; doc: string | null; line: number | null; text: string }) => `${x.indicator}|${x.region}|${x.year}|${x.doc}|${x.line}|${x.text}`;
  const byKey = new Map<string, TargetsTable>();
  for (const t of targets) byKey.set(key({ indicator: t.indicator_id, region: t.region, year: t.year, doc: t.document_id, line: t.line, text: targetText(t) }), t);
  const sameIndicator = (r: StatusRow) => targets.filter((t) => t.indicator_id === r.indicatorId && t.region === r.region && t.year === r.year).map((t) => t.id);
  let no = 0;
  const toRow = (r: StatusRow): IndicatorRow => {
    const t = byKey.get(key({ indicator: r.indicatorId, region: r.region, year: r.year, doc: r.source.documentId, line: r.source.line, text: r.target }));
    return {
      no: ++no,
      indicatorId: r.indicatorId,
      indicator: r.indicator,
      unit: r.unit,
      attribute: r.attribute,
      region: r.region,
      year: r.year,
      target: r.target,
      baseline: r.baseline,
      actual: r.latest,
      status: r.status,
      statusLabel: STATUS_LABEL[r.status] ?? r.status,
      // a conflict between statements of the target is named where the figure is shown
      reason: reasonWithConflicts(r),
      targetSource: r.source,
      actualSource: r.actualSource,
      targetIds: sameIndicator(r),
    };
  };
  const groups: IndicatorGroup[] = [];
  const planRows = plan.kind === 'work-report' ? [] : rows.filter((r) => r.source.documentId === plan.id && (w.type === 'annual' ? r.year >= w.year : r.year >= plan.start && r.year <= plan.end));
  for (const year of [...new Set(planRows.map((r) => r.year))].sort((a, b) => a - b)) {
    const title = year === plan.end ? `规划纲要${year}年（规划期末）目标` : year < plan.start ? `规划纲要${year}年目标（上一规划期完成情况）` : `规划纲要${year}年目标`;
    groups.push({ title, kind: 'plan', documentId: plan.id, year, rows: planRows.filter((r) => r.year === year).map(toRow) });
  }
  const reports = (await workReports(store, plan.region, w.year)).filter((d) => plan.kind === 'plan' || d.id === plan.id);
  for (const d of reports) {
    const rs = rows.filter((r) => r.source.documentId === d.id && r.year === w.year);
    if (rs.length) groups.push({ title: `${w.year}年政府工作报告主要预期目标`, kind: 'annual', documentId: d.id, year: w.year, rows: rs.map(toRow) });
  }
  return { groups, reports: reports.map((d) => ({ id: d.id, title: d.title, file: d.file })) };
}

// Targets and actuals from the extracted records: a plan table's cells (by what their column says:
// 目标 or 完成, the year, 年均增长) and the facts of plans and reports (target or actual by modality).
import type { Basis, CellValue, Comparator } from '../model/records.js';
import { fiveYearPlan, planPeriod } from '../extract/facts/context.js';
import { unitAt } from '../extract/units.js';

export interface Derived {
  kind: 'target' | 'actual';
  indicatorId: string;
  region: string;
  year: number;
  value: number | null;
  upper: number | null;
  words: string | null;
  comparator: Comparator;
  measure: 'level' | 'change';
  estimate: boolean;
  sourceKind: 'fact' | 'row';
  sourceId: string;
  documentId: string;
  line: number;
  reported: string | null;
  attribute: string | null;
  basis: Basis;
  period: [number, number] | null;
  unit: string;
}

export interface DocInfo {
  id: string;
  region: string | null;
  date: string | null;
  title: string;
}

export { planPeriod };

interface ColumnMeaning {
  kind: 'target' | 'actual';
  year: number;
  growth: boolean;
}

/** What a value column of an indicator table holds: 2020年 → actual 2020; 规划目标/2025年 → target 2025. */
export function columnMeaning(header: string, tablePeriod?: [number, number]): ColumnMeaning | undefined {
  const year = /(\d{4})年/.exec(header)?.[1];
  const target = /目标|规划/.test(header) && !/完成|实际/.test(header);
  const growth = /年均|增速|增长/.test(header);
  const period = fiveYearPlan(header) ?? tablePeriod;
  // a target or an outcome belongs to the end of the period; any other column is its base year
  const y = year ? Number(year) : !period ? undefined : target || /完成|实际/.test(header) ? period[1] : period[0] - 1;
  if (!y) return undefined;
  return { kind: target ? 'target' : 'actual', year: y, growth };
}

const isGrowthIndicator = (id: string) => /growth|intensity/.test(id);

export function fromRow(
  row: { id: string; name: string; attribute: string | null; columns: string[]; cells: CellValue[]; line: number },
  indicatorId: string,
  doc: DocInfo,
  tableTitle = '',
  indicatorUnit = '',
  cumulative = false,
): Derived[] {
  if (!doc.region) return [];
  const period = fiveYearPlan(tableTitle) ?? planPeriod(doc.title);
  const out: Derived[] = [];
  row.cells.forEach((cell, i) => {
    const meaning = columnMeaning(row.columns[i] ?? '', period);
    if (!meaning || cell.empty || !cell.text) return;
    const measure = meaning.growth && !isGrowthIndicator(indicatorId) ? 'change' : 'level';
    const { basis, span } = rowBasis(row.name, row.columns[i] ?? '', meaning, period, cumulative);
    out.push({
      kind: meaning.kind,
      indicatorId,
      region: doc.region!,
      year: meaning.year,
      value: cell.value ?? null,
      upper: null,
      words: cell.value === undefined ? cell.text : null,
      comparator: cell.comparator ?? 'eq',
      measure,
      estimate: !!cell.estimate,
      sourceKind: 'row',
      sourceId: row.id,
      documentId: doc.id,
      line: row.line,
      reported: doc.date,
      attribute: row.attribute,
      basis,
      period: span,
      unit: indicatorUnit,
    });
  });
  // worded actuals ("省州目标以内") are statements, not observations
  return out.filter((d) => d.kind === 'target' || d.value !== null);
}

/**
 * Basis of a table cell: a 年均 column or row is a yearly average over the period (a target's: the plan's;
 * a base column's: the plan the header names, 2025年/“十四五”期间); a cumulative indicator's 总量 is a total.
 */
function rowBasis(name: string, header: string, meaning: ColumnMeaning, plan: [number, number] | undefined, cumulative: boolean): { basis: Basis; span: [number, number] | null } {
  const over: [number, number] | null = meaning.kind === 'target' ? plan ?? null : fiveYearPlan(header) ?? (plan && meaning.year === plan[0] - 1 ? [plan[0] - 5, plan[0] - 1] : null);
  if (/年均/.test(name) || /年均/.test(header)) return { basis: 'average', span: over ?? [meaning.year - 4, meaning.year] };
  if (cumulative && over) return { basis: 'cumulative', span: over };
  return { basis: 'year', span: null };
}

/** The factor that turns a value in `from` (万人) into one in `to` (人), or undefined if they differ in kind. */
export function conversion(from: string, to: string): number | undefined {
  if (from === to) return 1;
  const a = unitAt(from, 0);
  const b = unitAt(to, 0);
  if (!a || !b || a.end !== from.length || b.end !== to.length) return undefined;
  if (a.base !== b.base && a.family !== '*') return undefined;
  return a.multiplier / b.multiplier;
}

export function fromFact(
  fact: { id: string; value: number; upper: number | null; unit: string; comparator: string; modality: string; year: number | null; line: number; quote: string; basis: string; period_from: number | null; period_to: number | null },
  indicatorId: string,
  indicatorUnit: string,
  doc: DocInfo,
  indicatorName = '',
): Derived | undefined {
  if (!doc.region || !fact.year) return undefined;
  const k = conversion(fact.unit, indicatorUnit);
  if (k === undefined) return undefined;
  // an indicator that names a decline (能耗降低) counts its size: 下降4% is 4
  const size = DECLINE.test(indicatorName) ? Math.abs : (v: number) => v;
  const scale = (v: number) => Math.round(size(v) * k * 1e6) / 1e6;
  return {
    kind: fact.modality === 'target' ? 'target' : 'actual',
    indicatorId,
    region: doc.region,
    year: fact.year,
    value: scale(fact.value),
    upper: fact.upper === null ? null : scale(fact.upper),
    words: null,
    comparator: fact.comparator as Comparator,
    measure: 'level',
    estimate: /预计/.test(fact.quote),
    sourceKind: 'fact',
    sourceId: fact.id,
    documentId: doc.id,
    line: fact.line,
    reported: doc.date,
    attribute: null,
    basis: fact.basis as Basis,
    period: fact.period_from !== null && fact.period_to !== null ? [fact.period_from, fact.period_to] : null,
    unit: indicatorUnit,
  };
}

const DECLINE = /(?:降低|下降|减少|压减|降幅)(?:率)?$/;

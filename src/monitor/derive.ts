// Targets and actuals from the extracted records: a plan table's cells (by what their column says:
// 目标 or 完成, the year, 年均增长) and the facts of plans and reports (target or actual by modality).
import type { CellValue, Comparator } from '../model/records.js';
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
): Derived[] {
  if (!doc.region) return [];
  const period = fiveYearPlan(tableTitle) ?? planPeriod(doc.title);
  const out: Derived[] = [];
  row.cells.forEach((cell, i) => {
    const meaning = columnMeaning(row.columns[i] ?? '', period);
    if (!meaning || cell.empty || !cell.text) return;
    const measure = meaning.growth && !isGrowthIndicator(indicatorId) ? 'change' : 'level';
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
    });
  });
  // worded actuals ("省州目标以内") are statements, not observations
  return out.filter((d) => d.kind === 'target' || d.value !== null);
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
  fact: { id: string; value: number; upper: number | null; unit: string; comparator: string; modality: string; year: number | null; line: number; quote: string },
  indicatorId: string,
  indicatorUnit: string,
  doc: DocInfo,
): Derived | undefined {
  if (!doc.region || !fact.year) return undefined;
  const k = conversion(fact.unit, indicatorUnit);
  if (k === undefined) return undefined;
  const scale = (v: number) => Math.round(v * k * 1e6) / 1e6;
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
  };
}

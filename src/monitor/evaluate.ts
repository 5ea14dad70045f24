// Where each target stands: targets and actuals from the store, judged by the status engine, with
// the region hierarchy (a higher level's target for 省州目标以内) and GDP growth (与经济增长同步).
import type { Comparator, StatusKind } from '../model/records.js';
import type { Store } from '../store/db.js';
import type { ActualsTable, IndicatorsTable, TargetsTable } from '../store/schema.js';
import { assess } from './status/index.js';
import type { Assessment, LevelTarget, Observation, StatusContext, Target } from './status/types.js';

export interface StatusRow {
  indicatorId: string;
  indicator: string;
  unit: string;
  region: string;
  level: string | null;
  year: number;
  target: string; // as a reader says it: ≥ 1100, 5 左右, 与经济增长同步
  baseline: string | null;
  latest: string | null;
  status: StatusKind;
  reason: string;
  attribute: string | null;
  source: { file: string; line: number | null; documentId: string | null };
}

const VINTAGE_RANK: Record<string, number> = { estimate: 0, first: 1, manual: 2, reported: 2, revised: 3 };
const CMP: Record<Comparator, string> = { eq: '', approx: '左右', gte: '≥', gt: '>', lte: '≤', lt: '<' };
export function targetText(t: Pick<TargetsTable, 'value' | 'upper' | 'words' | 'comparator' | 'measure'>): string {
  if (t.words) return t.words;
  const c = t.comparator as Comparator;
  const v = t.upper !== null ? `${t.value}–${t.upper}` : `${t.value}`;
  const rate = t.measure === 'change' ? '年均增长 ' : '';
  return c === 'approx' ? `${rate}${v} 左右` : `${rate}${CMP[c]}${v}`;
}

function toTarget(t: TargetsTable, ind: IndicatorsTable, actuals: ActualsTable[]): Target {
  const base = { indicatorId: ind.id, name: ind.name, unit: ind.unit, direction: ind.direction as 'higher' | 'lower', attribute: (t.attribute ?? ind.attribute ?? undefined) as Target['attribute'], region: t.region };
  // a worded target of a plan period is judged from the period's first year on (the base year is before it)
  if (t.words || t.value === null) return { ...base, kind: 'worded', year: t.year, wording: t.words ?? '', startYear: t.baseline_year !== null ? t.baseline_year + 1 : undefined };
  const horizon = t.set_in !== null && t.year - t.set_in >= 2;
  const baseline = t.baseline_year !== null && t.baseline_value !== null ? { year: t.baseline_year, value: t.baseline_value } : undefined;
  if (ind.cumulative && horizon) return { ...base, kind: 'cumulative', startYear: (t.baseline_year ?? t.set_in ?? t.year - 5) + 1, year: t.year, value: t.value, accumulate: 'sum' };
  if (t.measure === 'change') return { ...base, kind: 'multiyear', year: t.year, value: t.value, annualRate: true, baseline, observed: 'level' };
  if (horizon && (baseline || actuals.some((a) => a.year < t.year)))
    return { ...base, kind: 'multiyear', year: t.year, value: t.value, comparator: t.comparator as Comparator, baseline };
  return { ...base, kind: 'annual', year: t.year, value: t.value, upper: t.upper ?? undefined, comparator: t.comparator as Comparator };
}

function observations(actuals: ActualsTable[]): Observation[] {
  return actuals.map((a) => ({
    year: a.year,
    value: a.value,
    estimate: a.vintage === 'estimate',
    vintage: a.vintage === 'revised' ? 'revised' : 'first',
    published: a.reported ?? undefined,
  }));
}

export async function evaluate(store: Store, filter: { region?: string; year?: number; indicator?: string; asOf?: string } = {}): Promise<StatusRow[]> {
  let q = store.selectFrom('targets').selectAll();
  if (filter.region) q = q.where('region', '=', filter.region);
  if (filter.year) q = q.where('year', '=', filter.year);
  if (filter.indicator) q = q.where('indicator_id', '=', filter.indicator);
  const targets = await q.orderBy('region').orderBy('indicator_id').orderBy('year').orderBy('id').execute();
  const indicators = new Map((await store.selectFrom('indicators').selectAll().execute()).map((i) => [i.id, i]));
  const actuals = await store.selectFrom('actuals').selectAll().orderBy('id').execute();
  const regions = new Map((await store.selectFrom('regions').selectAll().execute()).map((r) => [r.name, r]));
  const docs = new Map((await store.selectFrom('documents').select(['id', 'file']).execute()).map((d) => [d.id, d.file]));
  // the higher levels' targets: all of them, read again only when the targets judged were filtered
  const allTargets = filter.region || filter.year || filter.indicator ? await store.selectFrom('targets').selectAll().execute() : targets;
  // judged as of a date: only figures for years up to it, reported by then
  const asOfYear = filter.asOf ? Number(filter.asOf.slice(0, 4)) : Infinity;
  const known = (a: ActualsTable) => a.year <= asOfYear && (!filter.asOf || !a.reported || a.reported <= filter.asOf);
  const series = (ind: string, region: string, measure: string) => actuals.filter((a) => a.indicator_id === ind && a.region === region && a.measure === measure && known(a));
  const context = (t: TargetsTable): StatusContext => ({
    asOf: filter.asOf,
    region: t.region,
    gdpGrowth: (region, year) => actuals.find((a) => a.indicator_id === 'gdp-growth' && a.region === region && a.year === year)?.value,
    higherTarget: () => higherTarget(t, allTargets, regions),
  });
  // the same target said again in the same document (a summary repeating a paragraph) is shown once
  const seen = new Set<string>();
  const distinct = targets.filter((t) => {
    const k = `${t.indicator_id}|${t.region}|${t.year}|${t.value}|${t.upper}|${t.words}|${t.comparator}|${t.measure}|${t.document_id}`;
    return !seen.has(k) && !!seen.add(k);
  });
  return distinct.map((t) => {
    const ind = indicators.get(t.indicator_id)!;
    const obs = series(t.indicator_id, t.region, t.measure);
    let a: Assessment;
    try {
      const target = toTarget(t, ind, obs);
      const usable = target.kind === 'worded' && target.startYear ? obs.filter((o) => o.year >= target.startYear!) : obs;
      a = assess(target, observations(usable), context(t));
    } catch (e) {
      a = { status: 'not_assessable', reason: `无法评估：${(e as Error).message}`, method: 'annual', asOf: filter.asOf ?? new Date().toISOString().slice(0, 10) };
    }
    // the figure a reader should see for the latest year: as the engine picks it (a reported figure over an
    // estimate, a revision over a first report, then the later report)
    const latest = [...obs].filter((o) => o.year <= t.year).sort((x, y) => y.year - x.year || VINTAGE_RANK[y.vintage] - VINTAGE_RANK[x.vintage] || (y.reported ?? '').localeCompare(x.reported ?? ''))[0];
    return {
      indicatorId: t.indicator_id,
      indicator: ind.name,
      unit: ind.unit,
      region: t.region,
      level: regions.get(t.region)?.level ?? null,
      year: t.year,
      target: targetText(t),
      baseline: t.baseline_year !== null ? `${t.baseline_value}（${t.baseline_year}）` : null,
      latest: latest ? `${latest.value}${latest.vintage === 'estimate' ? '*' : ''}（${latest.year}）` : null,
      status: a.status,
      reason: a.reason,
      attribute: t.attribute ?? ind.attribute,
      source: { file: (t.document_id && docs.get(t.document_id)) || '手工录入', line: t.line, documentId: t.document_id },
    };
  });
}

/** The target of the same indicator and year set by the region's parent (or grandparent). */
function higherTarget(t: TargetsTable, all: TargetsTable[], regions: Map<string, { parent: string | null }>): LevelTarget | undefined {
  for (let r = regions.get(t.region)?.parent; r; r = regions.get(r)?.parent) {
    const h = all.find((x) => x.region === r && x.indicator_id === t.indicator_id && x.year === t.year && x.value !== null);
    if (h) return { comparator: h.comparator as Comparator, value: h.value!, upper: h.upper ?? undefined, source: `${r}目标` };
  }
  return undefined;
}

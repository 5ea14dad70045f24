// Where each target stands: targets and actuals from the store, judged by the status engine, with
// the region hierarchy (a higher level's target for 省州目标以内) and GDP growth (与经济增长同步).
import type { Basis, Comparator, Direction, StatusEntry, StatusKind } from '../model/records.js';
import type { Store } from '../store/db.js';
import { inChunks } from '../store/insert.js';
import type { ActualsTable, Database, IndicatorsTable, TargetsTable } from '../store/schema.js';
import { assess } from './status/index.js';
import { SYMBOL } from './status/format.js';
import type { Assessment, LevelTarget, Observation, StatusContext, Target } from './status/types.js';
import { authorityWord, choicesOf, groupTargets, keyOf, ranker } from './distinct.js';
import { basisWords, closedYear, closes, noActualReason, openYear, sameBasis, type Verdict } from './verdict.js';
import { canonicalRegion } from './refresh.js';

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
  /** Where the figure shown as `latest` (or judged as the actual) was read. */
  actualSource: { file: string; line: number | null; documentId: string | null } | null;
  /** The same judgement as STATUS.md prints it. */
  entry: StatusEntry;
}

/** A row's name as warnings and pages show it, one per distinct target: 格尔木市 地区生产总值增长率 2025年（2021—2025年年均）. */
export function entryName(r: Pick<StatusRow, 'region' | 'indicator' | 'year' | 'entry'>): string {
  const e = r.entry;
  const span = e.period ? `（${basisWords({ basis: e.basis, period_from: e.period[0], period_to: e.period[1] })}）` : '';
  return `${r.region} ${r.indicator} ${r.year}年${span}`;
}

/** The reason, naming the statements that disagree with the target where there are any (reports show it). */
export function reasonWithConflicts(r: Pick<StatusRow, 'reason' | 'entry'>): string {
  const c = r.entry.conflict;
  if (!c) return r.reason;
  return `${r.reason}。另有不一致的表述：${c.map((x) => `${x.value ?? ''}（${x.file}:${x.line ?? ''}）`).join('、')}，${r.entry.authority ?? ''}`;
}

/** Today's date (UTC), what statuses are judged as of unless a date is given. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** Vintages as STATUS.md names them. */
const VINTAGE: Record<string, string> = { estimate: 'preliminary', first: 'preliminary', revised: 'revised', final: 'final', manual: 'manual', reported: 'manual' };

/** The quotes of facts and the names and cells of table rows, by source id. */
async function sourceQuotes(store: Store, ids: Array<string | null>): Promise<Map<string, string>> {
  const want = new Set(ids.filter((x): x is string => !!x));
  const out = new Map<string, string>();
  if (!want.size) return out;
  // only the sources shown, by key
  const list = [...want];
  for (const f of await inChunks(list, (chunk) => store.selectFrom('facts').select(['id', 'quote']).where('id', 'in', chunk).execute())) out.set(f.id, f.quote);
  for (const r of await inChunks(list, (chunk) => store.selectFrom('table_rows').select(['id', 'name', 'cells']).where('id', 'in', chunk).execute()))
    out.set(r.id, `${r.name}\t${(JSON.parse(r.cells) as Array<{ text: string }>).map((c) => c.text).join('\t')}`);
  return out;
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
    ...(a.bound ? { bound: a.bound as Observation['bound'] } : {}),
  }));
}

/** What to judge: all targets, or those of a region, year, indicator, or of a set of regions (statuses.ts judging again what changed). */
export interface EvaluateFilter {
  region?: string;
  year?: number;
  indicator?: string;
  regions?: string[];
  asOf?: string;
}

/** The rows of `table` of the regions named. */
const ofRegions = async <T extends 'targets' | 'actuals'>(store: Store, table: T, regions: Iterable<string>) =>
  (await inChunks([...new Set(regions)], (chunk) => store.selectFrom(table as 'targets').selectAll().where('region', 'in', chunk).execute())) as unknown as Array<Database[T]>;

/** The file and type of the documents named. */
const documentsOf = (store: Store, ids: Iterable<string>) => inChunks([...new Set(ids)], (chunk) => store.selectFrom('documents').select(['id', 'file', 'type']).where('id', 'in', chunk).execute());

export async function evaluate(store: Store, filter: EvaluateFilter = {}): Promise<StatusRow[]> {
  let q = store.selectFrom('targets').selectAll();
  if (filter.region) q = q.where('region', '=', canonicalRegion(filter.region) ?? filter.region);
  if (filter.regions) q = q.where('region', 'in', filter.regions.length ? filter.regions : ['']);
  if (filter.year) q = q.where('year', '=', filter.year);
  if (filter.indicator) q = q.where('indicator_id', '=', filter.indicator);
  const targets = await q.orderBy('region').orderBy('indicator_id').orderBy('year').orderBy('id').execute();
  const indicators = new Map((await store.selectFrom('indicators').selectAll().execute()).map((i) => [i.id, i]));
  const regions = new Map((await store.selectFrom('regions').selectAll().execute()).map((r) => [r.name, r]));
  // a set of regions reads by key what their statuses depend on: their actuals, their own and their
  // higher levels' targets, the documents of these
  const within = filter.regions;
  const actuals = within ? (await ofRegions(store, 'actuals', within)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : await store.selectFrom('actuals').selectAll().orderBy('id').execute();
  const above = (r: string) => {
    const out: string[] = [];
    for (let p = regions.get(r)?.parent; p && out.length < 8; p = regions.get(p)?.parent) out.push(p);
    return out;
  };
  const docIds = [...targets, ...actuals].map((x) => x.document_id).filter((x): x is string => !!x);
  const docs = new Map((within ? await documentsOf(store, docIds) : await store.selectFrom('documents').select(['id', 'file', 'type']).execute()).map((d) => [d.id, d]));
  const quotes = await sourceQuotes(store, [...targets.map((t) => t.source_id), ...actuals.map((a) => a.source_id)]);
  // the higher levels' targets: all of them, read again only when the targets judged were filtered
  const allTargets = within
    ? [...targets, ...(await ofRegions(store, 'targets', within.flatMap(above).filter((r) => !within.includes(r))))]
    : filter.region || filter.year || filter.indicator
      ? await store.selectFrom('targets').selectAll().execute()
      : targets;
  const asOf = filter.asOf ?? today();
  // judged as of a date: only figures reported by then (a year's figures are published the year after)
  const known = (a: ActualsTable) => !a.reported || a.reported <= asOf;
  const seriesKey = (x: { indicator_id: string; region: string; measure: string }) => `${x.indicator_id}|${x.region}|${x.measure}`;
  const byKey = new Map<string, ActualsTable[]>();
  for (const a of actuals) if (known(a)) byKey.set(seriesKey(a), [...(byKey.get(seriesKey(a)) ?? []), a]);
  const series = (t: TargetsTable) => byKey.get(seriesKey(t)) ?? [];
  const context = (t: TargetsTable): StatusContext => ({
    asOf,
    region: t.region,
    // 与经济增长同步: growth of the same years, on the same basis (a five-year average against a five-year average)
    gdpGrowth: (region, year) => actuals.find((a) => a.indicator_id === 'gdp-growth' && a.region === region && a.year === year && sameBasis(a, t))?.value,
    higherTarget: () => higherTarget(t, allTargets, regions),
  });
  const source = (x: { source_id: string | null; document_id: string | null; line: number | null; source_kind: string }) => ({
    file: (x.document_id && docs.get(x.document_id)?.file) || (x.source_kind === 'update' ? `部门报送（进展 ${x.source_id}）` : '手工录入'),
    line: x.line,
    quote: (x.source_id && quotes.get(x.source_id)) || '',
  });
  const choices = choicesOf(await store.selectFrom('issues').select(['status', 'subject', 'choice']).where('status', '=', 'settled').execute());
  const types = new Map([...docs.values()].map((d) => [d.id, d.type]));
  return groupTargets(targets, ranker(types, choices)).map(({ lead: t, same, other }) => {
    const ind = indicators.get(t.indicator_id)!;
    const direction = ind.direction as Direction;
    const all = series(t);
    const own = all.filter((a) => sameBasis(a, t));
    const yearly = all.filter((a) => a.basis === 'year');
    const over = closes(t.period_to ?? t.year) < asOf;
    const numeric = t.value !== null && !t.words;
    let a: Assessment;
    let closed: ReturnType<typeof closedYear>;
    try {
      if (over && numeric) closed = closedYear({ year: t.year, value: t.value!, upper: t.upper ?? undefined, comparator: t.comparator as Comparator, unit: ind.unit, direction }, observations(own));
      const target = toTarget(t, ind, yearly);
      const usable = target.kind === 'worded' ? own.filter((o) => !target.startYear || o.year >= target.startYear) : t.basis === 'year' ? yearly : own;
      a = closed ? { status: closed.status, reason: closed.reason, method: 'annual', asOf } : assess(target, observations(usable), context(t));
      if (!closed && over && numeric) {
        const other = all.find((x) => x.year === t.year && !sameBasis(x, t));
        a = { ...a, status: 'no_data', reason: noActualReason(t.year, other && { value: other.value, unit: ind.unit, basis: other }) };
      }
      if (!over) a = openYear(a, t.period_to ?? t.year);
    } catch (e) {
      a = { status: 'not_assessable', reason: `无法评估：${(e as Error).message}`, method: 'annual', asOf };
    }
    const verdict: Verdict = closed?.verdict ?? (over && t.words && a.actual !== undefined ? (a.status === 'achieved' ? 'met' : a.status === 'off_track' ? 'missed' : null) : null);
    const chosen = closed ? own.find((x) => x.year === closed!.actual.year && x.value === closed!.actual.value) : undefined;
    // the figure a reader should see for the latest year: as the engine picks it (a reported figure over an
    // estimate, a revision over a first report, then the later report)
    const latest = [...yearly].filter((o) => o.year <= t.year).sort((x, y) => y.year - x.year || VINTAGE_RANK[y.vintage] - VINTAGE_RANK[x.vintage] || (y.reported ?? '').localeCompare(x.reported ?? ''))[0];
    const shown = chosen ?? latest;
    const region = regions.get(t.region);
    const observed = (x: ActualsTable) => ({ value: x.value, ...(x.bound ? { comparator: x.bound as Comparator } : {}), unit: ind.unit, year: x.year, basis: x.basis as Basis, vintage: VINTAGE[x.vintage] ?? x.vintage, ...source(x) });
    const entry: StatusEntry = {
      region: { name: t.region, code: region?.code ?? null, level: region?.level ?? null },
      indicator: { id: ind.id, name: ind.name },
      year: t.year,
      basis: t.basis as Basis,
      ...(t.period_from !== null && t.period_to !== null ? { period: [t.period_from, t.period_to] as [number, number] } : {}),
      target: {
        value: t.value,
        ...(t.upper !== null ? { upper: t.upper } : {}),
        unit: ind.unit,
        comparator: t.comparator as Comparator,
        ...(t.words ? { worded: t.words } : {}),
        sources: [t, ...same].map(source),
      },
      actual: chosen ? observed(chosen) : null,
      ...(!over && t.baseline_year !== null && t.baseline_value !== null ? { baseline: { value: t.baseline_value, unit: ind.unit, year: t.baseline_year } } : {}),
      ...(!over && latest ? { latest: observed(latest) } : {}),
      status: a.status,
      verdict,
      reason: a.reason,
      ...(other.length ? { conflict: other.map((x) => ({ value: x.value, comparator: x.comparator as Comparator, ...source(x) })), authority: `以${authorityWord(t, choices.get(keyOf(t)) === t.source_id)}为准` } : {}),
    };
    return {
      indicatorId: t.indicator_id,
      indicator: ind.name,
      unit: ind.unit,
      region: t.region,
      level: region?.level ?? null,
      year: t.year,
      target: targetText(t),
      baseline: t.baseline_year !== null ? `${t.baseline_value}（${t.baseline_year}）` : null,
      latest: shown ? `${shown.bound ? SYMBOL[shown.bound as Comparator] : ''}${shown.value}${shown.vintage === 'estimate' ? '*' : ''}（${shown.year}）` : null,
      status: a.status,
      reason: a.reason,
      attribute: t.attribute ?? ind.attribute,
      source: { file: source(t).file, line: t.line, documentId: t.document_id },
      actualSource: shown ? { file: source(shown).file, line: shown.line, documentId: shown.document_id } : null,
      entry,
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

// Alignment across levels: the same indicator's targets for the same year at province, prefecture and
// county level side by side, with gaps flagged — a level without a target, or a lower level that aims
// lower than the level above it (direction-aware).
import type { Store } from '../store/db.js';
import { targetText } from './evaluate.js';

export interface AlignmentRow {
  region: string;
  level: string;
  parent: string | null;
  target: string | null;
  value: number | null;
  source: string | null;
  gap: string | null;
}

const LEVELS = ['national', 'province', 'prefecture', 'county'];

/** The regions table as alignment reads it, by name (read it once for several years). */
export async function regionMap(store: Store): Promise<Map<string, { name: string; level: string; parent: string | null }>> {
  return new Map((await store.selectFrom('regions').selectAll().execute()).map((r) => [r.name, r]));
}

/**
 * `only`: the chains of these regions alone (a page of a country's counties), else every region with a
 * target; `regions`: the regions table already read (regionMap).
 */
export async function alignment(store: Store, indicatorId: string, year: number, only?: readonly string[], regions?: Awaited<ReturnType<typeof regionMap>>): Promise<AlignmentRow[]> {
  const ind = await store.selectFrom('indicators').selectAll().where('id', '=', indicatorId).executeTakeFirst();
  if (!ind) return [];
  regions ??= await regionMap(store);
  let chains: string[] | undefined;
  if (only) {
    const set = new Set<string>();
    for (const o of only) for (let r: string | null | undefined = o; r; r = regions.get(r)?.parent) set.add(r);
    chains = [...set];
  }
  const targets = await store
    .selectFrom('targets')
    .leftJoin('documents', 'documents.id', 'targets.document_id')
    .select(['targets.region', 'targets.value', 'targets.upper', 'targets.words', 'targets.comparator', 'targets.measure', 'targets.line', 'documents.file'])
    .where('targets.indicator_id', '=', indicatorId)
    .where('targets.year', '=', year)
    .$if(!!chains, (q) => q.where('targets.region', 'in', chains!.length ? chains! : ['']))
    .execute();
  // the chains of regions that hold a target, from the top
  const involved = new Set<string>();
  for (const t of targets) for (let r: string | null | undefined = t.region; r; r = regions.get(r)?.parent) involved.add(r);
  const rows: AlignmentRow[] = [...involved]
    .filter((r) => regions.get(r)?.level !== 'national' || targets.some((t) => t.region === r))
    .sort((a, b) => LEVELS.indexOf(regions.get(a)?.level ?? '') - LEVELS.indexOf(regions.get(b)?.level ?? ''))
    .map((r) => {
      const t = targets.find((x) => x.region === r);
      return {
        region: r,
        level: regions.get(r)?.level ?? '',
        parent: regions.get(r)?.parent ?? null,
        target: t ? targetText(t) : null,
        value: t?.value ?? null,
        source: t ? `${t.file ?? '手工录入'}:${t.line ?? ''}` : null,
        gap: null,
      };
    });
  for (const row of rows) {
    if (row.target === null) {
      row.gap = '该级未设定目标';
      continue;
    }
    const parent = rows.find((p) => p.region === row.parent);
    if (!parent || parent.value === null || row.value === null) continue;
    const lower = ind.direction === 'higher' ? row.value < parent.value : row.value > parent.value;
    if (lower) row.gap = `目标低于上级（${parent.region} ${parent.target}）`;
  }
  return rows;
}

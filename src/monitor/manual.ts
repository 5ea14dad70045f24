// Corrections and entries by hand: a link from a fact or table row to another indicator, actual values
// entered one by one or from a CSV file — its own columns (indicator,region,year,value[,vintage]) or the
// actuals.csv of `lantu export` (indicator_id, measure, …). An actual the store already has (its id, or
// the same indicator, region, year, measure, value and vintage) is not added again, so importing an
// export back changes nothing. Hand-made records survive every refresh.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { inTransaction, type Store } from '../store/db.js';
import type { ActualsTable } from '../store/schema.js';
import { inChunks } from '../store/insert.js';
import { rebuild } from './refresh.js';
import { audit, type Actor } from '../store/audit.js';
import { statusesChanged } from '../store/state.js';

const CLI = { username: 'cli' };
import { linkName } from './registry.js';

const now = () => new Date().toISOString();

export class EntryError extends Error {}

/** Links a fact or table row to an indicator by hand (and refreshes the derived targets and actuals). */
export async function setLink(store: Store, subjectId: string, indicatorId: string, actor: Actor = CLI): Promise<void> {
  const ind = await store.selectFrom('indicators').select('id').where('id', '=', indicatorId).executeTakeFirst();
  if (!ind) throw new EntryError(`unknown indicator "${indicatorId}"`);
  const fact = await store.selectFrom('facts').select('id').where('id', '=', subjectId).executeTakeFirst();
  const row = fact ? undefined : await store.selectFrom('table_rows').select('id').where('id', '=', subjectId).executeTakeFirst();
  if (!fact && !row) throw new EntryError(`no fact or table row with id "${subjectId}"`);
  await inTransaction(store, async (trx) => {
    const before = await trx.selectFrom('links').selectAll().where('subject_id', '=', subjectId).executeTakeFirst();
    await trx.deleteFrom('links').where('subject_id', '=', subjectId).execute();
    const after = { subject_id: subjectId, subject_kind: fact ? 'fact' : 'row', indicator_id: indicatorId, confidence: 1, manual: 1, updated_at: now() };
    await trx.insertInto('links').values(after).execute();
    await audit(trx, actor, 'link-set', 'link', subjectId, before, after);
  });
  await rebuild(store);
}

export const VINTAGES = ['estimate', 'first', 'revised', 'manual', 'reported'] as const;

export interface ActualEntry {
  indicator: string; // id, name or synonym
  region: string;
  year: number;
  value: number;
  vintage?: (typeof VINTAGES)[number];
  measure?: 'level' | 'change';
  /** The id it had in the store it was exported from. */
  id?: string;
  /** Where an official figure comes from (统计公报 …). */
  source?: string;
}

async function resolve(store: Store, e: ActualEntry, where: string) {
  const byId = await store.selectFrom('indicators').select(['id', 'unit']).where('id', '=', e.indicator).executeTakeFirst();
  const id = byId?.id ?? linkName(e.indicator, { unit: '*' })?.indicatorId;
  if (!id) throw new EntryError(`${where}: unknown indicator "${e.indicator}"`);
  const region = await store.selectFrom('regions').select('name').where('name', '=', e.region).executeTakeFirst();
  if (!region) throw new EntryError(`${where}: unknown region "${e.region}"`);
  if (!Number.isInteger(e.year) || e.year < 1949 || e.year > 2100) throw new EntryError(`${where}: year "${e.year}" out of range`);
  if (!Number.isFinite(e.value)) throw new EntryError(`${where}: value "${e.value}" is not a number`);
  return id;
}

/** Adds actual values entered by hand, all or none. */
export async function addActuals(store: Store, entries: Array<ActualEntry & { where?: string }>, actor: Actor = CLI): Promise<number> {
  const rows: ActualsTable[] = [];
  // what the store already has of these entries: the actuals of their regions and those of their ids, by key
  const cols = ['id', 'indicator_id', 'region', 'year', 'measure', 'value', 'vintage'] as const;
  const ids = [...new Set(entries.flatMap((e) => (e.id ? [e.id] : [])))];
  const have = [
    ...(await inChunks([...new Set(entries.map((e) => e.region))], (chunk) => store.selectFrom('actuals').select(cols).where('region', 'in', chunk).execute())),
    ...(await inChunks(ids, (chunk) => store.selectFrom('actuals').select(cols).where('id', 'in', chunk).execute())),
  ];
  for (const [k, e] of entries.entries()) {
    const id = await resolve(store, e, e.where ?? `entry ${k + 1}`);
    const measure = e.measure ?? 'level';
    const vintage = e.vintage ?? 'manual';
    if (have.some((a) => a.id === e.id || (a.indicator_id === id && a.region === e.region && a.year === e.year && a.measure === measure && a.value === e.value && a.vintage === vintage))) continue;
    rows.push({
      id: `manual:${id}:${e.region}:${e.year}:${Date.now()}:${k}`,
      indicator_id: id,
      region: e.region,
      year: e.year,
      basis: 'year',
      period_from: null,
      period_to: null,
      value: e.value,
      measure,
      vintage,
      source_kind: 'manual',
      source_id: null,
      document_id: null,
      line: null,
      reported: now().slice(0, 10),
      ...(e.source ? { source_note: e.source } : {}),
    });
  }
  await inTransaction(store, async (trx) => {
    for (const r of rows) {
      await trx.insertInto('actuals').values(r).execute();
      await audit(trx, actor, 'actual-add', 'actual', r.id, undefined, r);
    }
    await statusesChanged(trx, rows.map((r) => r.region));
  });
  return rows.length;
}

/** Reads actuals from a CSV file with the columns indicator,region,year,value[,vintage]. */
export function readActualsCsv(file: string): Array<ActualEntry & { where: string }> {
  let records: string[][];
  try {
    records = parse(readFileSync(file, 'utf8'), { bom: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new EntryError(`${file}: not a CSV file (${(e as Error).message})`);
  }
  const [head, ...rows] = records;
  const col = (name: string) => head?.indexOf(name) ?? -1;
  const indicator = col('indicator') >= 0 ? col('indicator') : col('indicator_id');
  if (indicator < 0) throw new EntryError(`${file}: line 1: missing column "indicator" (or "indicator_id")`);
  for (const c of ['region', 'year', 'value']) if (col(c) < 0) throw new EntryError(`${file}: line 1: missing column "${c}"`);
  return rows.map((r, i) => {
    const where = `${file}: line ${i + 2}`;
    const num = (c: string) => {
      const v = Number(r[col(c)]);
      if (r[col(c)] === '' || !Number.isFinite(v)) throw new EntryError(`${where}: column "${c}": "${r[col(c)]}" is not a number`);
      return v;
    };
    const vintage = col('vintage') >= 0 ? r[col('vintage')] : undefined;
    if (vintage && !(VINTAGES as readonly string[]).includes(vintage)) throw new EntryError(`${where}: column "vintage": "${vintage}" is not ${VINTAGES.join(', ')}`);
    const measure = col('measure') >= 0 && r[col('measure')] ? r[col('measure')] : undefined;
    if (measure && measure !== 'level' && measure !== 'change') throw new EntryError(`${where}: column "measure": "${measure}" is not level or change`);
    const id = col('id') >= 0 && r[col('id')] ? r[col('id')] : undefined;
    return { indicator: r[indicator], region: r[col('region')], year: num('year'), value: num('value'), vintage: (vintage || undefined) as ActualEntry['vintage'], measure: measure as ActualEntry['measure'], id, where };
  });
}

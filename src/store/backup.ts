// Backup and restore of the whole store, the same file for the embedded store and PostgreSQL: every
// table as JSON rows, gzip-compressed. Restore goes into an empty store in one transaction.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { inTransaction, type Store } from './db.js';
import type { Database } from './schema.js';
import { statusesChanged } from './state.js';
import { indexStoredLines } from './search-index.js';
import { indexStoredItems } from './search-items.js';
import { inChunks } from './insert.js';

/** Tables in the order their references need (sessions are not backed up: they expire). */
export const TABLES: Array<keyof Database> = [
  'sources', 'documents', 'facts', 'tasks', 'task_units', 'table_rows', 'indicators', 'links', 'regions',
  'targets', 'actuals', 'issues', 'users', 'updates', 'notices', 'notice_files', 'audit_log', 'projects', 'project_mentions',
  'target_units', 'indicator_edits',
];
const FORMAT = 'lantu-backup';
const VERSION = 1;
const CHUNK = 200;

/** A stable order for every table, so that two exports of the same data are identical. */
const ORDER: Partial<Record<keyof Database, string[]>> = {
  task_units: ['task_id', 'seq'], // the lead first, as the document names them: restored in this order
  links: ['subject_id'],
  regions: ['name'],
  sources: ['content_hash'],
  target_units: ['target_id', 'unit'],
  indicator_edits: ['indicator_id'],
};

export async function dump(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    let q = store.selectFrom(t as any).selectAll();
    for (const col of ORDER[t] ?? ['id']) q = q.orderBy(col as any);
    out[t] = await q.execute();
  }
  return out;
}

export async function backup(store: Store, file: string): Promise<Record<string, number>> {
  const tables = await dump(store);
  writeFileSync(file, gzipSync(JSON.stringify({ format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), tables })));
  return Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length]));
}

/** A task's units with their place: a backup from before 013_unit_order has none, and gets the file's order. */
function numberUnits(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const next = new Map<unknown, number>();
  return rows.map((r) => {
    const seq = next.get(r.task_id) ?? 0;
    next.set(r.task_id, seq + 1);
    return typeof r.seq === 'number' ? r : { ...r, seq };
  });
}

export async function restore(store: Store, file: string): Promise<Record<string, number>> {
  let data: { format?: string; version?: number; tables?: Record<string, Record<string, unknown>[]> };
  try {
    data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  } catch (e) {
    throw new Error(`${file}: not a Lantu backup (${(e as Error).message})`);
  }
  if (data.format !== FORMAT || data.version !== VERSION || !data.tables) throw new Error(`${file}: not a Lantu backup of version ${VERSION}`);
  for (const t of TABLES) {
    const n = await store.selectFrom(t as any).select((e) => e.fn.countAll().as('n')).executeTakeFirst();
    if (Number((n as { n: unknown }).n) > 0) throw new Error(`the store is not empty (table ${t} has rows): restore goes into an empty store`);
  }
  await inTransaction(store, async (trx) => {
    for (const t of TABLES) {
      const rows = t === 'task_units' ? numberUnits(data.tables![t] ?? []) : data.tables![t] ?? [];
      await inChunks(rows, (chunk) => trx.insertInto(t as any).values(chunk).execute(), CHUNK);
    }
    await indexStoredLines(trx);
    await indexStoredItems(trx);
    await statusesChanged(trx);
  });
  return Object.fromEntries(TABLES.map((t) => [t, (data.tables![t] ?? []).length]));
}

// Writes shared by the rebuild of the derived data (refresh.ts) and the derivation of new documents
// (refresh-documents.ts): indicators brought up to date, the metric unlinked facts are followed under.
import type { Store } from '../store/db.js';
import type { IndicatorDef } from './registry.js';
import { inChunks } from '../store/insert.js';

export interface RefreshCounts {
  /** The whole store rebuilt, or only the documents stored since the last refresh derived. */
  how: 'rebuild' | 'documents';
  links: number;
  targets: number;
  actuals: number;
  issues: number;
}

/** An indicator of the registry, or one a document names, written or brought up to date. */
export async function upsertIndicator(store: Store, d: IndicatorDef): Promise<void> {
  const row = { name: d.name, unit: d.unit, unit_family: d.unitFamily, direction: d.direction, attribute: d.attribute ?? null, category: d.category ?? null, synonyms: JSON.stringify(d.synonyms), cumulative: d.cumulative ? 1 : 0 };
  await store.insertInto('indicators').values({ id: d.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
}

/** Records the metric each unlinked fact is followed under (facts.adhoc_id), by metric. */
export async function markAdhoc(trx: Store, unlinked: Array<[{ id: string }, string]>): Promise<void> {
  const byAdhoc = new Map<string, string[]>();
  for (const [f, aid] of unlinked) byAdhoc.set(aid, [...(byAdhoc.get(aid) ?? []), f.id]);
  for (const [aid, ids] of byAdhoc)
    await inChunks(ids, (chunk) => trx.updateTable('facts').set({ adhoc_id: aid }).where('id', 'in', chunk).execute());
}

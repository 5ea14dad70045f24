// The registry's edits kept in the store (indicator_edits, made on the 指标库 page): read before every
// rebuild of the derived data, so that any process rebuilding links with the names as edited.
import type { Store } from '../store/db.js';
import { useEdits, type IndicatorEdit } from './registry.js';

export async function loadEdits(store: Store): Promise<IndicatorEdit[]> {
  const rows = await store.selectFrom('indicator_edits').selectAll().orderBy('indicator_id').execute();
  const list = rows.map((r) => ({ id: r.indicator_id, name: r.name, synonyms: JSON.parse(r.synonyms) as string[], direction: r.direction as IndicatorEdit['direction'] }));
  useEdits(list);
  return list;
}

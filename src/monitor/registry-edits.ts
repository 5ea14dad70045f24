// Editing the indicator registry in the application (指标库, planners and administrators): an indicator's
// name, synonyms and direction. The edit is kept in the store (indicator_edits, audited) and the derived
// data is rebuilt at once (refresh: links found again with the new synonyms, the indicators table
// rewritten, the statuses marked out of date), so every page judges with the registry as edited.
import { inTransaction, type Store } from '../store/db.js';
import { audit, type Actor } from '../store/audit.js';
import { indicators, normName, type IndicatorDef } from './registry.js';
import { loadEdits } from './registry-store.js';
import { refresh } from './refresh.js';

export class RegistryError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

export interface IndicatorInput {
  name: string;
  synonyms: string[];
  direction: string;
}

const MAX_SYNONYMS = 60;

/** The checked edit: a name, distinct synonyms none of which names another indicator, a direction. */
export function checkEdit(def: IndicatorDef, input: IndicatorInput, all: IndicatorDef[]): IndicatorInput & { direction: 'higher' | 'lower' } {
  const name = input.name.trim();
  if (!name) throw new RegistryError('请填写指标名称', 'name');
  if (name.length > 60) throw new RegistryError('指标名称不能超过 60 个字符', 'name');
  const synonyms = [...new Set(input.synonyms.map((s) => s.trim()).filter((s) => s && s !== name))];
  if (synonyms.length > MAX_SYNONYMS) throw new RegistryError(`同义词最多 ${MAX_SYNONYMS} 个`, 'synonyms');
  const long = synonyms.find((s) => s.length > 60);
  if (long) throw new RegistryError(`同义词“${long.slice(0, 20)}…”超过 60 个字符`, 'synonyms');
  if (input.direction !== 'higher' && input.direction !== 'lower') throw new RegistryError('请选择指标方向：越高越好或越低越好', 'direction');
  // a new name that another indicator of the same unit family bears would make links ambiguous
  const had = new Set([def.name, ...def.synonyms].map(normName));
  for (const n of [name, ...synonyms].filter((x) => !had.has(normName(x)))) {
    const other = all.find((d) => d.id !== def.id && d.unitFamily === def.unitFamily && [d.name, ...d.synonyms].some((x) => normName(x) === normName(n)));
    if (other) throw new RegistryError(`“${n}”已是指标“${other.name}”（${other.id}）的名称或同义词`, n === name ? 'name' : 'synonyms');
  }
  return { name, synonyms, direction: input.direction };
}

/** Saves an edit of a registry indicator and rebuilds the derived data. */
export async function editIndicator(store: Store, id: string, input: IndicatorInput, actor: Actor): Promise<void> {
  await loadEdits(store);
  const all = indicators();
  const def = all.find((d) => d.id === id);
  if (!def) throw new RegistryError('指标库中没有这个指标');
  const e = checkEdit(def, input, all);
  const row = { name: e.name, synonyms: JSON.stringify(e.synonyms), direction: e.direction, updated_by: actor.username ?? 'cli', updated_at: new Date().toISOString() };
  await inTransaction(store, async (trx) => {
    await trx.insertInto('indicator_edits').values({ indicator_id: id, ...row }).onConflict((oc) => oc.column('indicator_id').doUpdateSet(row)).execute();
    await audit(trx, actor, 'indicator-edit', 'indicator', id, { name: def.name, synonyms: def.synonyms, direction: def.direction }, e);
  });
  await refresh(store);
}

// Targets a planner assigns to responsible units (table target_units), besides the units the task-division
// plans give them (workflow.ts targetUnits): the department then reports on the target in the web forms
// and finds it in the 指标 sheet of its Excel workbook. Target ids are stable across refreshes, so an
// assignment outlives re-ingest. The unit catalogue: every unit a task or an assignment names.
import { inTransaction, type Store } from '../store/db.js';
import { audit, type Actor } from '../store/audit.js';

export class AssignError extends Error {}

/** Every responsible unit the store knows (of tasks and of assignments), in Chinese order. */
export async function unitCatalogue(store: Store): Promise<string[]> {
  const a = await store.selectFrom('task_units').select('unit').distinct().execute();
  const b = await store.selectFrom('target_units').select('unit').distinct().execute();
  return [...new Set([...a, ...b].map((r) => r.unit))].sort((x, y) => x.localeCompare(y, 'zh'));
}

/** target id → the units assigned to it by hand. */
export async function assignedUnits(store: Store): Promise<Map<string, string[]>> {
  const m = new Map<string, string[]>();
  for (const r of await store.selectFrom('target_units').select(['target_id', 'unit']).orderBy('target_id').orderBy('assigned_at').orderBy('unit').execute()) m.set(r.target_id, [...(m.get(r.target_id) ?? []), r.unit]);
  return m;
}

/** The units of a target: those of the plan's tasks first, then those assigned by hand. */
export const withAssigned = (planned: string[], assigned: string[] | undefined): string[] => [...new Set([...planned, ...(assigned ?? [])])];

/** Sets the units assigned to a target by hand (all of them: units left out are unassigned); audited. */
export async function assignTarget(store: Store, targetId: string, units: string[], actor: Actor): Promise<{ added: string[]; removed: string[] }> {
  if (!(await store.selectFrom('targets').select('id').where('id', '=', targetId).executeTakeFirst())) throw new AssignError('没有这个指标目标');
  const wanted = [...new Set(units.map((u) => u.trim()).filter(Boolean))];
  if (wanted.length > 50) throw new AssignError('一个目标最多指定 50 个责任单位');
  const known = new Set(await unitCatalogue(store));
  const unknown = wanted.filter((u) => !known.has(u));
  if (unknown.length) throw new AssignError(`没有责任单位“${unknown.join('”“')}”（只能指定任务中出现的责任单位）`);
  const before = (await store.selectFrom('target_units').select('unit').where('target_id', '=', targetId).execute()).map((r) => r.unit);
  const added = wanted.filter((u) => !before.includes(u));
  const removed = before.filter((u) => !wanted.includes(u));
  if (!added.length && !removed.length) return { added, removed };
  const at = new Date().toISOString();
  await inTransaction(store, async (trx) => {
    if (removed.length) await trx.deleteFrom('target_units').where('target_id', '=', targetId).where('unit', 'in', removed).execute();
    for (const unit of added) await trx.insertInto('target_units').values({ target_id: targetId, unit, assigned_by: actor.username ?? 'cli', assigned_at: at }).execute();
    await audit(trx, actor, 'target-assign', 'target', targetId, { units: before }, { units: wanted });
  });
  return { added, removed };
}

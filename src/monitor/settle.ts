// Settling a conflict between statements of one target: a person chooses the authoritative statement.
// The choice is kept across re-ingest (the issue keeps its id and the chosen source id), every judgement
// follows it (distinct.ts ranks the chosen statement first), and it is written to the audit log.
import { inTransaction, type Store } from '../store/db.js';
import { audit, type Actor } from '../store/audit.js';
import { statusesChanged } from '../store/state.js';
import { keyOf } from './distinct.js';

export class SettleError extends Error {}

/** The statements an open or settled conflict is about, in the store's order. */
export async function statementsOf(store: Store, issueId: string) {
  const issue = await store.selectFrom('issues').selectAll().where('id', '=', issueId).executeTakeFirst();
  if (!issue) throw new SettleError(`no issue with the id ${issueId} (see lantu issues)`);
  if (!issue.subject) throw new SettleError(`issue ${issueId} is not a conflict between statements of one target`);
  const targets = await store.selectFrom('targets').selectAll().where('indicator_id', '=', issue.indicator_id!).where('region', '=', issue.region!).where('year', '=', issue.year!).orderBy('id').execute();
  const docs = new Map((await store.selectFrom('documents').select(['id', 'file']).execute()).map((d) => [d.id, d.file]));
  const statements = targets.filter((t) => keyOf(t) === issue.subject).map((t) => ({ target: t, place: `${(t.document_id && docs.get(t.document_id)) || '手工录入'}:${t.line ?? ''}` }));
  return { issue, statements };
}

/** Chooses the statement at `place` (file:line, or a target id) as authoritative. */
export async function settleConflict(store: Store, issueId: string, place: string, actor: Actor): Promise<string> {
  const { issue, statements } = await statementsOf(store, issueId);
  const chosen = statements.find((s) => s.place === place || s.target.id === place || s.place.endsWith(`/${place}`));
  if (!chosen || !chosen.target.source_id) throw new SettleError(`"${place}" is none of the statements of issue ${issueId}: ${statements.map((s) => s.place).join(', ')}`);
  const after = { ...issue, status: 'settled', choice: chosen.target.source_id, settled_by: actor.username ?? 'cli', settled_at: new Date().toISOString() };
  await inTransaction(store, async (trx) => {
    await trx.updateTable('issues').set({ status: after.status, choice: after.choice, settled_by: after.settled_by, settled_at: after.settled_at }).where('id', '=', issueId).execute();
    await audit(trx, actor, 'issue-settle', 'issue', issueId, issue, after);
    await statusesChanged(trx, issue.region ? [issue.region] : undefined);
  });
  return chosen.place;
}

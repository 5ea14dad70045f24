// Searching the audit log (the administrators' 操作日志 page): by words found in the user, action, record
// or its before/after values, by action, by user and by date, newest first, a page at a time.
import { sql } from 'kysely';
import type { Store } from './db.js';
import type { AuditLogTable } from './schema.js';

export interface AuditQuery {
  q?: string;
  action?: string;
  user?: string;
  from?: string; // YYYY-MM-DD
  to?: string; // YYYY-MM-DD, inclusive
  page: number;
}

export const AUDIT_PAGE = 50;

/** A LIKE pattern that finds `s` as written (% and _ are not wildcards). */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of entries (and whether there are more). */
export async function searchAudit(store: Store, a: AuditQuery): Promise<{ rows: AuditLogTable[]; more: boolean }> {
  let q = store.selectFrom('audit_log').selectAll();
  if (a.q) {
    const p = contains(a.q);
    q = q.where(sql<boolean>`(coalesce(username, '') like ${p} escape '\\' or action like ${p} escape '\\' or entity like ${p} escape '\\' or coalesce(entity_id, '') like ${p} escape '\\' or coalesce(${sql.ref('before')}, '') like ${p} escape '\\' or coalesce(${sql.ref('after')}, '') like ${p} escape '\\')`);
  }
  if (a.action) q = q.where('action', '=', a.action);
  if (a.user) q = q.where('username', '=', a.user);
  if (a.from) q = q.where('at', '>=', a.from);
  if (a.to) q = q.where('at', '<', nextDay(a.to));
  const rows = await q.orderBy('at', 'desc').orderBy('id').limit(AUDIT_PAGE + 1).offset((a.page - 1) * AUDIT_PAGE).execute();
  return { rows: rows.slice(0, AUDIT_PAGE), more: rows.length > AUDIT_PAGE };
}

/** The actions the log holds, for the filter's list. */
export async function auditActions(store: Store): Promise<string[]> {
  return (await store.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()).map((r) => r.action);
}

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

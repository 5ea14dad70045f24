// The reporting form on a page of its own, open: GET /updates/new?kind=task&id=…&unit=… (a returned or
// waiting update of the unit is changed and resubmitted rather than doubled) and GET /updates/:id/edit;
// the same page shows a refused submission again, with the error and what was typed (updates.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayChangeUnits, requireRole } from '../../auth.js';
import { safeNext } from '../auth.js';
import type { Store } from '../../../store/db.js';
import type { UpdatesTable } from '../../../store/schema.js';
import { page } from '../../../web/layout.js';
import { reportBody } from '../../../web/workflow/report.js';
import { localToday } from '../../../monitor/workflow.js';
import { loadSubject, type Subject } from './data.js';
import { conflict, deny, errorBox, notFound } from './respond.js';

const unitPage = (unit: string, kind: string, id: string) => `/departments/${encodeURIComponent(unit)}#${kind}-${encodeURIComponent(id)}`;
/** A page of the workflow to return to, if `p` is one. */
const workflowPath = (p: unknown): string | undefined => (typeof p === 'string' && /^\/(my|departments\/)/.test(p) ? safeNext(p) : undefined);
const getUpdate = (store: Store, id: string) => store.selectFrom('updates').selectAll().where('id', '=', id).executeTakeFirst();

/** The page of the form for a subject and unit; `refused`: the error and what was typed. */
export function formPageOf(app: FastifyInstance) {
  return async (req: FastifyRequest, reply: FastifyReply, subject: Subject, unit: string, open: UpdatesTable | undefined, refused?: { error: string; typed: Record<string, string>; code: number }) => {
    const history = await app.store.selectFrom('updates').selectAll().where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id).where('unit', '=', unit).orderBy('submitted_at', 'desc').execute();
    const ctx = reply.ctx();
    const back = workflowPath(refused?.typed.back) ?? workflowPath((req.query as Record<string, unknown>).back) ?? (req.viewer!.role === 'department' ? '/my' : unitPage(unit, subject.kind, subject.id));
    const body = reportBody({ lang: req.lang, subject, unit, today: localToday(), csrf: ctx.csrf, history, open, typed: refused?.typed, error: errorBox(refused?.error, req.lang), back });
    return reply.code(refused?.code ?? 200).type('text/html; charset=utf-8').send(page(ctx, open ? '修改进展' : '填报进展', body).value);
  };
}

export async function reportFormRoutes(app: FastifyInstance): Promise<void> {
  const reporters = requireRole('department', 'planner', 'admin');
  const formPage = formPageOf(app);
  app.get('/updates/new', { preHandler: reporters }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const str = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '');
    // no subject named: the pages listing what one reports on
    if (!str('kind') && !str('id')) return reply.redirect(req.viewer!.role === 'department' ? '/my' : '/departments', 303);
    const subject = await loadSubject(app.store, str('kind'), str('id'));
    if (!subject) return notFound(reply, '任务或指标目标');
    const v = req.viewer!;
    const unit = str('unit') || subject.units.find((u) => v.units.includes(u)) || subject.units[0] || '';
    if (!subject.units.includes(unit) || !mayChangeUnits(v, [unit])) return deny(reply);
    // a returned or waiting update is changed and resubmitted rather than doubled
    const open = await app.store.selectFrom('updates').selectAll().where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id).where('unit', '=', unit).where('status', '!=', 'approved').orderBy('submitted_at', 'desc').executeTakeFirst();
    return formPage(req, reply, subject, unit, open);
  });

  app.get('/updates/:id/edit', { preHandler: reporters }, async (req, reply) => {
    const u = await getUpdate(app.store, (req.params as { id: string }).id);
    if (!u) return notFound(reply, '进展');
    if (!mayChangeUnits(req.viewer!, [u.unit])) return deny(reply);
    const subject = await loadSubject(app.store, u.subject_kind, u.subject_id);
    if (!subject) return notFound(reply, '任务或指标目标');
    if (u.status === 'approved') return conflict(reply, '409 此进展已审核通过，不能再修改；请提交新的进展。');
    return formPage(req, reply, subject, u.unit, u);
  });

}

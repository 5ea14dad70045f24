// Supervision (督查督办): GET /supervision (supervisors, administrators, leaders, planners read);
// POST /notices issues a notice to a unit of the catalogue (supervisors, administrators); GET /notices/:id; a department
// user of the notice's unit replies (POST /notices/:id/reply); a supervisor closes it (POST …/close).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayChangeUnits, requireRole } from '../../auth.js';
import { audit } from '../../../store/audit.js';
import type { Store } from '../../../store/db.js';
import type { NoticesTable } from '../../../store/schema.js';
import { page } from '../../../web/layout.js';
import { noticeBody, supervisionBody } from '../../../web/workflow/supervision.js';
import { statusRows } from '../../../monitor/statuses.js';
import { daysUntil, localToday, overdueTasks } from '../../../monitor/workflow.js';
import { loadSubject, loadWorkflow, mayReadUnit, remindersOf, unitsOf } from './data.js';
import { Conflict, changed, conflict, deny, fail, fields, notFound, nowIso, versionOf } from './respond.js';

const ISSUERS = ['supervisor', 'admin'] as const;
const names = async (store: Store) => new Map((await store.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);
/** The units a notice may go to: those that answer for a task or a target. */
const catalogue = (data: Awaited<ReturnType<typeof loadWorkflow>>) => new Set([...unitsOf(data).map((u) => u.unit), ...data.targets.flatMap((t) => t.units)]);
const validDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && plusDays(d, 0) === d;

export async function supervisionRoutes(app: FastifyInstance): Promise<void> {
  app.get('/supervision', { preHandler: requireRole('supervisor', 'admin', 'leader', 'planner') }, async (req, reply) => {
    const data = await loadWorkflow(app.store);
    const today = localToday();
    const rows = await statusRows(app.store, { status: ['off_track', 'at_risk', 'missed'] });
    const raw = await app.store.selectFrom('targets').select(['id', 'indicator_id', 'region', 'year', 'document_id', 'line']).execute();
    const lagging = rows.map((r) => {
      const id = raw.find((t) => t.indicator_id === r.indicatorId && t.region === r.region && t.year === r.year && t.document_id === r.source.documentId && t.line === r.source.line)?.id;
      return { ...r, targetId: id, units: data.targets.find((t) => t.id === id)?.units ?? [] };
    });
    const ctx = { ...reply.ctx(), notifications: remindersOf(data, req.viewer!, today).length };
    const known = new Set([...unitsOf(data).map((u) => u.unit), ...data.notices.map((n) => n.unit)]);
    const body = supervisionBody({
      today,
      csrf: ctx.csrf,
      mayIssue: (ISSUERS as readonly string[]).includes(req.viewer!.role),
      units: [...known].sort((a, b) => a.localeCompare(b, 'zh')),
      defaultDeadline: plusDays(today, 7),
      overdue: overdueTasks(data.tasks, today).map((t) => ({ ...t, lastStatus: data.updates.find((u) => u.subject_kind === 'task' && u.subject_id === t.id)?.status })),
      lagging,
      notices: data.notices,
      names: await names(app.store),
    });
    return reply.type('text/html; charset=utf-8').send(page(ctx, '督查督办', body).value);
  });

  app.post('/notices', { preHandler: requireRole(...ISSUERS) }, async (req, reply) => {
    const f = fields(req);
    const v = req.viewer!;
    if (!f.unit || f.unit.length > 100) return fail(reply, 400, '请选择督办单位');
    const data = await loadWorkflow(app.store);
    if (!catalogue(data).has(f.unit)) return fail(reply, 400, `没有责任单位“${f.unit}”：督办通知只能发给任务或指标目标的责任单位`);
    if (!f.text || f.text.length > 2000) return fail(reply, 400, '请填写督办事项（不超过 2000 字）');
    const today = localToday();
    if (!validDay(f.reply_deadline ?? '') || daysUntil(f.reply_deadline, today) < 0) return fail(reply, 400, '回复期限应是今天或以后的日期（YYYY-MM-DD）');
    if (f.task_id && !(await loadSubject(app.store, 'task', f.task_id))) return notFound(reply, '任务');
    if (f.target_id && !(await loadSubject(app.store, 'target', f.target_id))) return notFound(reply, '指标目标');
    const row: NoticesTable = {
      id: randomBytes(12).toString('base64url'), task_id: f.task_id || null, target_id: f.target_id || null, unit: f.unit, text: f.text, reply_deadline: f.reply_deadline,
      status: 'issued', reply: null, replied_by: null, replied_at: null, issued_by: v.id, issued_at: nowIso(), version: 1,
    };
    await app.store.transaction().execute(async (trx) => {
      await trx.insertInto('notices').values(row).execute();
      await audit(trx as unknown as Store, v, 'notice-issue', 'notice', row.id, undefined, row);
    });
    return reply.redirect(`/notices/${encodeURIComponent(row.id)}`, 303);
  });

  const getNotice = (id: string) => app.store.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();

  app.get('/notices/:id', { preHandler: requireRole() }, async (req, reply) => {
    const v = req.viewer!;
    const n = await getNotice((req.params as { id: string }).id);
    if (!n) return notFound(reply, '督办通知');
    if (!mayReadUnit(v, n.unit)) return deny(reply, '只能查看本单位的督办通知');
    const about = n.task_id ? await loadSubject(app.store, 'task', n.task_id) : n.target_id ? await loadSubject(app.store, 'target', n.target_id) : undefined;
    const ctx = reply.ctx();
    const body = noticeBody(n, {
      today: localToday(),
      csrf: ctx.csrf,
      mayReply: (v.role === 'department' || v.role === 'admin') && mayChangeUnits(v, [n.unit]),
      mayClose: (ISSUERS as readonly string[]).includes(v.role),
      about: about ? `${about.kind === 'task' ? '任务' : '指标目标'}：${about.title}` : undefined,
      names: await names(app.store),
    });
    return reply.type('text/html; charset=utf-8').send(page(ctx, '督办通知', body).value);
  });

  /** Changes a notice if the form's version is current and the change is allowed. */
  const change = (action: 'reply' | 'close', make: (n: NoticesTable, f: Record<string, string>, v: NonNullable<FastifyRequest['viewer']>) => NoticesTable | string) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const f = fields(req);
      const v = req.viewer!;
      const before = await getNotice((req.params as { id: string }).id);
      if (!before) return notFound(reply, '督办通知');
      if (action === 'reply' && !mayChangeUnits(v, [before.unit])) return deny(reply, '只能回复本单位的督办通知');
      const version = versionOf(f);
      if (version !== before.version) return conflict(reply);
      if (before.status === 'closed') return conflict(reply, '409 此督办通知已办结，不能再更改。');
      const after = make(before, f, v);
      if (typeof after === 'string') return fail(reply, 400, after);
      try {
        await app.store.transaction().execute(async (trx) => {
          const { id: _id, ...set } = after;
          const r = await trx.updateTable('notices').set(set).where('id', '=', before.id).where('version', '=', version).where('status', '!=', 'closed').executeTakeFirst();
          if (!changed(r)) throw new Conflict();
          await audit(trx as unknown as Store, v, `notice-${action}`, 'notice', before.id, before, after);
        });
      } catch (e) {
        if (e instanceof Conflict) return conflict(reply);
        throw e;
      }
      return reply.redirect(action === 'close' ? '/supervision' : `/notices/${encodeURIComponent(before.id)}`, 303);
    };

  app.post('/notices/:id/reply', { preHandler: requireRole('department', 'admin') }, change('reply', (n, f, v) =>
    !f.reply || f.reply.length > 5000 ? '请填写回复（不超过 5000 字）' : { ...n, status: 'replied', reply: f.reply, replied_by: v.id, replied_at: nowIso(), version: n.version + 1 }));
  app.post('/notices/:id/close', { preHandler: requireRole(...ISSUERS) }, change('close', (n) => ({ ...n, status: 'closed', version: n.version + 1 })));
}

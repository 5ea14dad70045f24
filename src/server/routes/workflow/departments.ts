// GET /departments — every unit named by a task, with its task counts (any logged-in user; the count
// of updates waiting for review only of units the viewer may read).
// GET /departments/:unit — the unit's tasks and indicators with deadlines and the reporting forms.
// Everybody logged in reads a unit's tasks and targets; a department user sees the updates, comments
// and notices of its own units only, and reports only for them.
import type { FastifyInstance } from 'fastify';
import { requireRole, mayChangeUnits } from '../../auth.js';
import { page } from '../../../web/layout.js';
import { departmentsBody, unitBody, type UnitSummary } from '../../../web/workflow/departments.js';
import { statusRows } from '../../../monitor/statuses.js';
import { deadlineState, localToday } from '../../../monitor/workflow.js';
import { loadWorkflow, mayReadUnit, unitsOf } from './data.js';
import { flashBox, takeFlash } from './respond.js';

export async function departmentRoutes(app: FastifyInstance): Promise<void> {
  app.get('/departments', { preHandler: requireRole() }, async (req, reply) => {
    const data = await loadWorkflow(app.store);
    const today = localToday();
    const units: UnitSummary[] = unitsOf(data).map((u) => {
      const tasks = data.tasks.filter((t) => t.units.includes(u.unit));
      const states = tasks.map((t) => deadlineState(t.deadline, today, t.approved));
      return {
        ...u,
        overdue: states.filter((s) => s === 'overdue' || s === 'escalated').length,
        due: states.filter((s) => s === 'due').length,
        // a department user: not how many of another unit's updates wait
        waiting: mayReadUnit(req.viewer!, u.unit) ? data.updates.filter((x) => x.unit === u.unit && x.status === 'submitted').length : null,
      };
    });
    const ctx = reply.ctx();
    return reply.type('text/html; charset=utf-8').send(page(ctx, '部门', departmentsBody(units, req.viewer!.units, ctx.lang)).value);
  });

  app.get('/departments/:unit', { preHandler: requireRole() }, async (req, reply) => {
    const unit = (req.params as { unit: string }).unit;
    const v = req.viewer!;
    const data = await loadWorkflow(app.store);
    const tasks = data.tasks.filter((t) => t.units.includes(unit));
    const targets = data.targets.filter((t) => t.units.includes(unit));
    if (!tasks.length && !targets.length && !data.notices.some((n) => n.unit === unit)) return reply.code(404).type('text/plain; charset=utf-8').send('404 没有这个责任单位');
    // the status of each target, from the same evaluation as the indicator pages
    const statuses = targets.length ? await statusRows(app.store, {}) : [];
    const raw = await app.store.selectFrom('targets').select(['id', 'indicator_id', 'region', 'year', 'document_id', 'line']).where('id', 'in', targets.length ? targets.map((t) => t.id) : ['']).execute();
    const statusOf = (id: string) => {
      const r = raw.find((x) => x.id === id);
      return r && statuses.find((s) => s.indicatorId === r.indicator_id && s.region === r.region && s.year === r.year && s.source.documentId === r.document_id && s.source.line === r.line)?.status;
    };
    const today = localToday();
    const ctx = reply.ctx();
    const body = unitBody({
      unit,
      today,
      csrf: ctx.csrf,
      flash: flashBox(takeFlash(req, reply), req.lang),
      mayRead: mayReadUnit(v, unit),
      mayChange: mayChangeUnits(v, [unit]),
      tasks,
      targets: targets.map((t) => ({ ...t, status: statusOf(t.id) })),
      updates: data.updates.filter((u) => u.unit === unit),
      notices: data.notices.filter((n) => n.unit === unit),
      lang: ctx.lang,
    });
    return reply.type('text/html; charset=utf-8').send(page(ctx, { label: '', subject: unit }, body).value);
  });
}

// GET /admin/targets — targets with their responsible units, filtered and paged; GET /admin/targets/:id
// and POST /admin/targets/:id — the units a planner assigns to a target (planners, administrators; audited).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AssignError, assignedUnits, assignTarget, unitCatalogue } from '../../../monitor/assign.js';
import { loadSubject, loadWorkflow, type TargetItem } from '../workflow/data.js';
import { targetPage, targetsPage } from '../../../web/admin/targets.js';
import { notFound, query, sendPage } from '../pages/util.js';
import { actorOf, done, doneCode, listField, param, STEWARDS } from './common.js';

const PAGE = 50;

export async function targetRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin/targets', STEWARDS, async (req, reply) => {
    const p = query(req);
    const q = { q: p.q?.trim().slice(0, 60) || undefined, region: p.region?.slice(0, 60) || undefined, year: /^\d{4}$/.test(p.year ?? '') ? p.year : undefined, unassigned: p.unassigned === '1' ? '1' : undefined, page: Math.min(Math.max(1, Math.floor(Number(p.page)) || 1), 10_000) };
    const all = (await loadWorkflow(app.store)).targets;
    const rows = all.filter((r) => (!q.q || r.title.includes(q.q) || r.indicatorId === q.q) && (!q.region || r.region === q.region) && (!q.year || r.year === Number(q.year)) && (!q.unassigned || !r.units.length));
    const regions = [...new Set(all.map((r) => r.region))].sort((a, b) => a.localeCompare(b, 'zh'));
    const view = { viewer: req.viewer!, lang: req.lang, q, regions, rows: rows.slice((q.page - 1) * PAGE, q.page * PAGE), assigned: await assignedUnits(app.store), more: rows.length > q.page * PAGE, total: rows.length };
    return sendPage(reply, '目标责任单位', targetsPage(view));
  });

  const show = async (req: FastifyRequest, reply: FastifyReply, error?: string, chosen?: string[]) => {
    const target = (await loadSubject(app.store, 'target', param(req))) as TargetItem | undefined;
    if (!target) return notFound(reply, '指标目标');
    const assigned = (await assignedUnits(app.store)).get(target.id) ?? [];
    const planned = target.units.filter((u) => !assigned.includes(u));
    const view = { viewer: req.viewer!, lang: req.lang, csrf: reply.ctx().csrf, target, planned, assigned: chosen ?? assigned, catalogue: await unitCatalogue(app.store), done: doneCode(req), error };
    return sendPage(reply, '指标目标', targetPage(view));
  };
  app.get('/admin/targets/:id', STEWARDS, (req, reply) => show(req, reply));

  app.post('/admin/targets/:id', STEWARDS, async (req, reply) => {
    const id = param(req);
    const units = listField(req, 'units');
    try {
      await assignTarget(app.store, id, units, actorOf(req));
    } catch (e) {
      if (e instanceof AssignError) return e.message === '没有这个指标目标' ? notFound(reply, '指标目标') : show(req, reply.code(400), e.message, units);
      throw e;
    }
    return done(reply, `/admin/targets/${encodeURIComponent(id)}`, 'target-assigned');
  });
}

// GET /review — updates waiting for review (planners and administrators review; supervisors and
// leaders read). GET /notifications — each user's reminders (see `reminders` in monitor/workflow.ts).
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../auth.js';
import { page } from '../../../web/layout.js';
import { html } from '../../../web/html.js';
import { notificationsBody, reviewBody, type ReviewRow } from '../../../web/workflow/review.js';
import { localToday } from '../../../monitor/workflow.js';
import { loadWorkflow, remindersOf, reportsOf, subjectTitle } from './data.js';
import { flashBox, takeFlash } from './respond.js';

export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  app.get('/review', { preHandler: requireRole('planner', 'admin', 'supervisor', 'leader') }, async (req, reply) => {
    const data = await loadWorkflow(app.store);
    const users = new Map((await app.store.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
    const rowOf = (u: (typeof data.updates)[number]): ReviewRow => ({ update: u, title: subjectTitle(data, u.subject_kind, u.subject_id), kind: u.subject_kind === 'task' ? '任务' : '指标', by: users.get(u.submitted_by) ?? '' });
    const waiting = data.updates.filter((u) => u.status === 'submitted').reverse().map(rowOf); // oldest first
    const decided = data.updates.filter((u) => u.status !== 'submitted' && u.reviewed_at).sort((a, b) => b.reviewed_at!.localeCompare(a.reviewed_at!)).slice(0, 30).map(rowOf);
    const ctx = reply.ctx();
    const body = html`${flashBox(takeFlash(req, reply), req.lang)}${reviewBody(waiting, decided, ctx.csrf, ['planner', 'admin'].includes(req.viewer!.role), ctx.lang)}`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, '进展审核', body).value);
  });

  app.get('/notifications', { preHandler: requireRole() }, async (req, reply) => {
    const data = await loadWorkflow(app.store);
    const today = localToday();
    const list = remindersOf(data, req.viewer!, today, await reportsOf(app.store, req.viewer!, today));
    const ctx = { ...reply.ctx(), notifications: list.length };
    const taskUnit = (id: string) => data.tasks.find((t) => t.id === id)?.units.find((u) => req.viewer!.units.includes(u)) ?? data.tasks.find((t) => t.id === id)?.units[0];
    return reply.type('text/html; charset=utf-8').send(page(ctx, '提醒', notificationsBody(list, taskUnit, ctx.lang)).value);
  });
}

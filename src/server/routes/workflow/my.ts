// GET /my — 我的任务, a department user's landing page (after login, `/` leads there; the city-wide overview
// stays at /?view=overview). GET /calendar — the reporting calendar (a department user: its units'
// dates; others: every unit's), ?months=1..12 ahead.
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../auth.js';
import { page } from '../../../web/layout.js';
import { myBody } from '../../../web/workflow/my.js';
import { calendarBody } from '../../../web/workflow/calendar.js';
import { reportingCalendar } from '../../../monitor/calendar.js';
import { localToday } from '../../../monitor/workflow.js';
import { calendarTasks } from '../../remind.js';
import { loadWorkflow, remindersOf, reportsOf } from './data.js';
import { flashBox, takeFlash } from './respond.js';

const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);

export async function myRoutes(app: FastifyInstance): Promise<void> {
  // a department user lands on 我的任务
  app.addHook('preHandler', async (req, reply) => {
    if (req.method === 'GET' && req.viewer?.role === 'department' && req.url.split('?')[0] === '/' && !/[?&]view=/.test(req.url)) return reply.redirect('/my', 302);
  });

  app.get('/my', { preHandler: requireRole() }, async (req, reply) => {
    const v = req.viewer!;
    if (v.role !== 'department') return reply.redirect('/', 302);
    const today = localToday();
    const data = await loadWorkflow(app.store);
    const mine = (units: string[]) => units.some((u) => v.units.includes(u));
    const tasks = data.tasks.filter((t) => mine(t.units));
    const calendar = reportingCalendar(await calendarTasks(app.store), today, plusDays(today, 45)).filter((e) => e.recurring && mine(e.units));
    const users = new Map((await app.store.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
    const ctx = { ...reply.ctx(), notifications: remindersOf(data, v, today, await reportsOf(app.store, v, today)).length };
    const body = myBody({
      lang: req.lang, units: v.units, today, csrf: ctx.csrf, flash: flashBox(takeFlash(req, reply), req.lang),
      tasks, targets: data.targets.filter((t) => mine(t.units)),
      updates: data.updates.filter((u) => v.units.includes(u.unit)),
      notices: data.notices.filter((n) => n.status === 'issued' && v.units.includes(n.unit)),
      calendar, names: users,
    });
    return reply.type('text/html; charset=utf-8').send(page(ctx, '我的任务', body).value);
  });

  app.get('/calendar', { preHandler: requireRole() }, async (req, reply) => {
    const v = req.viewer!;
    const months = Math.min(12, Math.max(1, Number((req.query as Record<string, string>).months) || 3));
    const today = localToday();
    const to = plusDays(today, months * 31);
    const all = reportingCalendar(await calendarTasks(app.store), today, to);
    const entries = v.role === 'department' ? all.filter((e) => e.units.some((u) => v.units.includes(u))) : all;
    const scope = v.role === 'department' ? v.units.join('、') : undefined;
    return reply.type('text/html; charset=utf-8').send(page(reply.ctx(), '报送日历', calendarBody(entries, { from: today, to, scope, today, lang: req.lang })).value);
  });
}

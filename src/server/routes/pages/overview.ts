// GET /: the overview for every logged-in user — status counts by category, plan and department,
// warnings (indicators off track or at risk, overdue and lagging tasks), the newest progress updates
// (for a department user: of its own units).
import type { FastifyInstance } from 'fastify';
import { countOf, statusCounts, statusDocuments, warnedStatuses } from '../../../monitor/statuses.js';
import { overviewPage, type Counts, type NewUpdate } from '../../../web/pages/overview.js';
import { taskStatuses } from './task-status.js';
import { loggedIn, sendPage, today } from './util.js';

/** The warnings the overview lists, most serious first; the supervision page has them all. */
const WARNINGS_SHOWN = 50;
/** The documents the overview lists, those with most warnings first; the documents page has them all. */
const PLANS_SHOWN = 30;

function count<T>(items: T[], key: (x: T) => string[], status: (x: T) => string): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const x of items)
    for (const k of key(x)) {
      const c = out.get(k) ?? {};
      c[status(x)] = (c[status(x)] ?? 0) + 1;
      out.set(k, c);
    }
  return out;
}

export async function routes(app: FastifyInstance): Promise<void> {
  const store = app.store;

  app.get('/', loggedIn, async (req, reply) => {
    const asOf = today();
    // a department user sees the updates of its own units only (others' are not yet reviewed)
    const v = req.viewer!;
    const ownOnly = v.role === 'department';
    const [byCategory, plans, warned, tasks, updates] = await Promise.all([
      statusCounts(store, 'category', asOf),
      statusDocuments(store, PLANS_SHOWN, asOf),
      warnedStatuses(store, WARNINGS_SHOWN, asOf),
      taskStatuses(store, asOf),
      store
        .selectFrom('updates')
        .leftJoin('users', 'users.id', 'updates.submitted_by')
        .select(['updates.id', 'updates.subject_kind', 'updates.subject_id', 'updates.unit', 'updates.period', 'updates.value', 'updates.progress', 'updates.status', 'updates.submitted_at', 'users.display_name'])
        .$if(ownOnly, (q) => q.where('updates.unit', 'in', v.units.length ? v.units : ['']))
        .orderBy('updates.submitted_at', 'desc')
        .limit(10)
        .execute(),
    ]);
    const taskById = new Map(tasks.map((t) => [t.id, t]));
    const targetIds = updates.filter((u) => u.subject_kind === 'target').map((u) => u.subject_id);
    const targets = targetIds.length
      ? await store.selectFrom('targets').innerJoin('indicators', 'indicators.id', 'targets.indicator_id').select(['targets.id', 'targets.indicator_id', 'targets.region', 'targets.year', 'indicators.name']).where('targets.id', 'in', targetIds).execute()
      : [];
    const newest: NewUpdate[] = updates.map((u) => {
      const task = u.subject_kind === 'task' ? taskById.get(u.subject_id) : undefined;
      const target = u.subject_kind === 'target' ? targets.find((t) => t.id === u.subject_id) : undefined;
      return {
        at: u.submitted_at,
        subject: task ? `任务：${task.title}` : target ? `指标：${target.region} ${target.name} ${target.year}年` : u.subject_id,
        href: task ? `/documents/${encodeURIComponent(task.documentId)}#L${task.line}` : target ? `/indicators/${encodeURIComponent(target.indicator_id)}` : undefined,
        unit: u.unit,
        period: u.period,
        figure: u.progress !== null ? `${u.progress}%` : u.value !== null ? String(u.value) : '',
        status: u.status,
        by: u.display_name ?? '',
      };
    });
    const total = [...byCategory.values()].reduce((n, c) => n + countOf(c), 0);
    const category = new Map([...byCategory].map(([k, c]) => [k || '未分类', c]));
    return sendPage(
      reply,
      '总览',
      overviewPage({
        asOf,
        total,
        byCategory: category,
        byPlan: plans.shown,
        plansTotal: plans.total,
        byUnit: count(tasks, (t) => t.units, (t) => t.status),
        warnings: warned.shown,
        warningsTotal: warned.total,
        overdue: tasks.filter((t) => t.overdue),
        lagging: tasks.filter((t) => t.lagging),
        newest,
      }),
    );
  });
}

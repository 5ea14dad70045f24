// GET /: the overview for every logged-in user — status counts by category, plan and department,
// warnings (indicators off track or at risk, overdue and lagging tasks), the newest progress updates
// (for a department user: of its own units).
import type { FastifyInstance } from 'fastify';
import { countOf, statusCounts, statusDocuments, warnedStatuses } from '../../../monitor/statuses.js';
import { byZh, docName } from '../../../web/pages/glance-parts.js';
import { overviewPage, type Counts, type NewUpdate } from '../../../web/pages/overview.js';
import { taskStatuses } from './task-status.js';
import { keptPage, loggedIn, today } from './util.js';

/** The warnings the overview lists, most serious first; the supervision page has them all. */
const WARNINGS_SHOWN = 50;
/** The documents the overview lists, those with most warnings first; the documents page has them all. */
const PLANS_SHOWN = 30;
/** The responsible units the overview lists, those with most overdue tasks first; /departments has them all. */
const UNITS_SHOWN = 20;

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

  app.get('/', loggedIn, keptPage(async (req) => {
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
    // the documents named on the page (plans and the sources of the warnings), by region, year and title
    const docIds = [...new Set([...plans.shown.map((p) => p.id), ...warned.shown.map((w) => w.row.source.documentId).filter((d): d is string => !!d)])];
    const docs = docIds.length ? await store.selectFrom('documents').select(['id', 'title', 'region', 'date']).where('id', 'in', docIds).execute() : [];
    const docNames = new Map(docs.map((d) => [d.id, docName(d)]));
    const overdueBy = new Map<string, number>();
    for (const t of tasks) if (t.overdue) for (const u of t.units) overdueBy.set(u, (overdueBy.get(u) ?? 0) + 1);
    const units = [...count(tasks, (t) => t.units, (t) => t.status)]
      .map(([unit, counts]) => ({ unit, counts, overdue: overdueBy.get(unit) ?? 0 }))
      .sort((a, b) => b.overdue - a.overdue || countOf(b.counts) - countOf(a.counts) || byZh(a.unit, b.unit));
    const targetIds = updates.filter((u) => u.subject_kind === 'target').map((u) => u.subject_id);
    const targets = targetIds.length
      ? await store.selectFrom('targets').innerJoin('indicators', 'indicators.id', 'targets.indicator_id').select(['targets.id', 'targets.indicator_id', 'targets.region', 'targets.year', 'indicators.name']).where('targets.id', 'in', targetIds).execute()
      : [];
    const newest: NewUpdate[] = updates.map((u) => {
      const task = u.subject_kind === 'task' ? taskById.get(u.subject_id) : undefined;
      const target = u.subject_kind === 'target' ? targets.find((t) => t.id === u.subject_id) : undefined;
      return {
        at: u.submitted_at,
        kind: task ? 'task' : target ? 'target' : 'other',
        subject: task ? task.title : target ? `${target.region} ${target.name} ${target.year}年` : u.subject_id,
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
    return { title: '总览', body: overviewPage({
        lang: req.lang,
        asOf,
        total,
        byCategory: category,
        byPlan: plans.shown.map((p) => ({ id: p.id, name: docNames.get(p.id) ?? p.title, counts: p.counts })),
        plansTotal: plans.total,
        byUnit: units.slice(0, UNITS_SHOWN),
        unitsTotal: units.length,
        warnings: warned.shown,
        warningsTotal: warned.total,
        docNames,
        overdue: tasks.filter((t) => t.overdue),
        lagging: tasks.filter((t) => t.lagging),
        newest,
      }) };
  }));
}

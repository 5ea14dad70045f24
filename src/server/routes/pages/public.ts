// GET /public (no login): published indicators and statuses; /public/data.csv and /public/data.json.
// Built only from indicators, targets and actuals: no tasks, updates, notices, users, audit or evidence.
import type { FastifyInstance } from 'fastify';
import { countOf, statusCounts, statusRows, type Counts, type StatusFilter } from '../../../monitor/statuses.js';
import type { StatusRow } from '../../../monitor/evaluate.js';
import type { Store } from '../../../store/db.js';
import { STATUS_LABEL } from '../../../web/i18n.js';
import { publicCsv, publicPage, type PublicHome, type PublicRow } from '../../../web/pages/public.js';
import { publicPlans } from './public-data.js';
import { routes as publicPages } from './public-pages.js';
import { keptPage, query } from './util.js';
import { byZh } from '../../../web/pages/glance-parts.js';

/** Rows on one page of /public; the downloads have them all. */
const PAGE = 200;

/** The rows of the public page: a target said the same way in two documents is listed once. */
export async function publicRows(store: Store, filter: StatusFilter = {}, page?: { offset: number; limit: number }): Promise<PublicRow[]> {
  const seen = new Set<string>();
  const rows: PublicRow[] = (await statusRows(store, filter, page)).map((s: StatusRow) => ({
    indicator_id: s.indicatorId,
    indicator: s.indicator,
    unit: s.unit,
    attribute: s.attribute,
    region: s.region,
    level: s.level,
    year: s.year,
    target: s.target,
    latest_actual: s.latest,
    status: s.status,
    status_label: STATUS_LABEL[s.status] ?? s.status,
    reason: s.reason,
  }));
  return rows.filter((r) => {
    const k = JSON.stringify(r);
    return !seen.has(k) && !!seen.add(k);
  });
}

/** Plans listed on the front page; /public/plans has them all. */
const PLANS_SHOWN = 12;

/** The front page's glance: statuses of all targets, areas (categories) with their counts, the first plans. */
async function homeOf(store: Store, lang: PublicHome['lang']): Promise<PublicHome> {
  const [byIndicator, indicators, plans] = await Promise.all([
    statusCounts(store, 'indicator_id'),
    store.selectFrom('indicators').select(['id', 'category']).execute(),
    publicPlans(store, { offset: 0, limit: PLANS_SHOWN }),
  ]);
  const all: Counts = {};
  const areas = new Map<string, { category: string; indicators: number; counts: Counts }>();
  for (const i of indicators) {
    const c = byIndicator.get(i.id);
    if (!c) continue;
    const a = areas.get(i.category ?? '') ?? { category: i.category ?? '', indicators: 0, counts: {} };
    areas.set(a.category, a);
    a.indicators++;
    for (const [k, n] of Object.entries(c)) {
      a.counts[k] = (a.counts[k] ?? 0) + n;
      all[k] = (all[k] ?? 0) + n;
    }
  }
  return { lang, all, areas: [...areas.values()].sort((a, b) => (!a.category ? 1 : !b.category ? -1 : byZh(a.category, b.category))), plans: plans.rows, plansTotal: plans.total };
}

export async function routes(app: FastifyInstance): Promise<void> {
  await publicPages(app);
  app.get('/public', keptPage(async (req) => {
    const q = query(req);
    const byRegion = await statusCounts(app.store, 'region');
    const region = q.region && byRegion.has(q.region) ? q.region : undefined;
    const total = [...byRegion].filter(([r]) => !region || r === region).reduce((n, [, c]) => n + countOf(c), 0);
    const pages = Math.max(1, Math.ceil(total / PAGE));
    const at = Math.min(pages, Math.max(1, Math.floor(Number(q.page)) || 1));
    const [rows, home] = await Promise.all([publicRows(app.store, { region }, { offset: (at - 1) * PAGE, limit: PAGE }), homeOf(app.store, req.lang)]);
    return { title: '公开数据', body: publicPage(rows, { total, page: at, pages, region, regions: [...byRegion.keys()].sort((a, b) => byZh(a, b)) }, home) };
  }));

  app.get('/public/data.csv', async (_req, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="lantu-public.csv"')
      .send(publicCsv(await publicRows(app.store))),
  );

  app.get('/public/data.json', async (_req, reply) =>
    reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="lantu-public.json"')
      .send(JSON.stringify({ generated: new Date().toISOString(), rows: await publicRows(app.store) }, null, 1)),
  );
}

// The public site past its front page (no login): GET /public/indicators (search and browse),
// /public/indicators/:id (a page per indicator) with /data.csv and /data.json (its tidy table as the
// open-data file data-<id>.csv has it), /public/plans (the plans with targets) and /public/plans/:id
// (a plan by chapter). Every list is paged and every query keyed by what the page shows.
import type { FastifyInstance } from 'fastify';
import type { DocumentRecord } from '../../../model/records.js';
import { countOf, statusCounts, statusRows } from '../../../monitor/statuses.js';
import { csv } from '../../../report/opendata.js';
import { indicatorChart } from '../../../web/charts.js';
import { t } from '../../../web/i18n.js';
import { STATUSES } from '../../../web/pages/common.js';
import { byZh, docName } from '../../../web/pages/glance-parts.js';
import { PUBLIC_SORTS, publicIndicatorList, publicPlanList, publicPlanPage } from '../../../web/pages/public-browse.js';
import { publicIndicatorPage } from '../../../web/pages/public-indicator.js';
import { indicatorHeads, sparks } from './glance-data.js';
import { publicPlans, quotes, tidyRows, TIDY_FIELDS } from './public-data.js';
import { publicRows } from './public.js';
import { keptPage, notFound, query } from './util.js';

const LIST_PAGE = 50;
const PLANS_PAGE = 50;
/** Targets listed on an indicator's page before a region must be chosen. */
const TARGETS_SHOWN = 100;
const CHARTS = 6;

const pageOf = (q: string | undefined, pages: number) => Math.min(pages, Math.max(1, Math.floor(Number(q)) || 1));

export async function routes(app: FastifyInstance): Promise<void> {
  const store = app.store;

  app.get('/public/indicators', keptPage(async (req) => {
    const q = query(req);
    const lang = req.lang;
    const plan = q.plan ? await store.selectFrom('documents').select(['id', 'title', 'region', 'date']).where('id', '=', q.plan.slice(0, 80)).executeTakeFirst() : undefined;
    const f = {
      q: q.q?.trim().slice(0, 40) || undefined,
      category: q.category?.slice(0, 40) || undefined,
      status: (STATUSES as readonly string[]).includes(q.status ?? '') ? q.status : undefined,
      plan: plan?.id,
      planName: plan ? docName(plan) : undefined,
      sort: PUBLIC_SORTS.some(([k]) => k === q.sort) && q.sort !== 'category' ? q.sort : undefined,
    };
    const heads = await indicatorHeads(store, plan?.id);
    const needle = f.q?.toLowerCase();
    const rows = heads.filter(
      (h) =>
        (countOf(h.counts) > 0 || (!plan && h.hasActuals)) &&
        (!f.category || (h.category ?? '') === f.category) &&
        (!f.status || (h.counts[f.status] ?? 0) > 0) &&
        (!needle || h.name.toLowerCase().includes(needle) || h.id.toLowerCase().includes(needle) || h.synonyms.toLowerCase().includes(needle)),
    );
    const warned = (c: Record<string, number>) => (c.missed ?? 0) + (c.off_track ?? 0) + (c.at_risk ?? 0);
    if (f.sort === 'name') rows.sort((a, b) => byZh(a.name, b.name));
    if (f.sort === 'warned') rows.sort((a, b) => warned(b.counts) - warned(a.counts) || byZh(a.name, b.name));
    if (f.sort === 'targets') rows.sort((a, b) => countOf(b.counts) - countOf(a.counts) || byZh(a.name, b.name));
    const pages = Math.max(1, Math.ceil(rows.length / LIST_PAGE));
    const at = pageOf(q.page, pages);
    const shown = rows.slice((at - 1) * LIST_PAGE, at * LIST_PAGE);
    const [lines, plans] = await Promise.all([sparks(store, shown.map((r) => r.id)), f.q ? publicPlans(store, { offset: 0, limit: 10 }, f.q) : undefined]);
    const categories = [...new Set(heads.map((h) => h.category).filter((c): c is string => !!c))].sort((a, b) => byZh(a, b));
    const body = publicIndicatorList(shown.map((r) => ({ ...r, spark: lines.get(r.id)?.points ?? [] })), f, { lang, categories, total: rows.length, page: at, pages, plans: plans?.rows ?? [] });
    return { title: '公开指标', body };
  }));

  app.get('/public/indicators/:id', keptPage(async (req) => {
    const id = (req.params as { id: string }).id;
    const ind = await store.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
    if (!ind) return { missing: '该指标' };
    const q = query(req);
    const lang = req.lang;
    const [counts, targetRegions, actualRegions] = await Promise.all([
      statusCounts(store, 'indicator_id'),
      store.selectFrom('targets').select('region').distinct().where('indicator_id', '=', id).execute(),
      store.selectFrom('actuals').select('region').distinct().where('indicator_id', '=', id).execute(),
    ]);
    const regions = [...new Set([...targetRegions, ...actualRegions].map((r) => r.region))].sort((a, b) => byZh(a, b));
    const region = q.region && regions.includes(q.region) ? q.region : undefined;
    const statuses = await statusRows(store, { indicator: id, region }, { offset: 0, limit: TARGETS_SHOWN });
    const total = countOf(counts.get(id));
    // the regions charted and whose actuals are listed: the chosen one, or those of the targets shown
    const only = region ? [region] : total > TARGETS_SHOWN ? [...new Set(statuses.map((s) => s.region))] : undefined;
    const [targets, actuals] = await Promise.all([
      store.selectFrom('targets').selectAll().where('indicator_id', '=', id).$if(!!only, (x) => x.where('region', 'in', only!.length ? only! : [''])).orderBy('region').orderBy('year').execute(),
      store.selectFrom('actuals').selectAll().where('indicator_id', '=', id).$if(!!only, (x) => x.where('region', 'in', only!.length ? only! : [''])).orderBy('region').orderBy('year').orderBy('vintage').execute(),
    ]);
    const charted = [...new Set([...statuses.map((s) => s.region), ...actuals.map((a) => a.region)])].slice(0, CHARTS);
    const charts = charted
      .map((r) =>
        indicatorChart(
          `${r} ${ind.name}`,
          ind.unit,
          targets.filter((x) => x.region === r && x.value !== null && !x.words && x.measure === 'level').map((x) => ({ year: x.year, value: x.value!, baselineYear: x.baseline_year, baselineValue: x.baseline_value })),
          actuals.filter((a) => a.region === r && a.measure === 'level').map((a) => ({ year: a.year, value: a.value, vintage: a.vintage })),
        ),
      )
      .filter((c) => c.series.length > 0);
    const refs = [...statuses.flatMap((s) => [s.source, s.actualSource ?? { documentId: null, line: null }]), ...actuals.map((a) => ({ documentId: a.document_id, line: a.line }))];
    return { title: lang === 'en' ? t('指标详情', lang) : `指标：${ind.name}`, body: publicIndicatorPage({ lang, indicator: ind, counts: counts.get(id) ?? {}, charts, statuses, actuals, quotes: await quotes(store, refs), regions, region, more: region ? 0 : Math.max(0, total - statuses.length) }) };
  }));

  app.get('/public/indicators/:id/data.csv', async (req, reply) => {
    const ind = await store.selectFrom('indicators').select(['id', 'unit']).where('id', '=', (req.params as { id: string }).id).executeTakeFirst();
    if (!ind) return notFound(reply, '该指标');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="indicator-${encodeURIComponent(ind.id)}.csv"`)
      .send(csv(TIDY_FIELDS, await tidyRows(store, ind)));
  });

  app.get('/public/indicators/:id/data.json', async (req, reply) => {
    const ind = await store.selectFrom('indicators').select(['id', 'name', 'unit', 'direction', 'attribute', 'category']).where('id', '=', (req.params as { id: string }).id).executeTakeFirst();
    if (!ind) return notFound(reply, '该指标');
    const [rows, statuses] = await Promise.all([tidyRows(store, ind), publicRows(store, { indicator: ind.id })]);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="indicator-${encodeURIComponent(ind.id)}.json"`)
      .send(JSON.stringify({ generated: new Date().toISOString(), indicator: ind, data: rows, statuses }, null, 1));
  });

  app.get('/public/plans', keptPage(async (req) => {
    const q = query(req);
    const search = q.q?.trim().slice(0, 40) || undefined;
    const first = await publicPlans(store, { offset: 0, limit: 0 }, search);
    const pages = Math.max(1, Math.ceil(first.total / PLANS_PAGE));
    const at = pageOf(q.page, pages);
    const list = await publicPlans(store, { offset: (at - 1) * PLANS_PAGE, limit: PLANS_PAGE }, search);
    return { title: '规划和报告', body: publicPlanList(list.rows, { lang: req.lang, total: list.total, page: at, pages, q: search }) };
  }));

  app.get('/public/plans/:id', keptPage(async (req) => {
    const doc = await store.selectFrom('documents').select(['id', 'title', 'region', 'date', 'record']).where('id', '=', (req.params as { id: string }).id).executeTakeFirst();
    if (!doc) return { missing: '该规划' };
    const targets = (await statusRows(store, { document: doc.id })).sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
    const name = docName(doc);
    const lang = req.lang;
    const record = JSON.parse(doc.record) as Partial<DocumentRecord>;
    return { title: lang === 'en' ? t('规划的指标', lang) : name, body: publicPlanPage({ lang, id: doc.id, name, sections: record.sections ?? [], targets }) };
  }));
}

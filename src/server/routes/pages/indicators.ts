// GET /indicators (the list, with the number of targets and the worst status) and GET /indicators/:id
// (chart, targets with status and reason, actuals with vintage, alignment across levels).
import type { FastifyInstance } from 'fastify';
import { alignment, regionMap } from '../../../monitor/alignment.js';
import { countOf, statusCounts, statusRows } from '../../../monitor/statuses.js';
import { indicatorChart, type LineChart } from '../../../web/charts.js';
import { sourceHref, statusRank } from '../../../web/pages/common.js';
import { indicatorList, indicatorPage, type AlignmentTable, type ListRow } from '../../../web/pages/indicators.js';
import { loggedIn, notFound, query, sendPage } from './util.js';

/** Targets on one page of an indicator; past that, the page is paged or chosen by region. */
const PAGE = 100;

export async function routes(app: FastifyInstance): Promise<void> {
  const store = app.store;

  app.get('/indicators', loggedIn, async (req, reply) => {
    const q = query(req);
    const [indicators, counts, actuals] = await Promise.all([
      store.selectFrom('indicators').selectAll().orderBy('category').orderBy('id').execute(),
      statusCounts(store, 'indicator_id'),
      store.selectFrom('actuals').select('indicator_id').select((e) => e.fn.countAll().as('n')).groupBy('indicator_id').execute(),
    ]);
    const withActuals = new Set(actuals.map((a) => a.indicator_id));
    const rows: ListRow[] = indicators.map((i) => {
      const own = Object.keys(counts.get(i.id) ?? {});
      const worst = own.sort((a, b) => statusRank(a) - statusRank(b))[0] ?? null;
      const targets = countOf(counts.get(i.id));
      return { id: i.id, name: i.name, unit: i.unit, attribute: i.attribute, category: i.category, targets, statuses: own, worst, hasActuals: withActuals.has(i.id) };
    });
    const shown = rows.filter(
      (r) =>
        (q.all === '1' || r.targets > 0 || r.hasActuals) &&
        (!q.category || r.category === q.category) &&
        (!q.status || r.statuses.includes(q.status as never)),
    );
    return sendPage(reply, '指标', indicatorList(shown, { all: q.all === '1', category: q.category, status: q.status }));
  });

  app.get('/indicators/:id', loggedIn, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const ind = await store.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
    if (!ind) return notFound(reply, '该指标');
    const q = query(req);
    const total = countOf((await statusCounts(store, 'indicator_id')).get(id));
    const region = q.region?.slice(0, 60) || undefined;
    // one region, or a page of the targets of a country's regions (and the regions of that page alone below)
    const pages = region ? 1 : Math.max(1, Math.ceil(total / PAGE));
    const at = Math.min(pages, Math.max(1, Math.floor(Number(q.page)) || 1));
    const statuses = await statusRows(store, { indicator: id, region }, pages > 1 ? { offset: (at - 1) * PAGE, limit: PAGE } : undefined);
    const only = region ? [region] : pages > 1 ? [...new Set(statuses.map((s) => s.region))] : undefined;
    const [targets, actuals] = await Promise.all([
      store.selectFrom('targets').selectAll().where('indicator_id', '=', id).$if(!!only, (x) => x.where('region', 'in', only!.length ? only! : [''])).orderBy('region').orderBy('year').execute(),
      store.selectFrom('actuals').selectAll().where('indicator_id', '=', id).$if(!!only, (x) => x.where('region', 'in', only!.length ? only! : [''])).orderBy('region').orderBy('year').orderBy('vintage').execute(),
    ]);
    const href = (doc: string | null, line: number | null) => (doc ? sourceHref(doc, line) : undefined);
    const regions = [...new Set([...targets.map((t) => t.region), ...actuals.map((a) => a.region)])].slice(0, 6);
    const charts: LineChart[] = regions
      .map((region) =>
        indicatorChart(
          `${region} ${ind.name}`,
          ind.unit,
          targets
            .filter((t) => t.region === region && t.value !== null && !t.words && t.measure === 'level')
            .map((t) => ({ year: t.year, value: t.value!, baselineYear: t.baseline_year, baselineValue: t.baseline_value, href: href(t.document_id, t.line) })),
          actuals.filter((a) => a.region === region && a.measure === 'level').map((a) => ({ year: a.year, value: a.value, vintage: a.vintage, href: href(a.document_id, a.line) })),
        ),
      )
      .filter((c) => c.series.length > 0);
    const alignments: AlignmentTable[] = [];
    const regionsTable = await regionMap(store);
    for (const year of [...new Set(targets.map((t) => t.year))].sort()) {
      const rows = await alignment(store, id, year, only, regionsTable);
      if (!rows.length) continue;
      alignments.push({
        year,
        rows: rows.map((r) => {
          const t = targets.find((x) => x.region === r.region && x.year === year);
          return { ...r, href: t ? href(t.document_id, t.line) : undefined };
        }),
      });
    }
    // the latest actual of each status row, to link its number to its source
    const latestHref = (region: string, latest: string | null) => {
      const m = latest?.match(/^[≤<≥>]?(-?[\d.]+)\*?（(\d+)）$/);
      const a = m && actuals.find((x) => x.region === region && x.year === Number(m[2]) && x.value === Number(m[1]));
      return a ? href(a.document_id, a.line) : undefined;
    };
    return sendPage(
      reply,
      `指标：${ind.name}`,
      indicatorPage({
        indicator: ind,
        charts,
        statuses: statuses.map((s) => ({ ...s, latestHref: latestHref(s.region, s.latest) })),
        actuals,
        alignments,
        paging: { total, page: at, pages, region },
      }),
    );
  });
}

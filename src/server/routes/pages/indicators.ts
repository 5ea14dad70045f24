// GET /indicators (the list, with the number of targets and the worst status) and GET /indicators/:id
// (chart, targets with status and reason, actuals with vintage, alignment across levels).
import type { FastifyInstance } from 'fastify';
import { alignment, regionMap } from '../../../monitor/alignment.js';
import { countOf, statusCounts, statusRows, type Counts } from '../../../monitor/statuses.js';
import { indicatorChart, type LineChart } from '../../../web/charts.js';
import { STATUSES, sourceHref, statusRank } from '../../../web/pages/common.js';
import { SORTS, type ListFilter } from '../../../web/pages/glance-list.js';
import { byZh, docName } from '../../../web/pages/glance-parts.js';
import { indicatorList, indicatorPage, type AlignmentTable } from '../../../web/pages/indicators.js';
import { t } from '../../../web/i18n.js';
import { indicatorHeads, sparks } from './glance-data.js';
import { keptPage, loggedIn, query, sendPage } from './util.js';

/** Targets on one page of an indicator; past that, the page is paged or chosen by region. */
const PAGE = 100;
/** Indicators on one page of the list. */
const LIST_PAGE = 100;

export async function routes(app: FastifyInstance): Promise<void> {
  const store = app.store;

  app.get('/indicators', loggedIn, async (req, reply) => {
    const q = query(req);
    const lang = req.lang;
    const plan = q.plan ? await store.selectFrom('documents').select(['id', 'title', 'region', 'date']).where('id', '=', q.plan.slice(0, 80)).executeTakeFirst() : undefined;
    const f: ListFilter = {
      q: q.q?.trim().slice(0, 40) || undefined,
      category: q.category?.slice(0, 40) || undefined,
      status: (STATUSES as readonly string[]).includes(q.status ?? '') ? q.status : undefined,
      attribute: q.attribute === '约束性' || q.attribute === '预期性' ? q.attribute : undefined,
      plan: plan?.id,
      planName: plan ? docName(plan) : undefined,
      sort: SORTS.some(([k]) => k === q.sort) ? q.sort! : 'category',
      all: q.all === '1',
    };
    const heads = await indicatorHeads(store, plan?.id);
    const needle = f.q?.toLowerCase();
    const rows = heads
      .filter(
        (h) =>
          (f.all || countOf(h.counts) > 0 || (!plan && h.hasActuals)) &&
          (!f.category || (h.category ?? '') === f.category) &&
          (!f.status || (h.counts[f.status] ?? 0) > 0) &&
          (!f.attribute || h.attribute === f.attribute) &&
          (!needle || h.name.toLowerCase().includes(needle) || h.id.toLowerCase().includes(needle) || h.synonyms.toLowerCase().includes(needle)),
      )
      .map((h) => ({ ...h, worst: Object.keys(h.counts).sort((a, b) => statusRank(a) - statusRank(b))[0] ?? null }));
    const warnedOf = (c: Counts) => (c.missed ?? 0) + (c.off_track ?? 0) + (c.at_risk ?? 0);
    const order: Record<string, (a: (typeof rows)[0], b: (typeof rows)[0]) => number> = {
      category: () => 0,
      name: (a, b) => byZh(a.name, b.name),
      targets: (a, b) => countOf(b.counts) - countOf(a.counts),
      warned: (a, b) => warnedOf(b.counts) - warnedOf(a.counts),
      worst: (a, b) => statusRank(a.worst ?? '') - statusRank(b.worst ?? ''),
    };
    rows.sort((a, b) => order[f.sort](a, b) || byZh(a.name, b.name));
    const pages = Math.max(1, Math.ceil(rows.length / LIST_PAGE));
    const at = Math.min(pages, Math.max(1, Math.floor(Number(q.page)) || 1));
    const shown = rows.slice((at - 1) * LIST_PAGE, at * LIST_PAGE);
    const lines = await sparks(store, shown.map((r) => r.id));
    const categories = [...new Set(heads.map((h) => h.category).filter((c): c is string => !!c))].sort((a, b) => byZh(a, b));
    return sendPage(
      reply,
      '指标',
      indicatorList(
        shown.map((r) => ({ ...r, spark: lines.get(r.id)?.points ?? [], sparkRegion: lines.get(r.id)?.region ?? null })),
        f,
        { lang, categories, total: rows.length, page: at, pages },
      ),
    );
  });

  app.get('/indicators/:id', loggedIn, keptPage(async (req) => {
    const id = (req.params as { id: string }).id;
    const ind = await store.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
    if (!ind) return { missing: '该指标' };
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
    const docIds = [...new Set(statuses.map((s) => s.source.documentId).filter((d): d is string => !!d))];
    const docs = docIds.length ? await store.selectFrom('documents').select(['id', 'title', 'region', 'date']).where('id', 'in', docIds).execute() : [];
    const lang = req.lang;
    return { title: lang === 'en' ? t('指标详情', lang) : `指标：${ind.name}`, body: indicatorPage(
        {
          indicator: ind,
          charts,
          statuses: statuses.map((s) => ({ ...s, latestHref: latestHref(s.region, s.latest) })),
          actuals,
          alignments,
          paging: { total, page: at, pages, region },
          docNames: new Map(docs.map((d) => [d.id, docName(d)])),
        },
        lang,
      ) };
  }));
}

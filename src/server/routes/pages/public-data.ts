// The queries of the public site, each keyed and paged: the plans that have targets, one indicator's
// targets, actuals, sources and quotes, and its tidy table exactly as the open-data file
// data-<id>.csv has it (src/report/opendata.ts). Only indicators, targets, actuals and the lines that
// state them are read: no tasks, updates, notices, users or audit.
import { sql } from 'kysely';
import { statusCounts } from '../../../monitor/statuses.js';
import type { Store } from '../../../store/db.js';
import { byZh, docName } from '../../../web/pages/glance-parts.js';

/** The documents whose targets have statuses, by region and newest first: a page of them and how many. */
export async function publicPlans(store: Store, page: { offset: number; limit: number }, q?: string): Promise<{ total: number; rows: Array<{ id: string; name: string; type: string | null }> }> {
  const ids = [...(await statusCounts(store, 'document_id')).keys()].filter(Boolean);
  if (!ids.length) return { total: 0, rows: [] };
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const base = store
    .selectFrom('documents')
    .where('id', 'in', ids)
    .$if(!!like, (x) => x.where(sql<boolean>`(title like ${like} escape '\\' or region like ${like} escape '\\')`));
  const [{ n }, docs] = await Promise.all([
    base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.select(['id', 'title', 'region', 'date', 'type']).orderBy('region').orderBy('date', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total: Number(n), rows: docs.map((d) => ({ id: d.id, name: docName(d), type: d.type })) };
}

/** The tidy table of one indicator, row for row and column for column as the open-data file data-<id>.csv. */
export const TIDY_FIELDS = ['year', 'region', 'region_code', 'unit', 'series', 'measure', 'value', 'vintage', 'source'].map((name) => ({ name }));

export async function tidyRows(store: Store, indicator: { id: string; unit: string }): Promise<Array<Record<string, unknown>>> {
  const [targets, actuals] = await Promise.all([
    store
      .selectFrom('targets')
      .leftJoin('documents', 'documents.id', 'targets.document_id')
      .select(['targets.id', 'targets.region', 'targets.year', 'targets.value', 'targets.measure', 'documents.title as source_document', 'targets.line as source_line'])
      .where('targets.indicator_id', '=', indicator.id)
      .where('targets.value', 'is not', null)
      .orderBy('targets.id')
      .execute(),
    store
      .selectFrom('actuals')
      .leftJoin('documents', 'documents.id', 'actuals.document_id')
      .select(['actuals.id', 'actuals.region', 'actuals.year', 'actuals.value', 'actuals.measure', 'actuals.vintage', 'documents.title as source_document', 'actuals.line as source_line'])
      .where('actuals.indicator_id', '=', indicator.id)
      .orderBy('actuals.id')
      .execute(),
  ]);
  const regions = [...new Set([...targets, ...actuals].map((r) => r.region))];
  const codes = new Map(regions.length ? (await store.selectFrom('regions').select(['name', 'code']).where('name', 'in', regions).execute()).map((r) => [r.name, r.code]) : []);
  const source = (r: { source_document: string | null; source_line: number | null }) => (r.source_document ? `${r.source_document}${r.source_line ? ` 第${r.source_line}行` : ''}` : '手工录入');
  return [
    ...targets.map((x) => ({ year: x.year, region: x.region, region_code: codes.get(x.region) ?? null, unit: indicator.unit, series: 'target', measure: x.measure, value: x.value, vintage: null, source: source(x) })),
    ...actuals.map((x) => ({ year: x.year, region: x.region, region_code: codes.get(x.region) ?? null, unit: indicator.unit, series: 'actual', measure: x.measure, value: x.value, vintage: x.vintage, source: source(x) })),
  ].sort((x, y) => x.year - y.year || x.region.localeCompare(y.region) || x.series.localeCompare(y.series));
}

export interface Quote {
  documentId: string;
  line: number;
  document: string;
  text: string;
}

/** The lines that state an indicator's figures, with their documents named: the quotes of its sources. */
export async function quotes(store: Store, refs: Array<{ documentId: string | null; line: number | null }>): Promise<Quote[]> {
  const wanted = new Map<string, { documentId: string; line: number }>();
  for (const r of refs) if (r.documentId && r.line) wanted.set(`${r.documentId}#${r.line}`, { documentId: r.documentId, line: r.line });
  if (!wanted.size) return [];
  const docs = [...new Set([...wanted.values()].map((w) => w.documentId))];
  const lines = [...new Set([...wanted.values()].map((w) => w.line))];
  const [texts, names] = await Promise.all([
    store.selectFrom('search_lines').select(['document_id', 'line', 'text']).where('document_id', 'in', docs).where('line', 'in', lines).execute(),
    store.selectFrom('documents').select(['id', 'title', 'region', 'date']).where('id', 'in', docs).execute(),
  ]);
  const name = new Map(names.map((d) => [d.id, docName(d)]));
  return texts
    .filter((x) => wanted.has(`${x.document_id}#${x.line}`))
    .map((x) => ({ documentId: x.document_id, line: x.line, document: name.get(x.document_id) ?? '', text: x.text.trim() }))
    .sort((a, b) => byZh(a.document, b.document) || a.line - b.line);
}

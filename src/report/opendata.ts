// Open data: indicators, targets, actuals and statuses as CSV files, and one tidy table per indicator as
// Open SDG reads them, with a Frictionless Data Package descriptor (datapackage.json): licence, sources,
// version, what every column is, keys and allowed values.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/db.js';
import { statusRows } from '../monitor/statuses.js';

type FieldType = 'string' | 'number' | 'integer';
interface Field {
  name: string;
  type: FieldType;
  description: string;
  constraints?: { required?: boolean; enum?: string[] };
}
interface Resource {
  name: string;
  title: string;
  fields: Field[];
  rows: Array<Record<string, unknown>>;
  primaryKey?: string[];
  foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>;
}

const f = (name: string, type: FieldType, description: string, constraints?: Field['constraints']): Field => ({ name, type, description, ...(constraints ? { constraints } : {}) });
const key = (name: string, description: string): Field => f(name, 'string', description, { required: true });
const oneOf = (name: string, description: string, values: string[]): Field => f(name, 'string', description, { enum: values });
const toIndicator = { fields: ['indicator_id'], reference: { resource: 'indicators', fields: ['id'] } };
const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'missed', 'not_assessable', 'no_data'];
const VINTAGES = ['estimate', 'first', 'revised', 'manual', 'reported'];
/** The licence of the published data (LANTU_OPENDATA_LICENSE: an SPDX id such as CC-BY-4.0 or CC0-1.0). */
const LICENSES: Record<string, { title: string; path: string }> = {
  'CC-BY-4.0': { title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC0-1.0': { title: 'CC0 1.0 Universal', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'ODC-BY-1.0': { title: 'Open Data Commons Attribution License 1.0', path: 'https://opendatacommons.org/licenses/by/1-0/' },
};

/** One CSV cell: quoted when it holds a comma, a quote or a line break. */
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The byte-order mark every CSV starts with: Excel reads UTF-8 (Chinese) correctly only with it. */
export const BOM = '\uFEFF';

export function csv(fields: Array<Pick<Field, 'name'> & Partial<Field>>, rows: Array<Record<string, unknown>>): string {
  return BOM + [fields.map((x) => x.name).join(','), ...rows.map((r) => fields.map((x) => csvCell(r[x.name])).join(','))].join('\r\n') + '\r\n';
}

export async function openDataResources(store: Store, asOf?: string): Promise<Resource[]> {
  const indicators = await store.selectFrom('indicators').select(['id', 'name', 'unit', 'unit_family', 'direction', 'attribute', 'category']).orderBy('id').execute();
  const targets = await store
    .selectFrom('targets')
    .leftJoin('documents', 'documents.id', 'targets.document_id')
    .select(['targets.id', 'targets.indicator_id', 'targets.region', 'targets.year', 'targets.value', 'targets.upper', 'targets.words', 'targets.comparator', 'targets.measure', 'targets.baseline_year', 'targets.baseline_value', 'documents.title as source_document', 'targets.line as source_line'])
    .orderBy('targets.id')
    .execute();
  const actuals = await store
    .selectFrom('actuals')
    .leftJoin('documents', 'documents.id', 'actuals.document_id')
    .select(['actuals.id', 'actuals.indicator_id', 'actuals.region', 'actuals.year', 'actuals.value', 'actuals.measure', 'actuals.vintage', 'actuals.reported', 'documents.title as source_document', 'actuals.line as source_line'])
    .orderBy('actuals.id')
    .execute();
  const statuses = (await statusRows(store, { asOf })).map((r) => ({ indicator_id: r.indicatorId, indicator: r.indicator, unit: r.unit, region: r.region, level: r.level, year: r.year, target: r.target, baseline: r.baseline, latest: r.latest, status: r.status, reason: r.reason, source_file: r.source.file, source_line: r.source.line }));
  const src = [f('source_document', 'string', '来源文件标题'), f('source_line', 'integer', '来源文件中的行号')];
  return [
    ...(await baseResources(indicators, targets, actuals, statuses, src)),
    ...(await tidyResources(store, indicators, targets, actuals)),
  ];
}

async function baseResources(indicators: Array<Record<string, unknown>>, targets: Array<Record<string, unknown>>, actuals: Array<Record<string, unknown>>, statuses: Array<Record<string, unknown>>, src: Field[]): Promise<Resource[]> {
  return [
    { name: 'indicators', title: '指标', rows: indicators, primaryKey: ['id'], fields: [key('id', '指标编号'), f('name', 'string', '指标名称'), f('unit', 'string', '计量单位'), f('unit_family', 'string', '单位类别'), oneOf('direction', 'higher：越高越好；lower：越低越好', ['higher', 'lower']), f('attribute', 'string', '预期性或约束性'), f('category', 'string', '类别')] },
    { name: 'targets', title: '目标', rows: targets, primaryKey: ['id'], foreignKeys: [toIndicator], fields: [key('id', '目标编号'), key('indicator_id', '指标编号'), f('region', 'string', '地区'), f('year', 'integer', '目标年份'), f('value', 'number', '目标值'), f('upper', 'number', '区间目标的上限'), f('words', 'string', '文字表述的目标'), oneOf('comparator', 'eq/approx/gte/gt/lte/lt', ['eq', 'approx', 'gte', 'gt', 'lte', 'lt']), oneOf('measure', 'level：水平值；change：年均增速', ['level', 'change']), f('baseline_year', 'integer', '基期年份'), f('baseline_value', 'number', '基期值'), ...src] },
    { name: 'actuals', title: '实际值', rows: actuals, primaryKey: ['id'], foreignKeys: [toIndicator], fields: [key('id', '编号'), key('indicator_id', '指标编号'), f('region', 'string', '地区'), f('year', 'integer', '所属年份'), f('value', 'number', '数值（指标单位）'), oneOf('measure', 'level 或 change', ['level', 'change']), oneOf('vintage', 'estimate 预计数 / first 首次公布 / revised 修订 / manual 手工录入 / reported 部门报送', VINTAGES), f('reported', 'string', '公布日期'), ...src] },
    { name: 'statuses', title: '完成情况', rows: statuses, foreignKeys: [toIndicator], fields: [key('indicator_id', '指标编号'), f('indicator', 'string', '指标名称'), f('unit', 'string', '单位'), f('region', 'string', '地区'), f('level', 'string', '层级'), f('year', 'integer', '目标年份'), f('target', 'string', '目标'), f('baseline', 'string', '基期'), f('latest', 'string', '最新实际值'), oneOf('status', 'achieved/on_track/at_risk/off_track/missed/not_assessable/no_data', STATUSES), f('reason', 'string', '判断理由'), f('source_file', 'string', '来源文件'), f('source_line', 'integer', '来源行号')] },
  ];
}

/** A resource name of an indicator id: the id where it is plain ASCII, else a short hash (ids named by documents are Chinese). */
const tidyName = (id: string) => (/^[A-Za-z0-9._-]+$/.test(id) ? id.toLowerCase() : `m-${createHash('sha256').update(id).digest('hex').slice(0, 12)}`);

/**
 * One tidy table per indicator, as Open SDG reads them (data-<id>.csv): year, region and its GB/T 2260
 * code, unit, series (目标 or 实际值), value, vintage and source — one observation per row.
 */
async function tidyResources(store: Store, indicators: Array<{ id: string; name: string; unit: string }>, targets: Array<Record<string, unknown>>, actuals: Array<Record<string, unknown>>): Promise<Resource[]> {
  const codes = new Map((await store.selectFrom('regions').select(['name', 'code']).execute()).map((r) => [r.name, r.code]));
  const fields = [
    f('year', 'integer', '年份', { required: true }),
    key('region', '地区'),
    f('region_code', 'string', '地区代码（GB/T 2260）'),
    f('unit', 'string', '计量单位'),
    oneOf('series', 'target：目标；actual：实际值', ['target', 'actual']),
    oneOf('measure', 'level：水平值；change：增速', ['level', 'change']),
    f('value', 'number', '数值', { required: true }),
    oneOf('vintage', '实际值的版本', VINTAGES),
    f('source', 'string', '来源文件标题与行号'),
  ];
  const source = (r: Record<string, unknown>) => (r.source_document ? `${r.source_document}${r.source_line ? ` 第${r.source_line}行` : ''}` : '手工录入');
  const out: Resource[] = [];
  for (const ind of indicators) {
    const rows = [
      ...targets.filter((t) => t.indicator_id === ind.id && t.value !== null).map((t) => ({ year: t.year, region: t.region, region_code: codes.get(t.region as string) ?? null, unit: ind.unit, series: 'target', measure: t.measure, value: t.value, vintage: null, source: source(t) })),
      ...actuals.filter((a) => a.indicator_id === ind.id).map((a) => ({ year: a.year, region: a.region, region_code: codes.get(a.region as string) ?? null, unit: ind.unit, series: 'actual', measure: a.measure, value: a.value, vintage: a.vintage, source: source(a) })),
    ].sort((x, y) => Number(x.year) - Number(y.year) || String(x.region).localeCompare(String(y.region)) || x.series.localeCompare(y.series));
    if (rows.length) out.push({ name: `data-${tidyName(ind.id)}`, title: `${ind.name}（整理数据）`, fields, rows });
  }
  return out;
}

/** The Frictionless Data Package descriptor of the resources: licence, sources, version, keys, allowed values. */
export async function descriptorOf(store: Store, resources: Resource[]): Promise<object> {
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const license = process.env.LANTU_OPENDATA_LICENSE ?? 'CC-BY-4.0';
  const docs = await store.selectFrom('documents').select(['title', 'region', 'date']).orderBy('file').orderBy('seq').execute();
  return {
    profile: 'tabular-data-package',
    name: 'lantu-plan-monitoring',
    title: '规划实施监测数据',
    description: '各地区规划纲要、政府工作报告与实施方案中的指标、目标、实际值及其完成情况，由蓝图（Lantu）从原文抽取，每条记录注明来源文件与行号。',
    version,
    created: new Date().toISOString(),
    licenses: [{ name: license, ...(LICENSES[license] ?? { title: license, path: `https://spdx.org/licenses/${license}.html` }) }],
    sources: docs.map((d) => ({ title: [d.region, d.date?.slice(0, 4) ? `${d.date.slice(0, 4)}年` : '', d.title].filter(Boolean).join(' ') })),
    resources: resources.map((r) => ({
      name: r.name,
      title: r.title,
      path: `${r.name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: { fields: r.fields, missingValues: [''], ...(r.primaryKey ? { primaryKey: r.primaryKey } : {}), ...(r.foreignKeys ? { foreignKeys: r.foreignKeys } : {}) },
    })),
  };
}

/** Writes the CSV files and datapackage.json into a directory; returns the descriptor. */
export async function writeOpenData(store: Store, dir: string, asOf?: string): Promise<object> {
  mkdirSync(dir, { recursive: true });
  const resources = await openDataResources(store, asOf);
  for (const r of resources) writeFileSync(join(dir, `${r.name}.csv`), csv(r.fields, r.rows));
  const descriptor = await descriptorOf(store, resources);
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor, null, 2));
  return descriptor;
}

// Open data: indicators, targets, actuals and statuses as CSV files with a Frictionless Data Package
// descriptor (datapackage.json) that says what every column is.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/db.js';
import { statusRows } from '../monitor/statuses.js';

type FieldType = 'string' | 'number' | 'integer';
interface Field {
  name: string;
  type: FieldType;
  description: string;
}
interface Resource {
  name: string;
  title: string;
  fields: Field[];
  rows: Array<Record<string, unknown>>;
}

const f = (name: string, type: FieldType, description: string): Field => ({ name, type, description });

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
    { name: 'indicators', title: '指标', rows: indicators, fields: [f('id', 'string', '指标编号'), f('name', 'string', '指标名称'), f('unit', 'string', '计量单位'), f('unit_family', 'string', '单位类别'), f('direction', 'string', 'higher：越高越好；lower：越低越好'), f('attribute', 'string', '预期性或约束性'), f('category', 'string', '类别')] },
    { name: 'targets', title: '目标', rows: targets, fields: [f('id', 'string', '目标编号'), f('indicator_id', 'string', '指标编号'), f('region', 'string', '地区'), f('year', 'integer', '目标年份'), f('value', 'number', '目标值'), f('upper', 'number', '区间目标的上限'), f('words', 'string', '文字表述的目标'), f('comparator', 'string', 'eq/approx/gte/gt/lte/lt'), f('measure', 'string', 'level：水平值；change：年均增速'), f('baseline_year', 'integer', '基期年份'), f('baseline_value', 'number', '基期值'), ...src] },
    { name: 'actuals', title: '实际值', rows: actuals, fields: [f('id', 'string', '编号'), f('indicator_id', 'string', '指标编号'), f('region', 'string', '地区'), f('year', 'integer', '所属年份'), f('value', 'number', '数值（指标单位）'), f('measure', 'string', 'level 或 change'), f('vintage', 'string', 'estimate 预计数 / first 首次公布 / revised 修订 / manual 手工录入 / reported 部门报送'), f('reported', 'string', '公布日期'), ...src] },
    { name: 'statuses', title: '完成情况', rows: statuses, fields: [f('indicator_id', 'string', '指标编号'), f('indicator', 'string', '指标名称'), f('unit', 'string', '单位'), f('region', 'string', '地区'), f('level', 'string', '层级'), f('year', 'integer', '目标年份'), f('target', 'string', '目标'), f('baseline', 'string', '基期'), f('latest', 'string', '最新实际值'), f('status', 'string', 'achieved/on_track/at_risk/off_track/missed/not_assessable/no_data'), f('reason', 'string', '判断理由'), f('source_file', 'string', '来源文件'), f('source_line', 'integer', '来源行号')] },
  ];
}

/** Writes the CSV files and datapackage.json into a directory; returns the descriptor. */
export async function writeOpenData(store: Store, dir: string, asOf?: string): Promise<object> {
  mkdirSync(dir, { recursive: true });
  const resources = await openDataResources(store, asOf);
  for (const r of resources) writeFileSync(join(dir, `${r.name}.csv`), csv(r.fields, r.rows));
  const descriptor = {
    profile: 'tabular-data-package',
    name: 'lantu-plan-monitoring',
    title: '规划实施监测数据',
    created: new Date().toISOString(),
    resources: resources.map((r) => ({ name: r.name, title: r.title, path: `${r.name}.csv`, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', schema: { fields: r.fields } })),
  };
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor, null, 2));
  return descriptor;
}

// The public page: published indicators and their status, nothing internal; downloads as CSV and JSON.
import { html, type SafeHtml } from '../html.js';
import { LEVEL_LABEL, dataTable, status } from './common.js';

/** One published row: what the public may see of a target and where it stands. */
export interface PublicRow {
  indicator_id: string;
  indicator: string;
  unit: string;
  attribute: string | null;
  region: string;
  level: string | null;
  year: number;
  target: string;
  latest_actual: string | null;
  status: string;
  status_label: string;
  reason: string;
}

export const PUBLIC_COLUMNS: Array<keyof PublicRow> = ['indicator_id', 'indicator', 'unit', 'attribute', 'region', 'level', 'year', 'target', 'latest_actual', 'status', 'status_label', 'reason'];

const cell = (v: unknown): string => {
  let s = v === null || v === undefined ? '' : String(v);
  // a cell a spreadsheet would read as a formula is quoted as text
  if (/^[=+@\t\r]/.test(s) || /^-[^\d.]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with a byte-order mark (so spreadsheet programs read the Chinese as UTF-8). */
export function publicCsv(rows: PublicRow[]): string {
  return '\ufeff' + [PUBLIC_COLUMNS.join(','), ...rows.map((r) => PUBLIC_COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function publicPage(rows: PublicRow[]): SafeHtml {
  return html`<p>本页公开各地区规划指标的目标、最新实际值和完成状态，无需登录。标 * 的实际值为预计数。</p>
<p>下载：<a href="/public/data.csv" download>CSV 表格</a> · <a href="/public/data.json" download>JSON 数据</a> ·
开放数据集（<a href="/public/opendata/datapackage.json">datapackage.json</a>：<a href="/public/opendata/indicators.csv">指标</a>、<a href="/public/opendata/targets.csv">目标</a>、<a href="/public/opendata/actuals.csv">实际值</a>、<a href="/public/opendata/statuses.csv">完成情况</a>）</p>
${dataTable(
  `公开指标（${rows.length} 项）`,
  ['地区', '指标', '年份', '目标', '最新实际值', '状态', '说明'],
  rows.map((r) => [
    `${r.region}${r.level ? `（${LEVEL_LABEL[r.level] ?? r.level}）` : ''}`,
    `${r.indicator}${r.unit ? `（${r.unit}）` : ''}${r.attribute ? ` ${r.attribute}` : ''}`,
    r.year,
    r.target,
    r.latest_actual ?? '—',
    status(r.status),
    r.reason,
  ]),
  '暂无公开数据',
)}`;
}

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

/** Which page of how many, of one region or all. */
export interface PublicPaging {
  total: number;
  page: number;
  pages: number;
  region?: string;
  regions: string[];
}

function pager(p: PublicPaging): SafeHtml {
  const link = (n: number) => `/public?page=${n}${p.region ? `&region=${encodeURIComponent(p.region)}` : ''}`;
  // a list to choose from while it is short; a name to type for a country's counties
  const choose =
    p.regions.length <= 200
      ? html`<select name="region"><option value="">全部地区</option>${p.regions.map((r) => html`<option value="${r}"${r === p.region ? html` selected` : ''}>${r}</option>`)}</select>`
      : html`<input name="region" value="${p.region ?? ''}" placeholder="地区全称，如 格尔木市" maxlength="40">`;
  return html`<form method="get" action="/public" class="filters"><label>地区 ${choose}</label> <button type="submit">筛选</button></form>
${p.pages > 1 ? html`<nav aria-label="分页" class="pager">第 ${p.page} / ${p.pages} 页 ${p.page > 1 ? html`<a href="${link(p.page - 1)}" rel="prev">上一页</a>` : ''} ${p.page < p.pages ? html`<a href="${link(p.page + 1)}" rel="next">下一页</a>` : ''}</nav>` : ''}`;
}

export function publicPage(rows: PublicRow[], paging: PublicPaging = { total: rows.length, page: 1, pages: 1, regions: [] }): SafeHtml {
  return html`<p>本页公开各地区规划指标的目标、最新实际值和完成状态，无需登录。标 * 的实际值为预计数。</p>
<p>下载：<a href="/public/data.csv" download>CSV 表格</a> · <a href="/public/data.json" download>JSON 数据</a> ·
开放数据集（<a href="/public/opendata/datapackage.json">datapackage.json</a>：<a href="/public/opendata/indicators.csv">指标</a>、<a href="/public/opendata/targets.csv">目标</a>、<a href="/public/opendata/actuals.csv">实际值</a>、<a href="/public/opendata/statuses.csv">完成情况</a>）</p>
${pager(paging)}
${dataTable(
  `公开指标（${paging.total} 项${paging.pages > 1 ? `，本页 ${rows.length} 项` : ''}）`,
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

// The overview: counts of statuses by category, plan and department, warnings, newest updates.
import type { StatusRow } from '../../monitor/evaluate.js';
import type { Warning } from '../../monitor/status/index.js';
import { html, type SafeHtml } from '../html.js';
import { STATUS_LABEL } from '../i18n.js';
import { STATUSES, dataTable, sourceLink, status } from './common.js';

import { countOf as sum, type Counts } from '../../monitor/statuses.js';
export type { Counts };

export interface OverdueTask {
  documentId: string;
  line: number;
  title: string;
  deadline: string | null;
  units: string[];
  status: string;
  reason: string;
}

export interface NewUpdate {
  at: string;
  subject: string;
  href?: string;
  unit: string;
  period: string;
  figure: string;
  status: string;
  by: string;
}

export interface OverviewView {
  asOf: string;
  total: number;
  byCategory: Map<string, Counts>;
  byPlan: Array<{ id: string; title: string; counts: Counts }>;
  /** How many documents have targets (byPlan lists the first of them). */
  plansTotal: number;
  byUnit: Map<string, Counts>;
  /** The most serious warnings, and how many there are in all. */
  warnings: Array<Warning & { row: StatusRow }>;
  warningsTotal: number;
  overdue: OverdueTask[];
  lagging: OverdueTask[];
  newest: NewUpdate[];
}

const UPDATE_STATUS: Record<string, string> = { submitted: '待审核', approved: '已通过', returned: '已退回' };

/** A table of counts: one row per group, one column per status, each count linked where a list exists. */
function countTable(caption: string, first: string, rows: Array<{ label: SafeHtml | string; counts: Counts; href?: (status?: string) => string }>): SafeHtml {
  return dataTable(
    caption,
    [first, ...STATUSES.map((s) => STATUS_LABEL[s]), '合计'],
    rows.map((r) => [
      r.label,
      ...STATUSES.map((s) => (r.counts[s] ? (r.href ? html`<a href="${r.href(s)}">${r.counts[s]}</a>` : r.counts[s]) : html`<span class="muted">0</span>`)),
      r.href ? html`<a href="${r.href()}">${sum(r.counts)}</a>` : sum(r.counts),
    ]),
  );
}

function taskList(caption: string, tasks: OverdueTask[], empty: string): SafeHtml {
  return dataTable(
    caption,
    ['任务', '责任单位', '截止日期', '状态', '说明'],
    tasks.map((t) => [sourceLink(t.documentId, t.line, t.title), t.units.join('、') || '未明确', t.deadline ?? '—', status(t.status), t.reason]),
    empty,
  );
}

export function overviewPage(v: OverviewView): SafeHtml {
  const all = [...v.byCategory.values()].reduce<Counts>((a, c) => {
    for (const [k, n] of Object.entries(c)) a[k] = (a[k] ?? 0) + n;
    return a;
  }, {});
  const card = (label: string, n: number, href: string) => html`<div class="card"><a href="${href}"><strong>${n}</strong>${label}</a></div>`;
  return html`<p class="muted">截至 ${v.asOf}，共 ${v.total} 项指标目标。</p>
<section aria-labelledby="h-summary"><h2 id="h-summary">状态概况</h2>
<div class="cards">
${card('项目标未完成', all.missed ?? 0, '/indicators?status=missed')}
${card('项目标进度滞后', all.off_track ?? 0, '/indicators?status=off_track')}
${card('项目标存在风险', all.at_risk ?? 0, '/indicators?status=at_risk')}
${card('项目标已完成', all.achieved ?? 0, '/indicators?status=achieved')}
${card('项任务逾期未报', v.overdue.length, '#h-overdue')}
${card('项任务落后于序时进度', v.lagging.length, '#h-lagging')}
</div>
${countTable('按指标类别', '类别', [...v.byCategory].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([cat, counts]) => ({ label: cat, counts, href: (s?: string) => `/indicators?category=${encodeURIComponent(cat)}${s ? `&status=${s}` : ''}` })))}
${v.plansTotal > v.byPlan.length ? html`<p class="muted">共 ${v.plansTotal} 份文件有指标目标，下表列出预警最多的 ${v.byPlan.length} 份；全部见<a href="/documents">文件</a>。</p>` : ''}
${countTable('按规划（文件）', '规划', v.byPlan.map((p) => ({ label: html`<a href="/plans/${encodeURIComponent(p.id)}">${p.title}</a>`, counts: p.counts, href: () => `/plans/${encodeURIComponent(p.id)}` })))}
${countTable('按责任单位（任务）', '责任单位', [...v.byUnit].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([unit, counts]) => ({ label: unit, counts })))}
</section>
<section aria-labelledby="h-warn"><h2 id="h-warn">预警</h2>
${v.warningsTotal > v.warnings.length ? html`<p class="muted">共 ${v.warningsTotal} 项指标预警，这里列出最严重的 ${v.warnings.length} 项；全部见<a href="/supervision">督查督办</a>。</p>` : ''}
${dataTable(
  '指标预警（约束性指标权重加倍，按严重程度排序）',
  ['指标', '属性', '状态', '目标', '理由', '来源'],
  v.warnings.map((w) => [
    html`<a href="/indicators/${encodeURIComponent(w.row.indicatorId)}">${w.name}</a>`,
    w.attribute ?? '',
    status(w.status),
    sourceLink(w.row.source.documentId, w.row.source.line, w.row.target),
    w.row.reason,
    sourceLink(w.row.source.documentId, w.row.source.line, `${w.row.source.file}${w.row.source.line ? ` 第${w.row.source.line}行` : ''}`),
  ]),
  '没有进度滞后或存在风险的指标',
)}
<h3 id="h-overdue">逾期任务（已过截止日期且无审核通过的进度报告）</h3>
${taskList('逾期任务', v.overdue, '没有逾期任务')}
<h3 id="h-lagging">落后于序时进度的任务</h3>
${taskList('落后于序时进度的任务', v.lagging, '没有落后于序时进度的任务')}
</section>
<section aria-labelledby="h-updates"><h2 id="h-updates">最新进度报告</h2>
${dataTable(
  '最新进度报告（最近 10 条）',
  ['提交时间', '事项', '单位', '期间', '进度或数值', '状态', '提交人'],
  v.newest.map((u) => [u.at.slice(0, 16).replace('T', ' '), u.href ? html`<a href="${u.href}">${u.subject}</a>` : u.subject, u.unit, u.period, u.figure, UPDATE_STATUS[u.status] ?? u.status, u.by]),
  '尚无进度报告',
)}
</section>`;
}

// The overview: coloured status tiles linked to the filtered lists, progress by plan, category and
// responsible unit as bars, warnings, overdue and lagging tasks, newest updates — in either language.
import type { StatusRow } from '../../monitor/evaluate.js';
import type { Warning } from '../../monitor/status/index.js';
import { html, type SafeHtml } from '../html.js';
import { t, type Lang } from '../i18n.js';
import { byZh, GLANCE_CSS, hrefIn, stop, tableIn, legend, statusBar, statusOf, srcLink, statusTiles, tf, tile, total, warned, zh, type Counts, reasonOf } from './glance-parts.js';

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
  /** What the update is about: a task or an indicator's target (named in Chinese). */
  kind: 'task' | 'target' | 'other';
  subject: string;
  href?: string;
  unit: string;
  period: string;
  figure: string;
  status: string;
  by: string;
}

export interface OverviewView {
  lang: Lang;
  asOf: string;
  total: number;
  byCategory: Map<string, Counts>;
  /** The plans shown (named by region, year and title), most warnings first. */
  byPlan: Array<{ id: string; name: string; counts: Counts }>;
  /** How many documents have targets (byPlan lists the first of them). */
  plansTotal: number;
  /** The units shown (most overdue and most tasks first), the statuses of their tasks. */
  byUnit: Array<{ unit: string; counts: Counts; overdue: number }>;
  unitsTotal: number;
  /** The most serious warnings, and how many there are in all; docNames names their documents. */
  warnings: Array<Warning & { row: StatusRow }>;
  warningsTotal: number;
  docNames: Map<string, string>;
  overdue: OverdueTask[];
  lagging: OverdueTask[];
  newest: NewUpdate[];
}

const UPDATE_STATUS: Record<string, string> = { submitted: '待审核', approved: '已通过', returned: '已退回' };

/** A table of progress: one row per group (linked), its bar, its warnings and its total (linked). */
function progressTable(lang: Lang, caption: string, first: string, rows: Array<{ label: SafeHtml | string; counts: Counts; href?: string; extra?: SafeHtml | string | number }>, extraHead?: string): SafeHtml {
  const link = (href: string | undefined, c: unknown) => (href ? html`<a href="${hrefIn(href, lang)}">${c}</a>` : html`${c}`);
  const zero = html`<span class="muted">0</span>`;
  return tableIn(
    lang,
    t(caption, lang),
    [first, '进展', '预警', ...(extraHead ? [extraHead] : []), '合计'],
    rows.map((r) => [link(r.href, r.label), statusBar(r.counts, lang), warned(r.counts) || zero, ...(extraHead ? [r.extra] : []), link(r.href, total(r.counts))]),
  );
}

function taskList(lang: Lang, caption: string, tasks: OverdueTask[], empty: string): SafeHtml {
  return tableIn(
    lang,
    t(caption, lang),
    ['任务', '责任单位', '截止日期', '状态', '说明'],
    tasks.map((x) => [srcLink(x.documentId, x.line, zh(x.title, lang), lang), x.units.length ? zh(x.units.join('、'), lang) : t('未明确', lang), x.deadline ?? '—', statusOf(x.status, lang), reasonOf(x.reason, lang)]),
    empty,
  );
}

export function overviewPage(v: OverviewView): SafeHtml {
  const { lang } = v;
  const all = [...v.byCategory.values()].reduce<Counts>((a, c) => {
    for (const [k, n] of Object.entries(c)) a[k] = (a[k] ?? 0) + n;
    return a;
  }, {});
  const category = (c: string) => (c === '未分类' || !c ? t('未分类', lang) : t(c, lang));
  return html`${GLANCE_CSS}<p class="muted">${tf('截至 {asOf}，共 {n} 项指标目标。', lang, { asOf: v.asOf, n: v.total })}</p>
<section aria-labelledby="h-summary"><h2 id="h-summary">${t('状态概况', lang)}</h2>
${statusTiles(all, lang, (s) => `/indicators?status=${s}`, html`${tile(v.overdue.length, '项任务逾期未报', '#h-overdue', lang)}${tile(v.lagging.length, '项任务落后于序时进度', '#h-lagging', lang)}`)}
${legend(lang)}
<div class="progress-grid">
<div>${v.plansTotal > v.byPlan.length ? html`<p class="muted">${tf('共 {n} 份文件有指标目标，下表列出预警最多的 {shown} 份；全部见', lang, { n: v.plansTotal, shown: v.byPlan.length })}<a href="${hrefIn('/documents', lang)}">${t('文件', lang)}</a>${stop(lang)}</p>` : ''}
${progressTable(lang, '按规划（文件）', '规划', v.byPlan.map((p) => ({ label: zh(p.name, lang), counts: p.counts, href: `/plans/${encodeURIComponent(p.id)}` })))}</div>
<div>${progressTable(lang, '按指标类别', '类别', [...v.byCategory].sort(([a], [b]) => byZh(a, b)).map(([cat, counts]) => ({ label: category(cat), counts, href: `/indicators?category=${encodeURIComponent(cat)}` })))}</div>
</div>
${v.unitsTotal > v.byUnit.length ? html`<p class="muted">${tf('共 {n} 个责任单位，下表列出逾期任务和任务最多的 {shown} 个；全部见', lang, { n: v.unitsTotal, shown: v.byUnit.length })}<a href="${hrefIn('/departments', lang)}">${t('部门', lang)}</a>${stop(lang)}</p>` : ''}
${progressTable(lang, '按责任单位（任务）', '责任单位', v.byUnit.map((u) => ({ label: zh(u.unit, lang), counts: u.counts, href: `/departments/${encodeURIComponent(u.unit)}`, extra: u.overdue || html`<span class="muted">0</span>` })), '逾期')}
</section>
<section aria-labelledby="h-warn"><h2 id="h-warn">${t('预警', lang)}</h2>
${v.warningsTotal > v.warnings.length ? html`<p class="muted">${tf('共 {n} 项指标预警，这里列出最严重的 {shown} 项；全部见', lang, { n: v.warningsTotal, shown: v.warnings.length })}<a href="${hrefIn('/supervision', lang)}">${t('督查督办', lang)}</a>${stop(lang)}</p>` : ''}
${v.warnings.length
  ? tableIn(
      lang,
      t('指标预警（约束性指标权重加倍，按严重程度排序）', lang),
      ['指标', '属性', '状态', '目标', '理由', '来源'],
      v.warnings.map((w) => {
        const src = w.row.source;
        const name = (src.documentId && v.docNames.get(src.documentId)) || src.file;
        return [
          html`<a href="${hrefIn(`/indicators/${encodeURIComponent(w.row.indicatorId)}`, lang)}">${zh(w.name, lang)}</a>`,
          w.attribute ? t(w.attribute, lang) : '',
          statusOf(w.status, lang),
          srcLink(src.documentId, src.line, zh(w.row.target, lang), lang),
          reasonOf(w.row.reason, lang),
          srcLink(src.documentId, src.line, html`${zh(name, lang)}${src.line ? ` ${tf('第{line}行', lang, { line: src.line })}` : ''}`, lang),
        ];
      }),
    )
  : html`<p class="muted">${t('没有进度滞后或存在风险的指标', lang)}</p>`}
<h3 id="h-overdue">${t('逾期任务（已过截止日期且无审核通过的进度报告）', lang)}</h3>
${taskList(lang, '逾期任务', v.overdue, '没有逾期任务')}
<h3 id="h-lagging">${t('落后于序时进度的任务', lang)}</h3>
${taskList(lang, '落后于序时进度的任务', v.lagging, '没有落后于序时进度的任务')}
</section>
<section aria-labelledby="h-updates"><h2 id="h-updates">${t('最新进度报告', lang)}</h2>
${tableIn(
  lang,
  t('最新进度报告（最近 10 条）', lang),
  ['提交时间', '事项', '单位', '期间', '进度或数值', '状态', '提交人'],
  v.newest.map((u) => [
    u.at.slice(0, 16).replace('T', ' '),
    html`${u.kind !== 'other' ? `${t(u.kind === 'task' ? '任务' : '指标', lang)}${lang === 'en' ? ': ' : '：'}` : ''}${u.href ? html`<a href="${hrefIn(u.href, lang)}">${zh(u.subject, lang)}</a>` : zh(u.subject, lang)}`,
    zh(u.unit, lang),
    u.period,
    u.figure,
    t(UPDATE_STATUS[u.status] ?? u.status, lang),
    zh(u.by, lang),
  ]),
  '尚无进度报告',
)}
</section>`;
}

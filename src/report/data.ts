// Everything an evaluation report says, assembled from the store (no rendering, no clock): the plan and
// the years covered, the indicator tables judged by the status engine, task progress by department,
// lagging items with the reasons departments gave, warnings with recommendations and the source of
// every figure. The renderers (docx, html, markdown) only lay this out.
import type { StatusKind } from '../model/records.js';
import type { Store } from '../store/db.js';
import { warnings } from '../monitor/status/index.js';
import { STATUS_LABEL } from '../monitor/labels.js';
import { countOf, overall, recommendation, type Counts } from './advice.js';
import { indicatorGroups, type IndicatorGroup, type IndicatorRow, type Source } from './indicators.js';
import { findPlan, reportTitle, reportWindow, type PlanInfo, type ReportType, type Window } from './scope.js';
import { chapterProgress, NO_UNIT, overdue, reasonsOf, taskProgress, updatesIn, type ChapterRow, type DepartmentRow, type Said } from './tasks.js';
import { citer } from './cite.js';
import { findings, judgeable, type Findings } from './findings.js';
import { projectRows, type ProjectRow } from './projects.js';

export interface LagItem {
  kind: '指标' | '任务';
  name: string;
  status: string;
  /** The engine's reason (indicators) or the deadline missed (tasks). */
  reason: string;
  /** What the responsible departments said in their updates. */
  said: Said[];
  source: Source;
}

export interface WarningItem {
  name: string;
  attribute: string | null;
  status: StatusKind;
  statusLabel: string;
  weight: number;
  reason: string;
  recommendation: string;
  source: Source | null;
}

export interface SourceEntry {
  ref: string; // 指标 3 / 任务
  item: string;
  figure: string;
  source: Source;
  /** The document by region, year and title, with the line: 格尔木市2025年《政府工作报告》第 12 行. */
  cite: string;
}

export interface ReportData {
  type: ReportType;
  title: string;
  plan: PlanInfo;
  window: Window;
  /** What the report includes and what it leaves out, in words. */
  scope: string[];
  overall: string[];
  counts: Counts;
  groups: IndicatorGroup[];
  departments: DepartmentRow[];
  lagging: LagItem[];
  warnings: WarningItem[];
  sources: SourceEntry[];
  /** Whether most targets can be judged (总体评价 is given only then), and why not. */
  judgeable: { ok: boolean; why: string };
  chapters: ChapterRow[];
  projects: ProjectRow[];
  findings: Findings;
  /** The issuing unit and the date written at the end (成文日期, 2026年1月1日). */
  issuer: string;
  date: string;
}

export interface ReportOptions {
  type: ReportType;
  /** A document id or a piece of the plan's title. */
  plan: string;
  year?: number;
  asOf?: string;
  /** The issuing unit; default the region's development and reform commission (the planning office). */
  issuer?: string;
  /** The date written at the end (ISO); default the judgement date. */
  date?: string;
}

/** 2026-01-01 → 2026年1月1日. */
export const zhDate = (iso: string): string => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export async function reportData(store: Store, opts: ReportOptions): Promise<ReportData> {
  const plan = await findPlan(store, opts.plan);
  const w = reportWindow(opts.type, plan, opts.year, opts.asOf);
  const cite = await citer(store);
  const { groups, reports } = await indicatorGroups(store, plan, w);
  const rows = groups.flatMap((g) => g.rows);
  for (const r of rows) r.reason = cite.text(r.reason);
  const updates = await updatesIn(store, w);
  const { tasks, departments, documents } = await taskProgress(store, plan, w, updates);
  const late = overdue(tasks, w.asOf);

  const lagging: LagItem[] = [
    ...rows
      .filter((r) => r.status === 'off_track' || r.status === 'at_risk' || r.status === 'missed')
      .map((r): LagItem => ({ kind: '指标', name: `${r.indicator}（${r.year}年目标：${r.target}${r.unit ? `，单位：${r.unit}` : ''}）`, status: r.statusLabel, reason: r.reason, said: reasonsOf(updates, 'target', r.targetIds), source: r.targetSource })),
    ...late.map((t): LagItem => ({ kind: '任务', name: `${t.title}（${t.units.join('、') || NO_UNIT}）`, status: '逾期未完成', reason: `完成时限 ${t.deadline}，截至 ${w.asOf} 尚无审核通过的进展`, said: reasonsOf(updates, 'task', [t.id]), source: t.source })),
  ];

  const asOfYear = Number(w.asOf.slice(0, 4));
  const named = new Map(rows.map((r) => [`${r.indicator}（${r.year}年，序号 ${r.no}）`, r]));
  const warned = warnings(
    [...named]
      .filter(([, r]) => r.status !== 'no_data' || r.year < asOfYear) // no data is a warning once the year is over
      .map(([name, r]) => ({ name, indicatorId: r.indicatorId, attribute: r.attribute ?? undefined, result: { status: r.status, reason: r.reason } })),
  ).map((x): WarningItem => {
    const r = named.get(x.name);
    return { name: x.name, attribute: x.attribute ?? null, status: x.status, statusLabel: STATUS_LABEL[x.status], weight: x.weight, reason: x.reason, recommendation: recommendation(x.status, x.attribute), source: r?.targetSource ?? null };
  });

  const sources: SourceEntry[] = [];
  for (const r of rows) {
    sources.push({ ref: `指标 ${r.no}`, item: `${r.indicator}（${r.year}年）`, figure: `目标 ${r.target}`, source: r.targetSource, cite: cite.line(r.targetSource.file, r.targetSource.line, r.targetSource.documentId) });
    if (r.actual) sources.push({ ref: `指标 ${r.no}`, item: `${r.indicator}（${r.year}年）`, figure: `实际 ${r.actual}`, source: r.actualSource ?? { file: '（未找到来源记录）', line: null, documentId: null }, cite: r.actualSource ? cite.line(r.actualSource.file, r.actualSource.line, r.actualSource.documentId) : '（未找到来源记录）' });
  }
  for (const t of late) sources.push({ ref: '任务', item: t.title, figure: `完成时限 ${t.deadline}`, source: t.source, cite: cite.line(t.source.file, t.source.line, t.source.documentId) });

  const planN = groups.filter((g) => g.kind === 'plan').reduce((n, g) => n + g.rows.length, 0);
  const scope = [
    plan.kind === 'work-report' ? `报告：${cite.document(plan.id)}确定的${plan.end}年主要预期目标和重点任务。` : `规划：${cite.document(plan.id)}，规划期 ${plan.start}—${plan.end}年。`,
    `指标：规划纲要设定的${opts.type === 'annual' ? ` ${w.year}年及以后年份` : `规划期内（${plan.start}—${plan.end}年）`}目标 ${planN} 项${reports.length ? `；${reports.map((d) => cite.document(d.id)).join('、')}确定的 ${w.year}年主要预期目标 ${rows.length - planN} 项` : `；未找到${plan.region}${w.year}年政府工作报告的目标`}。其他文件（如任务分工方案）重复列出的目标不另计。`,
    `任务：${plan.kind === 'work-report' ? cite.document(plan.id) : '规划纲要'}及${plan.region}${w.from === w.to ? `${w.to}年` : `${w.from}—${w.to}年`}印发文件中的任务${documents.length ? `（${documents.length} 份文件）` : ''}；进展取报告期在上述年份内、已提交或审核通过的部门报送。`,
    `评价方法：年度目标对照当年实际数，多年目标按基期以来的趋势或序时进度判断，评价基准日为${zhDate(w.asOf)}。带 * 的实际值为预计数。`,
  ];
  const overallText = overall(plan, w, rows, groups, { total: tasks.length, approved: tasks.filter((t) => t.approved).length, units: departments.filter((d) => d.unit !== NO_UNIT).length, overdue: late.length });
  if (plan.kind === 'work-report') scope[1] = `指标：${cite.document(plan.id)}确定的${w.year}年主要预期目标 ${rows.length} 项。`;
  return {
    type: opts.type, title: reportTitle(plan, w), plan, window: w, scope, overall: overallText, counts: countOf(rows), groups, departments, lagging, warnings: warned, sources,
    judgeable: judgeable(rows),
    chapters: chapterProgress(tasks, w.asOf),
    projects: await projectRows(store, plan, w, cite),
    findings: findings(rows, tasks, late),
    issuer: opts.issuer?.trim() || `${plan.region}发展和改革委员会`,
    date: zhDate(opts.date ?? w.asOf),
  };
}

export type { IndicatorGroup, IndicatorRow, DepartmentRow, Said, Source, Counts };

// The words of a report that are computed, not read: the overall judgement from the counts by status,
// and one recommendation per warning.
import type { StatusKind } from '../model/records.js';
import { STATUS_LABEL } from '../monitor/labels.js';
import type { IndicatorRow } from './indicators.js';
import type { PlanInfo, Window } from './scope.js';

export const STATUS_ORDER: StatusKind[] = ['achieved', 'on_track', 'at_risk', 'off_track', 'missed', 'not_assessable', 'no_data'];

export interface Counts {
  total: number;
  by: Record<StatusKind, number>;
  /** Targets that could be judged (not 无法评估, not 暂无数据). */
  assessed: number;
  /** 已完成 + 进度正常. */
  good: number;
}

export function countOf(rows: IndicatorRow[]): Counts {
  const by = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<StatusKind, number>;
  for (const r of rows) by[r.status]++;
  const assessed = rows.length - by.not_assessable - by.no_data;
  return { total: rows.length, by, assessed, good: by.achieved + by.on_track };
}

export const percent = (part: number, whole: number): string => (whole ? `${Math.round((part / whole) * 1000) / 10}%` : '—');

/** 已完成 3 项、进度正常 1 项…, the statuses with none left out. */
export function countWords(c: Counts): string {
  const parts = STATUS_ORDER.filter((s) => c.by[s] > 0).map((s) => `${STATUS_LABEL[s]} ${c.by[s]} 项`);
  return parts.length ? parts.join('、') : '无';
}

function verdict(c: Counts, binding: Counts): string {
  if (binding.by.off_track > 0) return '约束性指标出现滞后，须作为督办重点，限期整改。';
  if (!c.assessed) return '目前尚无可评估的目标，须尽快补齐监测数据。';
  const share = c.good / c.assessed;
  if (share >= 0.9) return '规划实施总体进展顺利，主要目标基本符合预期。';
  if (share >= 0.7) return '规划实施总体符合预期，个别目标存在风险或滞后，须加强调度。';
  return '规划实施进度总体偏慢，多项目标存在风险或滞后，须采取有力措施加快推进。';
}

/** The paragraphs of 一、总体评价. */
export function overall(plan: PlanInfo, w: Window, rows: IndicatorRow[], groups: Array<{ kind: string; rows: IndicatorRow[] }>, tasks: { total: number; approved: number; units: number; overdue: number }): string[] {
  const c = countOf(rows);
  const binding = countOf(rows.filter((r) => r.attribute === '约束性'));
  const planN = groups.filter((g) => g.kind === 'plan').reduce((n, g) => n + g.rows.length, 0);
  const when =
    w.type === 'annual'
      ? `本报告监测《${plan.title}》（${plan.start}—${plan.end}年）${w.year}年实施情况`
      : w.type === 'midterm'
        ? `本报告评估《${plan.title}》（${plan.start}—${plan.end}年）实施至中期（${w.year}年末）的进展，多年目标按序时进度判断`
        : `本报告总结评估《${plan.title}》（${plan.start}—${plan.end}年）规划期末目标的完成情况`;
  const out = [
    `${when}，判断基准日为 ${w.asOf}。纳入监测的指标目标共 ${c.total} 项（规划纲要 ${planN} 项${c.total > planN ? `、${w.year}年政府工作报告 ${c.total - planN} 项` : ''}），其中${countWords(c)}。`,
    c.assessed
      ? `在可评估的 ${c.assessed} 项目标中，已完成或进度正常 ${c.good} 项，占 ${percent(c.good, c.assessed)}；存在风险 ${c.by.at_risk} 项，进度滞后 ${c.by.off_track} 项。`
      : '纳入监测的目标均暂无数据或无法评估。',
    binding.total ? `约束性指标目标 ${binding.total} 项：${countWords(binding)}。` : '纳入监测的目标中没有标明为约束性的指标。',
  ];
  if (tasks.total)
    out.push(`重点任务 ${tasks.total} 项，涉及责任单位 ${tasks.units} 个；已有审核通过进展的 ${tasks.approved} 项，占 ${percent(tasks.approved, tasks.total)}${tasks.overdue ? `；逾期尚无审核通过进展的 ${tasks.overdue} 项` : ''}。`);
  out.push(`总体判断：${verdict(c, binding)}`);
  return out;
}

/** One recommendation for a warning, by status and attribute. */
export function recommendation(status: StatusKind, attribute?: string | null): string {
  const binding = attribute === '约束性';
  switch (status) {
    case 'off_track':
      return binding
        ? '列为重点督办事项：责任单位须分析滞后原因、制定整改措施并限期报送，确保约束性目标完成。'
        : '责任单位须查明滞后原因，提出追赶措施，按月报送进展，必要时调整工作安排。';
    case 'at_risk':
      return '加强监测调度，按季跟踪进展，提前采取措施，防止转为滞后。';
    case 'no_data':
      return '请统计部门和责任单位尽快报送实际数，补齐监测数据后重新评估。';
    case 'not_assessable':
      return '请核定目标口径，或取得上级下达的目标后重新评估。';
    default:
      return '保持现有工作力度，持续跟踪。';
  }
}

// 存在问题 and 下一步建议 written from the data as prose a reader of a 公文 expects (一是……二是……),
// naming the indicators and tasks concerned and never the system's internal terms; and whether the
// targets allow an overall judgement at all (most of them must be judgeable).
import type { IndicatorRow } from './indicators.js';
import type { TaskInfo } from './tasks.js';

const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八'];
const LATE = new Set(['at_risk', 'off_track', 'missed']);

/** A few names, then 等 N 项. */
function names(list: string[], max = 5): string {
  const u = [...new Set(list)];
  return u.length <= max ? u.join('、') : `${u.slice(0, max).join('、')}等 ${u.length} 项`;
}

const figure = (r: IndicatorRow) => `${r.indicator}（目标 ${r.target}${r.unit && /\d/.test(r.target) ? ` ${r.unit}` : ''}${r.actual ? `，实际 ${r.actual.replace(/[（(]\d{4}[)）]$/, '')}` : ''}）`;

/** Whether most targets can be judged; else the sentence that says how many could not and why. */
export function judgeable(rows: IndicatorRow[]): { ok: boolean; why: string } {
  const noData = rows.filter((r) => r.status === 'no_data').length;
  const words = rows.filter((r) => r.status === 'not_assessable').length;
  const assessed = rows.length - noData - words;
  if (rows.length && assessed * 2 > rows.length) return { ok: true, why: '' };
  const parts = [noData ? `${noData} 项尚无可对照的统计数据` : '', words ? `${words} 项目标以文字表述或有待上级下达，不能量化对照` : ''].filter(Boolean);
  return {
    ok: false,
    why: rows.length
      ? `纳入监测的 ${rows.length} 项指标目标中，能够作出判断的仅 ${assessed} 项，${parts.join('，')}，尚不具备作出总体评价的条件。`
      : '没有纳入监测的指标目标，尚不具备作出总体评价的条件。',
  };
}

export interface Findings {
  problems: string[];
  suggestions: string[];
}

export function findings(rows: IndicatorRow[], tasks: TaskInfo[], late: TaskInfo[]): Findings {
  const problems: string[] = [];
  const suggestions: string[] = [];
  const behind = rows.filter((r) => LATE.has(r.status));
  const binding = behind.filter((r) => r.attribute === '约束性');
  const noData = rows.filter((r) => r.status === 'no_data');
  const words = rows.filter((r) => r.status === 'not_assessable');
  const conflicts = rows.filter((r) => /另有不一致的表述/.test(r.reason));
  if (behind.length) {
    problems.push(`部分指标进展滞后于预期。${names(behind.map(figure))}未达到预期进度${binding.length ? `，其中约束性指标 ${binding.length} 项（${names(binding.map((r) => r.indicator))}）` : ''}。`);
    suggestions.push(
      `加快推进滞后指标。${binding.length ? `将${names(binding.map((r) => r.indicator))}等约束性指标列为督办重点，责任单位限期提出整改措施；` : ''}对${names(behind.map((r) => r.indicator))}，责任单位要查明原因、提出追赶措施，按月调度进展，确保年度目标落实。`,
    );
  }
  if (noData.length) {
    problems.push(`监测数据尚不完整。${names(noData.map((r) => r.indicator))}尚无可对照的统计数据，难以判断进展。`);
    suggestions.push(`补齐监测数据。统计部门和各责任单位要按季度报送${names(noData.map((r) => r.indicator), 3)}的实际数，建立指标数据定期报送制度。`);
  }
  if (words.length) {
    problems.push(`部分目标难以量化评价。${names(words.map((r) => `${r.indicator}（${r.target}）`))}以文字表述或有待上级下达，尚不能与实际数对照。`);
    suggestions.push(`明确目标口径。对以文字表述的目标，规划编制部门要会同统计部门明确量化口径；有待上级下达的，取得下达数后及时纳入评价。`);
  }
  if (conflicts.length) {
    problems.push(`个别目标在不同文件中的表述不一致，涉及${names(conflicts.map((r) => r.indicator))}。`);
    suggestions.push('统一目标表述。规划编制部门要核定上述目标的权威表述，在后续文件中保持一致。');
  }
  if (late.length) {
    problems.push(`部分重点任务推进迟缓。${late.length} 项任务已过完成时限但尚无经审核的进展，如${names(late.map((t) => t.title), 3)}。`);
    suggestions.push('压实任务责任。督促责任单位对逾期任务说明原因、明确完成时间，并按时报送进展。');
  } else if (tasks.length && tasks.every((t) => !t.approved)) {
    problems.push(`重点任务进展报送不足。${tasks.length} 项重点任务均尚无经审核的进展报送，任务推进情况难以掌握。`);
    suggestions.push('建立任务进展报送机制。各责任单位要按季度报送所承担任务的进展及佐证材料，由规划编制部门审核汇总。');
  }
  if (!problems.length) problems.push('纳入监测的指标和任务总体按计划推进，未发现明显滞后的事项。');
  if (!suggestions.length) suggestions.push('保持现有工作力度，持续跟踪各项指标和任务的进展。');
  const number = (list: string[]) => (list.length > 1 ? list.map((p, i) => `${ORDINAL[i] ?? i + 1}是${p}`) : list);
  return { problems: number(problems), suggestions: number(suggestions) };
}

// 序时进度: the share done against the share of time elapsed, for cumulative targets and for tasks.
import { VERDICT, byRatio, days, fmt, pct, ratioText, withUnit, yearEnd } from './format.js';
import { latestPerYear } from './observations.js';
import type { Assessment, CumulativeTarget, Observation, StatusContext, TaskTarget } from './types.js';

function pace(ratio: number, ctx: StatusContext): string {
  if (ratio >= 1) return '快于序时进度';
  return ratio >= (ctx.thresholds?.onTrack ?? 0.95) ? '基本符合序时进度' : '慢于序时进度';
}

/** A total over a period: yearly amounts added up (or the latest running total) against the years elapsed. */
export function assessCumulative(t: CumulativeTarget, obs: readonly Observation[], ctx: StatusContext = {}): Assessment {
  const per = [...latestPerYear(obs).values()].filter((o) => o.year >= t.startYear && o.year <= t.year);
  const period = `${t.startYear}—${t.year}年`;
  if (!per.length) return { status: 'no_data', method: 'progress', asOf: ctx.asOf ?? yearEnd(t.year), reason: `规划期（${period}）内尚无实际数` };
  const last = per[per.length - 1];
  const running = t.accumulate === 'running';
  const done = running ? last.value : per.reduce((s, o) => s + o.value, 0);
  const est = running ? !!last.estimate : per.some((o) => o.estimate);
  const totalYears = t.year - t.startYear + 1;
  const years = last.year - t.startYear + 1;
  const elapsed = years / totalYears;
  const share = done / t.value;
  const gaps = running ? [] : Array.from({ length: years }, (_, i) => t.startYear + i).filter((y) => !per.some((o) => o.year === y));
  const missing = gaps.length ? `（缺${gaps.join('、')}年数据）` : '';
  const head =
    `${t.startYear === last.year ? `${last.year}年` : `${t.startYear}—${last.year}年`}累计完成 ${withUnit(done, t.unit)}${est ? '（含预计数）' : ''}${missing}，` +
    `占目标 ${withUnit(t.value, t.unit)}的 ${pct(share)}，时间进度 ${pct(elapsed)}（${years}/${totalYears}年）`;
  const common = { method: 'progress' as const, asOf: yearEnd(last.year), actual: done, estimate: est || undefined };
  const expected = t.value * elapsed;

  if (t.direction === 'lower') {
    // A cap (累计新增不超过…): using it up faster than time passes is the risk.
    if (done > t.value) return { ...common, status: 'off_track', expected, reason: `${head}，已超出总量控制目标，${VERDICT.off_track}` };
    if (last.year >= t.year) return { ...common, status: est ? 'on_track' : 'achieved', expected, reason: `${head}，规划期内控制在目标以内，${est ? '预计可完成' : '已完成'}` };
    const ratio = share > 0 ? elapsed / share : Infinity;
    const status = byRatio(ratio, ctx);
    const r = Number.isFinite(ratio) ? `，时间进度与使用进度之比 ${ratioText(ratio)}` : '';
    return { ...common, status, ratio: Number.isFinite(ratio) ? ratio : undefined, expected, reason: `${head}${r}，${VERDICT[status]}` };
  }
  if (done >= t.value) {
    const early = last.year < t.year ? `，提前${t.year - last.year}年` : '';
    return { ...common, status: est ? 'on_track' : 'achieved', ratio: share / elapsed, expected, reason: `${head}，${est ? '预计' : '已'}完成目标${early}` };
  }
  if (last.year >= t.year) return { ...common, status: 'off_track', ratio: share, expected, reason: `${head}，规划期结束，未完成目标，尚差 ${withUnit(t.value - done, t.unit)}` };
  const ratio = share / elapsed;
  const status = byRatio(ratio, ctx);
  return { ...common, status, ratio, expected, reason: `${head}，完成进度与时间进度之比 ${ratioText(ratio)}，${pace(ratio, ctx)}，${VERDICT[status]}` };
}

/** A task: % complete at a date against the time elapsed between its start and its deadline. */
export function assessTask(t: TaskTarget, obs: readonly Observation[], ctx: StatusContext = {}): Assessment {
  const dated = obs
    .filter((o) => Number.isFinite(o.value))
    .map((o) => ({ ...o, date: (o.date ?? yearEnd(o.year)).slice(0, 10) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = dated[dated.length - 1];
  const asOf = (ctx.asOf ?? last?.date ?? t.start).slice(0, 10);
  const overdue = days(t.deadline, asOf);
  if (!last) {
    const late = overdue > 0 ? `，截止日期 ${t.deadline} 已逾期 ${overdue} 天` : '';
    return { status: 'no_data', method: 'task', asOf, reason: `尚无进度报告${late}` };
  }
  const done = Math.min(Math.max(last.value, 0), 100);
  const est = last.estimate || undefined;
  const common = { method: 'task' as const, asOf, actual: done, estimate: est };
  if (done >= 100) {
    const d = days(last.date, t.deadline);
    const when = d > 0 ? `提前 ${d} 天完成` : d === 0 ? '按期完成' : `逾期 ${-d} 天完成`;
    return { ...common, status: est ? 'on_track' : 'achieved', reason: `${last.date} ${est ? '预计' : ''}完成 100%，截止日期 ${t.deadline}，${est ? '预计' : ''}${when}` };
  }
  if (overdue > 0) {
    return { ...common, status: 'off_track', reason: `截止日期 ${t.deadline} 已过，截至 ${last.date} 完成 ${fmt(done)}%，已逾期 ${overdue} 天，${VERDICT.off_track}` };
  }
  const span = days(t.start, t.deadline) + 1; // both ends inclusive
  const used = days(t.start, last.date) + 1;
  if (used <= 0 || span <= 0) {
    return { ...common, status: 'on_track', reason: `${last.date} 完成 ${fmt(done)}%，任务尚未到开始日期 ${t.start}，${VERDICT.on_track}` };
  }
  const elapsed = Math.min(used / span, 1);
  const ratio = done / 100 / elapsed;
  const status = byRatio(ratio, ctx);
  const left = days(asOf, t.deadline);
  return {
    ...common,
    status,
    ratio,
    expected: elapsed * 100,
    reason:
      `截至 ${last.date} 完成 ${fmt(done)}%，时间进度 ${pct(elapsed)}（${used}/${span} 天），` +
      `完成进度与时间进度之比 ${ratioText(ratio)}，${pace(ratio, ctx)}，距截止日期 ${t.deadline} 还有 ${left} 天，${VERDICT[status]}`,
  };
}

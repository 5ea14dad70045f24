// Targets in words (wordings.ts): 与经济增长同步, 高于经济增长, 以上级下达为准, 正增长, 合理区间内运行.
import type { StatusKind } from '../../model/records.js';
import { describe, judgeValue, statusOf, verdictOf, type TargetSpec } from './annual.js';
import { VERDICT, gap, withUnit, yearEnd } from './format.js';
import { latest, valueFor } from './observations.js';
import { matchWording } from './wordings.js';
import type { Assessment, Observation, StatusContext, WordedTarget } from './types.js';

export const NO_HIGHER_TARGET = '目标以上级下达为准，尚未取得上级目标';

export function assessWorded(t: WordedTarget, obs: readonly Observation[], ctx: StatusContext = {}): Assessment {
  const w = matchWording(t.wording);
  const o = t.startYear !== undefined ? latest(obs, t.startYear - 1, t.year) : valueFor(obs, t.year);
  const year = o?.year ?? t.year;
  const asOf = o ? yearEnd(year) : ctx.asOf ?? yearEnd(t.year);
  const quoted = `「${t.wording}」`;
  const base = { method: 'worded' as const, asOf };
  if (!w) return { ...base, status: 'not_assessable', reason: `未识别的文字目标${quoted}，无法评估` };

  // The figure the wording refers to: a target handed down, a stated range, zero, or GDP growth.
  let spec: TargetSpec | undefined;
  let source = '';
  if (w.rule === 'higher_level') {
    const h = ctx.higherTarget?.(t);
    if (!h) return { ...base, status: 'not_assessable', reason: `${quoted}：${NO_HIGHER_TARGET}` };
    spec = h;
    source = h.source ?? '上级下达目标';
  } else if (w.rule === 'reasonable_range') {
    if (t.value === undefined || t.upper === undefined) {
      return { ...base, status: 'not_assessable', reason: `${quoted}：未给出合理区间的数值范围，无法评估` };
    }
    spec = { comparator: 'eq', value: t.value, upper: t.upper };
    source = `合理区间 ${describe(spec, t.unit, ctx)}`;
  } else if (w.rule === 'positive') {
    spec = { comparator: 'gt', value: 0 };
    source = '正增长（> 0）';
  }
  if (!o) {
    const when = t.startYear !== undefined ? `${t.startYear}—${t.year}年` : `${t.year}年`;
    return { ...base, status: 'no_data', reason: `${quoted}：${when}尚无实际数` };
  }
  const est = !!o.estimate;
  const final = year >= t.year; // a year inside a plan period is only on track
  const lift = (s: StatusKind): StatusKind => (s === 'achieved' && !final ? 'on_track' : s);
  const who = `${year}年${est ? '预计' : '实际'}`;
  const common = { ...base, actual: o.value, estimate: est || undefined };

  if (spec) {
    const j = judgeValue(o.value, spec, t.unit, t.direction, ctx);
    const status = lift(statusOf(j, est));
    const text = j.text.replace(/^实际/, est ? '预计' : '实际');
    const verdict = j.met && !est && status === 'on_track' ? '当年符合目标，进度正常' : verdictOf(j, status, est);
    return { ...common, status, expected: spec.value, reason: `${quoted}按${source}判断：${year}年${text}，${verdict}` };
  }

  // 与经济增长同步 / 高于经济增长: GDP growth of the same region and year.
  const region = t.region ?? ctx.region;
  const g = ctx.gdpGrowth?.(region, year);
  if (g === undefined) {
    return { ...common, status: 'not_assessable', reason: `${quoted}：未取得${region ?? ''}${year}年地区生产总值增速，无法判断` };
  }
  const tol = ctx.tolerance?.rate ?? 0.5;
  const d = o.value - g;
  const met = w.rule === 'gdp_above' ? d > 1e-9 : d >= -tol - 1e-9;
  const rel = Math.abs(d) < 1e-9 ? '与经济增长持平' : d > 0 ? `高于经济增长 ${gap(d, '%')}` : `低于经济增长 ${gap(d, '%')}`;
  const bound = w.rule === 'gdp_in_step' ? `（同步容差 ±${gap(tol, '%')}）` : '';
  const status: StatusKind = met ? lift(est ? 'on_track' : 'achieved') : 'off_track';
  const verdict = met ? (est ? '预计可完成（预计数）' : status === 'achieved' ? '已完成' : VERDICT.on_track) : `未完成，${VERDICT.off_track}`;
  return {
    ...common,
    status,
    expected: g,
    reason: `${who}增长 ${withUnit(o.value, '%')}，同期地区生产总值增长 ${withUnit(g, '%')}，${rel}${bound}，${met ? '符合' : '未达到'}「${w.label}」，${verdict}`,
  };
}

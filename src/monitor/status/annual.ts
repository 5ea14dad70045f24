// Annual targets: one year's actual against the comparator (= ≈ ≥ > ≤ <, ranges), direction-aware.
import type { Comparator, Direction, Measure, StatusKind } from '../../model/records.js';
import { SYMBOL, VERDICT, gap, isRate, withUnit, yearEnd, yearOver } from './format.js';
import { valueFor } from './observations.js';
import type { AnnualTarget, Assessment, Observation, StatusContext } from './types.js';

export interface TargetSpec {
  comparator: Comparator;
  value: number;
  upper?: number;
  tolerance?: number;
  measure?: Measure;
}

/** Floating-point slack: 5.3 − 0.5 is 4.8 and 4.8 is on the edge. */
const EPS = 1e-9;

const NEGATED: Record<Comparator, string> = { eq: '≠', approx: '≉', gte: '<', gt: '≤', lte: '>', lt: '≥' };

export interface Judgement {
  met: boolean;
  near: boolean; // missed, but within the tolerance beyond the band
  exceeded?: boolean; // met by going beyond an = / 左右 / range target on the good side
  text: string; // "实际 1129.7 万千瓦 ≥ 目标 1100 万千瓦"
}

/** Half-width of the 左右 band: ±0.5 percentage point for rates, ±5% of the value for levels. */
export function toleranceOf(spec: TargetSpec, unit: string, ctx: StatusContext = {}): number {
  if (spec.tolerance !== undefined) return spec.tolerance;
  if (isRate(unit)) return ctx.tolerance?.rate ?? 0.5;
  return Math.abs(spec.value) * (ctx.tolerance?.relative ?? 0.05);
}

/** Half a unit of the last printed decimal of a value: 1.9 → 0.05 (exact "within rounding"). */
function roundingOf(v: number): number {
  const s = String(v);
  const d = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
  return 0.5 * 10 ** -d;
}

/** The target in words: "5%左右（±0.5 个百分点）", "5%—6%", "1100 万千瓦". */
export function describe(spec: TargetSpec, unit: string, ctx: StatusContext = {}): string {
  const v = spec.upper !== undefined ? `${withUnit(spec.value, '')}—${withUnit(spec.upper, unit)}` : withUnit(spec.value, unit);
  if (spec.comparator !== 'approx') return v;
  return `${v}左右（±${gap(toleranceOf(spec, unit, ctx), unit)}）`;
}

/** Judge a value against a target: met, near miss or miss, with the comparison in words. */
export function judgeValue(actual: number, spec: TargetSpec, unit: string, direction: Direction, ctx: StatusContext = {}): Judgement {
  const tol = toleranceOf(spec, unit, ctx);
  const a = withUnit(actual, unit);
  const t = describe(spec, unit, ctx);
  const c = spec.comparator;
  if (c === 'eq' || c === 'approx') {
    // = is exact within the rounding of a single value; a range's bounds are exact.
    const w = c === 'approx' ? tol : spec.upper !== undefined ? 0 : roundingOf(spec.value);
    const lo = spec.value - w;
    const hi = (spec.upper ?? spec.value) + w;
    if (actual >= lo - EPS && actual <= hi + EPS) {
      const sym = spec.upper !== undefined ? '在区间' : c === 'approx' ? '≈' : '=';
      return { met: true, near: false, text: sym === '在区间' ? `实际 ${a}，在目标 ${t} 区间内` : `实际 ${a} ${sym} 目标 ${t}` };
    }
    const above = actual > hi;
    const good = above === (direction === 'higher');
    if (good) return { met: true, near: false, exceeded: true, text: `实际 ${a} ${above ? '高于' : '低于'}目标 ${t}` };
    // The gap from the band's edge (左右) or from the stated value (= and ranges, not its rounding).
    const edge = c === 'approx' ? (above ? hi : lo) : above ? spec.upper ?? spec.value : spec.value;
    const d = Math.abs(actual - edge);
    const bounded = spec.upper !== undefined || c === 'approx';
    const where = bounded ? `${above ? '上限' : '下限'} ${withUnit(edge, unit)}` : '';
    return { met: false, near: d <= tol + EPS, text: `实际 ${a} ${above ? '高于' : '低于'}目标 ${t}${where}，差 ${gap(d, unit)}` };
  }
  const v = spec.value;
  const ok = c === 'gte' ? actual >= v - EPS : c === 'gt' ? actual > v + EPS : c === 'lte' ? actual <= v + EPS : actual < v - EPS;
  if (ok) return { met: true, near: false, text: `实际 ${a} ${SYMBOL[c]} 目标 ${t}` };
  const d = Math.abs(actual - spec.value);
  const ceiling = c === 'lte' || c === 'lt';
  // Direction never rescues a comparator: above a ceiling is a miss even for a higher-is-better indicator.
  const note = ceiling === (direction === 'higher') ? `（目标为${ceiling ? '上限' : '下限'}）` : '';
  return { met: false, near: d <= tol + EPS, text: `实际 ${a} ${NEGATED[c]} 目标 ${t}${note}，${ceiling ? '超出' : '差'} ${gap(d, unit)}` };
}

/** Status of a judged figure: achieved / off_track / at_risk, or on_track for an estimate that meets. */
export function statusOf(j: Judgement, estimate: boolean): StatusKind {
  if (j.met) return estimate ? 'on_track' : 'achieved';
  return j.near ? 'at_risk' : 'off_track';
}

/** Words of the verdict after a judgement. */
export function verdictOf(j: Judgement, status: StatusKind, estimate: boolean): string {
  const done = j.exceeded ? '超额完成' : '完成';
  if (j.met) return estimate ? `预计可${done}（预计数，待统计数据确认）` : `已${done}`;
  const near = j.near ? `，差距在容差以内，${VERDICT[status]}` : '';
  return `${estimate ? '预计' : ''}未完成${near}${estimate ? '（预计数）' : ''}`;
}

export function assessAnnual(target: AnnualTarget, observations: readonly Observation[], ctx: StatusContext = {}): Assessment {
  const o = valueFor(observations, target.year);
  if (!o) {
    const over = yearOver(target.year, ctx);
    return {
      status: 'no_data',
      method: 'annual',
      asOf: ctx.asOf ?? yearEnd(target.year),
      reason: over ? `${target.year}年已结束，尚无实际数` : `${target.year}年尚无实际数${ctx.asOf ? '（年度未结束）' : ''}`,
    };
  }
  const est = !!o.estimate;
  const j = judgeValue(o.value, target, target.unit, target.direction, ctx);
  const status = statusOf(j, est);
  const text = est ? j.text.replace(/^实际/, '预计') : j.text;
  return {
    status,
    method: 'annual',
    actual: o.value,
    expected: target.value,
    estimate: est || undefined,
    asOf: yearEnd(target.year),
    reason: `${target.year}年${text}，${verdictOf(j, status, est)}`,
  };
}

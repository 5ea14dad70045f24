// One judgement per distinct target, on the same basis (STATUS.md): the actual is the figure for the
// target's own year or period on the target's basis; a year that is over ends met or missed; a bare
// number on a directional indicator is a floor (or a ceiling), judged as written; a year not yet over is
// never "achieved". Pure: the store is read by evaluate.ts.
import type { Basis, Comparator, Direction, StatusKind } from '../model/records.js';
import { judgeValue, type TargetSpec } from './status/annual.js';
import { SYMBOL, withUnit } from './status/format.js';
import { valueFor } from './status/observations.js';
import type { Assessment, Observation } from './status/types.js';

export type Verdict = 'met' | 'missed' | null;

export interface Basised {
  basis: string;
  period_from: number | null;
  period_to: number | null;
}

export const sameBasis = (a: Basised, b: Basised) => a.basis === b.basis && a.period_from === b.period_from && a.period_to === b.period_to;

/** The last day a target's figure belongs to: the year's (or the period's) end. */
export const closes = (year: number) => `${year}-12-31`;

/** A bare number on an indicator with a direction binds as a floor (higher is better) or a ceiling. */
export function binding(comparator: Comparator, direction: Direction, upper?: number): Comparator {
  if (comparator !== 'eq' || upper !== undefined) return comparator;
  return direction === 'higher' ? 'gte' : 'lte';
}

const BASIS_WORD: Record<Basis, string> = { year: '当年', average: '年均', cumulative: '累计', since: '较基期' };

export function basisWords(b: Basised): string {
  const span = b.period_from !== null && b.period_to !== null ? `${b.period_from}—${b.period_to}年` : '';
  return b.basis === 'year' ? '当年值' : `${span}${BASIS_WORD[b.basis as Basis] ?? b.basis}`;
}

export interface Closed {
  verdict: Verdict;
  status: StatusKind;
  reason: string;
  actual: Observation;
}

/** A target whose year is over, judged on the actual of its own year and basis. */
export function closedYear(
  t: { year: number; value: number; upper?: number; comparator: Comparator; unit: string; direction: Direction },
  observations: readonly Observation[],
): Closed | undefined {
  const o = valueFor(observations, t.year);
  if (!o) return undefined;
  const spec: TargetSpec = { comparator: binding(t.comparator, t.direction, t.upper), value: t.value, upper: t.upper };
  if (o.bound) return closedOnBound(t, spec, o);
  // a level with 左右 is met from 97% of the target; a rate within half a point
  if (spec.comparator === 'approx' && t.unit !== '%' && t.unit !== '个百分点') spec.tolerance = Math.abs(t.value) * 0.03;
  const j = judgeValue(o.value, spec, t.unit, t.direction);
  const pre = o.estimate ? '（预计数）' : '';
  return {
    verdict: j.met ? 'met' : 'missed',
    status: j.met ? 'achieved' : 'missed',
    reason: `${t.year}年${j.text}${pre}，${j.met ? (j.exceeded ? '已超额完成' : '已完成') : '未完成'}`,
    actual: o,
  };
}

/**
 * Does an actual known only as a bound ("5.5以内": ≤ 5.5) meet the target? Every value it allows does (true),
 * none does (false), or some do and some do not (undefined: the figure cannot tell).
 */
export function boundMeets(bound: NonNullable<Observation['bound']>, a: number, c: Comparator, t: number, upper?: number): boolean | undefined {
  // the values the actual allows, and those the target accepts, as intervals with open or closed ends
  const lo = bound === 'gte' || bound === 'gt' ? a : -Infinity;
  const hi = bound === 'lte' || bound === 'lt' ? a : Infinity;
  const [loOpen, hiOpen] = [bound === 'gt', bound === 'lt'];
  let [tlo, thi, tloOpen, thiOpen] = [-Infinity, Infinity, false, false];
  if (c === 'gte' || c === 'gt') [tlo, tloOpen] = [t, c === 'gt'];
  else if (c === 'lte' || c === 'lt') [thi, thiOpen] = [t, c === 'lt'];
  else if (upper !== undefined) [tlo, thi] = [t, upper];
  else return undefined; // 左右 or an exact figure: a bound cannot say
  const within = (lo > tlo || (lo === tlo && (!tloOpen || loOpen))) && (hi < thi || (hi === thi && (!thiOpen || hiOpen)));
  if (within) return true;
  const apart = hi < tlo || (hi === tlo && (hiOpen || tloOpen)) || lo > thi || (lo === thi && (loOpen || thiOpen));
  return apart ? false : undefined;
}

function closedOnBound(t: { year: number; value: number; upper?: number; unit: string }, spec: TargetSpec, o: Observation): Closed {
  const met = boundMeets(o.bound!, o.value, spec.comparator, t.value, t.upper);
  const actual = `${SYMBOL[o.bound!]}${withUnit(o.value, t.unit)}`;
  const target = t.upper !== undefined ? `${t.value}–${withUnit(t.upper, t.unit)}` : `${SYMBOL[spec.comparator]}${withUnit(t.value, t.unit)}`;
  if (met === undefined)
    return { verdict: null, status: 'not_assessable', reason: `${t.year}年实际只报了界限 ${actual}，无法判断是否达到目标 ${target}`, actual: o };
  return { verdict: met ? 'met' : 'missed', status: met ? 'achieved' : 'missed', reason: `${t.year}年实际 ${actual}（只报了界限），${met ? '在' : '不在'}目标 ${target} 之内，${met ? '已完成' : '未完成'}`, actual: o };
}

/** A target whose year is not over: progress may be judged, but nothing is achieved before its year ends. */
export function openYear(a: Assessment, year: number): Assessment {
  if (a.status !== 'achieved') return a;
  return { ...a, status: 'on_track', reason: `${a.reason}（${year}年尚未结束，待年度数据确认）` };
}

/** Why a closed year has no verdict: no figure, or only figures of another basis (a five-year average). */
export function noActualReason(year: number, other: { value: number; unit: string; basis: Basised } | undefined): string {
  if (!other) return `${year}年已结束，尚无同口径的实际数`;
  return `${year}年已结束，尚无当年实际数；已有的 ${withUnit(other.value, other.unit)} 是${basisWords(other.basis)}，口径不同，不作判断`;
}

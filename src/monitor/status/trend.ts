// Multi-year targets by trend (the Open SDG method): the observed rate of change from the baseline to the
// latest figure ÷ the rate required from the baseline to reach the target by the target year.
import { judgeValue } from './annual.js';
import { VERDICT, byRatio, fmt, gap, ratioText, withUnit, yearEnd } from './format.js';
import { latest, latestPerYear, valueFor } from './observations.js';
import type { Assessment, MultiYearTarget, Observation, StatusContext } from './types.js';

type Point = { year: number; value: number };

/** The baseline: stated on the target, the figure of `baselineYear`, or the earliest figure before the target year. */
export function baselineOf(t: MultiYearTarget, obs: readonly Observation[]): Point | undefined {
  if (t.baseline) return t.baseline;
  if (t.baselineYear !== undefined) return valueFor(obs, t.baselineYear);
  const first = [...latestPerYear(obs).values()][0];
  return first && first.year < t.year ? first : undefined;
}

/** Compound annual growth rate between two positive values (a share: 0.05 = 5%). */
export function cagr(from: number, to: number, years: number): number {
  return (to / from) ** (1 / years) - 1;
}

function rateWords(r: number, linear: boolean, unit: string): string {
  if (linear) return r >= 0 ? `年均增加 ${gap(r, unit, 2)}` : `年均减少 ${gap(r, unit, 2)}`;
  return r >= 0 ? `年均增长 ${fmt(r * 100, 2)}%` : `年均下降 ${fmt(-r * 100, 2)}%`;
}

export function assessMultiYear(t: MultiYearTarget, obs: readonly Observation[], ctx: StatusContext = {}): Assessment {
  if (t.annualRate) return assessRate(t, obs, ctx);
  const base = baselineOf(t, obs);
  const last = base && latest(obs, base.year);
  const asOf = last ? yearEnd(last.year) : ctx.asOf ?? yearEnd(t.year);
  if (!base || !last) {
    const why = base ? `仅有基期（${base.year}年 ${withUnit(base.value, t.unit)}），尚无其后实际数` : '无基期数据';
    return { status: 'no_data', method: 'cagr', asOf, reason: `${why}，无法判断${t.year}年目标进度` };
  }
  const comparator = t.comparator ?? (t.direction === 'higher' ? 'gte' : 'lte');
  const j = judgeValue(last.value, { comparator, value: t.value }, t.unit, t.direction, ctx);
  const head = `${last.year}年${last.estimate ? '预计数' : '实际'} ${withUnit(last.value, t.unit)}`;
  const goal = `${t.year}年目标 ${withUnit(t.value, t.unit)}`;
  const common = { method: 'cagr' as const, asOf, actual: last.value, estimate: last.estimate || undefined };
  if (j.met) {
    const status = last.estimate ? 'on_track' : 'achieved';
    return { ...common, status, expected: t.value, reason: `${head}，已达到${goal}，${last.estimate ? '预计已达到' : '已完成'}` };
  }
  if (last.year >= t.year) return { ...common, status: 'off_track', expected: t.value, reason: `${head}，目标年已到，未达到${goal}，${VERDICT.off_track}` };

  const linear = t.method === 'linear' || base.value <= 0 || last.value <= 0 || t.value <= 0;
  const n = last.year - base.year;
  const N = t.year - base.year;
  const observed = linear ? (last.value - base.value) / n : cagr(base.value, last.value, n);
  const required = linear ? (t.value - base.value) / N : cagr(base.value, t.value, N);
  const expected = linear ? base.value + required * n : base.value * (1 + required) ** n;
  const method = linear ? ('linear' as const) : ('cagr' as const);
  const from = `基期${base.year}年 ${withUnit(base.value, t.unit)}`;
  const good = t.direction === 'higher' ? 1 : -1;
  if (required * good <= 0) {
    const status = j.near ? 'at_risk' : 'off_track';
    const off = `差 ${gap(last.value - t.value, t.unit)}`;
    return { ...common, method, status, expected: t.value, reason: `${from}已达到${goal}，但${head}回到目标以外，${off}，${VERDICT[status]}` };
  }
  const ratio = observed / required;
  const status = byRatio(ratio, ctx);
  const fallback = linear && t.method !== 'linear' ? '（含非正值，按线性速度计算）' : '';
  return {
    ...common,
    method,
    status,
    ratio,
    expected,
    reason:
      `${from}，${head}，${rateWords(observed, linear, t.unit)}；实现${goal}需${rateWords(required, linear, t.unit)}，` +
      `实际与所需之比 ${ratioText(ratio)}${fallback}；按所需速度${last.year}年应达到 ${withUnit(expected, t.unit, 2)}，${VERDICT[status]}`,
  };
}

/** 年均增长6%: the observed average annual growth (from levels, or from yearly growth rates) against the rate. */
export function assessRate(t: MultiYearTarget, obs: readonly Observation[], ctx: StatusContext = {}): Assessment {
  const per = latestPerYear(obs);
  let avg: number | undefined; // in %
  let from = 0;
  let to = 0;
  let est = false;
  if (t.observed === 'growth') {
    const firstYear = t.baseline?.year ?? t.baselineYear ?? Math.min(...per.keys()) - 1;
    const rates = [...per.values()].filter((o) => o.year > firstYear && o.year <= t.year);
    if (rates.length) {
      avg = ((rates.reduce((p, o) => p * (1 + o.value / 100), 1) ** (1 / rates.length)) - 1) * 100;
      [from, to] = [rates[0].year, rates[rates.length - 1].year];
      est = rates.some((o) => o.estimate);
    }
  } else {
    const base = baselineOf(t, obs);
    const last = base && latest(obs, base.year, t.year);
    if (base && last) {
      if (base.value <= 0 || last.value <= 0) {
        return { status: 'not_assessable', method: 'rate', asOf: yearEnd(last.year), reason: `基期或最新值非正（${fmt(base.value)}、${fmt(last.value)}），无法计算年均增速` };
      }
      avg = cagr(base.value, last.value, last.year - base.year) * 100;
      [from, to, est] = [base.year, last.year, !!last.estimate];
    }
  }
  if (avg === undefined) {
    return { status: 'no_data', method: 'rate', asOf: ctx.asOf ?? yearEnd(t.year), reason: `尚无基期及其后的实际数，无法计算年均增速（目标年均 ${fmt(t.value)}%）` };
  }
  const need = t.value;
  const good = t.direction === 'higher' ? 1 : -1;
  const met = good > 0 ? avg >= need : avg <= need;
  const done = to >= t.year;
  const head = `${from === to ? to : `${from}—${to}`}年${est ? '（含预计数）' : ''}年均增长 ${fmt(avg, 2)}%，目标年均增长 ${fmt(need)}%`;
  const common = { method: 'rate' as const, asOf: yearEnd(to), actual: avg, expected: need, estimate: est || undefined };
  if (done) {
    const status = met ? (est ? 'on_track' : 'achieved') : 'off_track';
    return { ...common, status, reason: `${head}，规划期${met ? (est ? '预计可完成' : '已完成') : '结束，未完成'}` };
  }
  if (need * good > 0) {
    const ratio = avg / need;
    const status = byRatio(ratio, ctx);
    return { ...common, status, ratio, reason: `${head}，实际与目标之比 ${ratioText(ratio)}，${VERDICT[status]}` };
  }
  const tol = ctx.tolerance?.rate ?? 0.5;
  const status = met ? 'on_track' : Math.abs(avg - need) <= tol ? 'at_risk' : 'off_track';
  return { ...common, status, reason: `${head}，${met ? '在目标以内' : `差 ${gap(avg - need, '%', 2)}`}，${VERDICT[status]}` };
}

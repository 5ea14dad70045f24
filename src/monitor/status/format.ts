// Shared helpers: numbers and units in words, dates, thresholds.
import type { Comparator, StatusKind } from '../../model/records.js';
import type { StatusContext } from './types.js';

/** A number as printed: at most `digits` decimals (4; 2 for computed figures), no trailing zeros. */
export function fmt(n: number, digits = 4): string {
  const k = 10 ** digits;
  const r = Math.round(n * k) / k;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Units written after the number without a space. */
const TIGHT = new Set(['%', '‰', '']);

/** A value with its unit: "5.2%", "1129.7 万千瓦". */
export function withUnit(n: number, unit: string, digits = 4): string {
  return TIGHT.has(unit) ? `${fmt(n, digits)}${unit}` : `${fmt(n, digits)} ${unit}`;
}

/** Rates in % are compared in percentage points. */
export function isRate(unit: string): boolean {
  return unit === '%' || unit === '个百分点' || unit === '‰';
}

/** A difference between two values of `unit`: "0.3 个百分点", "12 万千瓦". */
export function gap(n: number, unit: string, digits = 4): string {
  const a = Math.abs(n);
  if (unit === '%' || unit === '个百分点') return `${fmt(a, digits)} 个百分点`;
  if (unit === '‰') return `${fmt(a, digits)} 个千分点`;
  return withUnit(a, unit, digits);
}

export const SYMBOL: Record<Comparator, string> = { eq: '=', approx: '≈', gte: '≥', gt: '>', lte: '≤', lt: '<' };

/** Days from ISO date a to ISO date b (b − a). */
export function days(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000);
}

export function yearEnd(year: number): string {
  return `${year}-12-31`;
}

/** Whether the year is over on the judgement date (unknown without a date: false). */
export function yearOver(year: number, ctx: StatusContext): boolean {
  return ctx.asOf !== undefined && ctx.asOf.slice(0, 10) > yearEnd(year);
}

/** on_track / at_risk / off_track by a ratio and the context's thresholds. */
export function byRatio(ratio: number, ctx: StatusContext): StatusKind {
  const on = ctx.thresholds?.onTrack ?? 0.95;
  const risk = ctx.thresholds?.atRisk ?? 0.6;
  return ratio >= on ? 'on_track' : ratio >= risk ? 'at_risk' : 'off_track';
}

export const VERDICT: Record<StatusKind, string> = {
  achieved: '已完成',
  on_track: '进度正常',
  at_risk: '有风险',
  off_track: '进度滞后',
  missed: '未完成',
  not_assessable: '无法评估',
  no_data: '暂无数据',
};

/** A ratio for the reason: 2 decimals. */
export function ratioText(r: number): string {
  return (Math.round(r * 100) / 100).toFixed(2);
}

/** A share as a percentage: "60%". */
export function pct(share: number): string {
  return `${fmt(share * 100, 1)}%`;
}

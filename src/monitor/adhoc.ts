// Indicators a document names that the registry does not know: a target fact ("算力标准机架4000架以上")
// is followed under its own metric name, as an indicator of its own, so that it is still shown, paired
// with the actuals that name the same metric in the same unit family, and judged. Pure.
import { vocab } from '../vocab/load.js';
import { familyOf, normName, type IndicatorDef } from './registry.js';

/** The category of such indicators in the store (the registry's own have theirs). */
export const ADHOC_CATEGORY = '文中指标';

const lowerWords = () => vocab<{ lower: string[] }>('metric-direction').lower;

/** The name a fact's metric goes by as an indicator: a growth rate is "X增长", a decline "X下降". */
export function adhocName(metric: string, measure: string, value: number): string {
  if (measure !== 'change' || /(?:增长|增速|增幅|下降|降低|减少|提高|上涨)$/.test(metric)) return metric;
  return `${metric}${value < 0 ? '下降' : '增长'}`;
}

export function adhocId(name: string, unit: string): string {
  return `m:${normName(name)}:${familyOf(unit)}`;
}

export function adhocIndicator(name: string, unit: string): IndicatorDef {
  const lower = lowerWords().some((w) => name.includes(w)) && !/(?:下降|降低|减少)$/.test(name);
  return { id: adhocId(name, unit), name, unit, unitFamily: familyOf(unit), direction: lower ? 'lower' : 'higher', synonyms: [], category: ADHOC_CATEGORY };
}

// The indicator registry (vocab/indicators.json): canonical indicators with synonyms, unit family,
// direction and attribute; and the automatic link from a fact's metric or a table row's name to one.
import { vocab } from '../vocab/load.js';
import { unitAt } from '../extract/units.js';

export interface IndicatorDef {
  id: string;
  name: string;
  unit: string;
  unitFamily: string;
  direction: 'higher' | 'lower';
  synonyms: string[];
  attribute?: '预期性' | '约束性';
  category?: string;
  cumulative?: boolean;
}

export interface Link {
  indicatorId: string;
  confidence: number;
}

const PUNCT = /[\s\u3000“”‘’"'《》（）()\[\]【】、，,。.;；:：·…—\-_/\\*]/g;
const REGION = /^(?:全市|全省|全州|全县|全区|我市|我省|我州|我县|全国|全年)+/;
export const normName = (s: string) => s.replace(PUNCT, '').replace(REGION, '').replace(/执业助理医师/g, '执业医师').replace(/比率$/, '比例');

let cache: { defs: IndicatorDef[]; names: Array<[string, IndicatorDef]> } | undefined;
export function indicators(): IndicatorDef[] {
  return load().defs;
}
function load() {
  if (!cache) {
    const defs = vocab<{ indicators: IndicatorDef[] }>('indicators').indicators;
    const names = defs.flatMap((d) => [d.name, ...d.synonyms].map((n) => [normName(n), d] as [string, IndicatorDef]));
    cache = { defs, names: names.sort((a, b) => b[0].length - a[0].length) };
  }
  return cache;
}

/** The unit family of a unit as written (亿元 → money, % → ratio, '' → ratio-plain). */
export function familyOf(unit: string): string {
  if (!unit) return 'ratio-plain';
  if (unit === '%') return 'ratio';
  if (unit === '万元/人') return 'money-per-person';
  const u = unitAt(unit, 0);
  return u && u.end === unit.length ? u.family : unit;
}

const compatible = (def: IndicatorDef, family: string) => family === '*' || def.unitFamily === family || (def.unitFamily === 'ratio-plain' && family === 'ratio-plain');

/**
 * Links a name to an indicator. A change (增长 5%) looks for the growth indicator of its metric.
 * Exact synonym: confidence 1; the name ends with a synonym (its head is the indicator: 全省生产总值):
 * 0.7 — but not an increment (新增…) of a stock indicator.
 */
export function linkName(name: string, opts: { unit: string; measure?: string }): Link | undefined {
  const { names } = load();
  const family = familyOf(opts.unit);
  const base = normName(name);
  const candidates = opts.measure === 'change' ? [`${base}增长率`, `${base}增长`, `${base}年均增长率`, base] : [base];
  for (const c of candidates) {
    const hit = names.find(([n, d]) => n === c && compatible(d, family));
    if (hit) return { indicatorId: hit[1].id, confidence: 1 };
  }
  for (const c of candidates) {
    const hit = names.find(([n, d]) => n.length >= 4 && c.endsWith(n) && !(/^(?:累计)?新增/.test(c) && !/^新增/.test(n)) && compatible(d, family));
    if (hit) return { indicatorId: hit[1].id, confidence: 0.7 };
  }
  return undefined;
}

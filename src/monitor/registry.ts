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

/** An indicator's name, synonyms and direction as edited in the application (table indicator_edits). */
export type IndicatorEdit = Pick<IndicatorDef, 'id' | 'name' | 'synonyms' | 'direction'>;
let edits: IndicatorEdit[] = [];

/** Applies the edits kept in the store over the vocabulary (registry-store.ts reads them). */
export function useEdits(list: IndicatorEdit[]): void {
  if (JSON.stringify(list) === JSON.stringify(edits)) return;
  edits = list;
  cache = undefined;
}

/** The registry as the vocabulary has it, before edits. */
export const vocabularyIndicators = (): IndicatorDef[] => vocab<{ indicators: IndicatorDef[] }>('indicators').indicators;

function load() {
  if (!cache) {
    const edited = new Map(edits.map((e) => [e.id, e]));
    const defs = vocabularyIndicators().map((d) => (edited.has(d.id) ? { ...d, ...edited.get(d.id)! } : d));
    const names = defs.flatMap((d) => [d.name, ...d.synonyms].map((n) => [normName(n), d] as [string, IndicatorDef]));
    cache = { defs, names: names.sort((a, b) => b[0].length - a[0].length) };
  }
  return cache;
}

/** The unit family of a unit as written (亿元 → money, % → ratio, '' → ratio-plain). */
export function familyOf(unit: string): string {
  if (!unit) return 'ratio-plain';
  if (unit === '%') return 'ratio';
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

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out.length ? out : [s];
}

/** Character-bigram overlap of two names (Dice), 0…1. */
function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = new Map<string, number>();
  for (const x of bigrams(b)) B.set(x, (B.get(x) ?? 0) + 1);
  let hit = 0;
  for (const x of A) {
    const n = B.get(x) ?? 0;
    if (n > 0) {
      hit++;
      B.set(x, n - 1);
    }
  }
  return (2 * hit) / (A.length + bigrams(b).length);
}

/** How well a text matches an indicator: 1 for a name that contains it (or it the name), else the best bigram overlap. */
function score(text: string, d: IndicatorDef): number {
  const q = normName(text);
  if (!q) return 0;
  if (d.id === text) return 2;
  let best = 0;
  for (const n of [d.name, ...d.synonyms].map(normName)) {
    if (n === q) return 1.5;
    if (n.includes(q) || (q.includes(n) && n.length >= 2)) best = Math.max(best, 1);
    else best = Math.max(best, similarity(q, n));
  }
  return best;
}

/** Indicators whose id, name or synonyms match a text, best first (`lantu indicators --search`). */
export function searchIndicators(text: string, min = 1): IndicatorDef[] {
  return indicators()
    .map((d) => ({ d, s: score(text, d) }))
    .filter((x) => x.s >= min)
    .sort((a, b) => b.s - a.s || a.d.id.localeCompare(b.d.id))
    .map((x) => x.d);
}

/** The indicators a misspelt or unknown name probably meant ("did you mean"), at most `n`. */
export function suggestIndicators(text: string, n = 3): IndicatorDef[] {
  return searchIndicators(text, 0.4).slice(0, n);
}


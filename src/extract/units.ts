// The unit catalogue (vocab/units.json): a unit as written is an optional size prefix and a base,
// or a rate of two (元/月, 元/人·月, 分/千瓦时, 吨/日). Every base names its family's canonical unit and
// how many of it one written unit is, so that figures of one family convert (1亿斤 = 5万吨).
import { vocab } from '../vocab/load.js';

interface Base {
  name: string;
  family: string;
  alias?: string;
  scale?: number;
  as?: string;
  prefixRequired?: boolean;
  perOnly?: boolean;
}
interface UnitsVocab {
  prefixes: Record<string, number>;
  bases: Base[];
  per: Record<string, string>;
}

export interface UnitMatch {
  text: string; // as written, e.g. 亿元, 万人次, %
  unit: string; // half-width simplified form, e.g. 亿元, 万人次, 万, 元/月
  end: number;
  family: string; // '*' for a bare 万/亿; a rate: money/月, money/people …
  base: string; // the family's canonical unit, e.g. 元, 吨, 亩, 元/月
  multiplier: number; // value × multiplier = value in base units
}

interface Catalogue {
  prefixes: Array<[string, number]>;
  bases: Base[];
  byFirst: Map<number, Base[]>; // bases by the code of their first character, longest first: read in one look-up
  prefixFirst: Set<number>; // the codes of the prefixes' first characters
  per: Array<[string, string]>;
}
let cache: Catalogue | undefined;
function load(): Catalogue {
  if (!cache) {
    const v = vocab<UnitsVocab>('units');
    const bases = [...v.bases].sort((a, b) => b.name.length - a.name.length);
    const byFirst = new Map<number, Base[]>();
    for (const b of bases) byFirst.set(b.name.charCodeAt(0), [...(byFirst.get(b.name.charCodeAt(0)) ?? []), b]);
    const prefixes = Object.entries(v.prefixes).sort((a, b) => b[0].length - a[0].length);
    cache = { prefixes, bases, byFirst, prefixFirst: new Set(prefixes.map(([p]) => p.charCodeAt(0))), per: Object.entries(v.per).sort((a, b) => b[0].length - a[0].length) };
  }
  return cache;
}

const BARE_PREFIXES = new Set(['万', '亿', '万亿']);
const SLASH = /[/／]/;

/** A prefix and a base at i (万千瓦, 吨, 兆瓦), without rates. */
function simpleAt(s: string, i: number, numerator: boolean): UnitMatch | undefined {
  const { prefixes, prefixFirst } = load();
  // by character code: this runs after every number
  if (prefixFirst.has(s.charCodeAt(i)))
    for (const [p, mult] of prefixes) {
      if (!s.startsWith(p, i)) continue;
      const m = baseAt(s, i, i + p.length, p, mult, numerator);
      if (m) return m;
    }
  return baseAt(s, i, i, '', 1, numerator);
}

const isLatin = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The base at `at` of a unit written from i with `prefix` (worth `mult`). */
function baseAt(s: string, i: number, at: number, prefix: string, mult: number, numerator: boolean): UnitMatch | undefined {
  for (const b of load().byFirst.get(s.charCodeAt(at)) ?? []) {
    if (!s.startsWith(b.name, at)) continue;
    if (b.prefixRequired && !prefix) continue;
    if (b.perOnly && !(numerator && SLASH.test(s[at + b.name.length] ?? ''))) continue;
    const end = at + b.name.length;
    // a unit written in Latin letters ends where the word ends: 10000P, not the P of PPP or P2P
    if (isLatin(s.charCodeAt(end - 1)) && (isLatin(s.charCodeAt(end)) || isDigit(s.charCodeAt(end)))) continue;
    return { text: s.slice(i, end), unit: prefix + (b.as ?? b.name), end, family: b.family, base: b.alias ?? b.name, multiplier: mult * (b.scale ?? 1) };
  }
  return undefined;
}

/** The denominator of a rate at i: a time or person word (月, 人·月, 日) or a unit (万元, 千瓦时, 亩). */
function denominatorAt(s: string, i: number): { text: string; base: string; family: string; multiplier: number; end: number } | undefined {
  for (const [w, canonical] of load().per) {
    if (s.startsWith(w, i)) return { text: w, base: canonical, family: canonical, multiplier: 1, end: i + w.length };
  }
  const u = simpleAt(s, i, false);
  if (!u) return undefined;
  return { text: u.unit, base: u.base, family: u.family, multiplier: u.multiplier, end: u.end };
}

const perOnly = (s: string, m: UnitMatch) => load().bases.some((b) => b.perOnly && s.startsWith(b.name, m.end - b.name.length));

/** The unit written at position i of s (spaces already removed), or undefined. */
export function unitAt(s: string, i: number): UnitMatch | undefined {
  const m = simpleAt(s, i, true);
  if (m) {
    if (!SLASH.test(s[m.end] ?? '')) return m;
    const d = denominatorAt(s, m.end + 1);
    if (!d) return perOnly(s, m) ? undefined : m; // 分 alone is no money
    return {
      text: s.slice(i, d.end),
      unit: `${m.unit}/${d.text}`,
      end: d.end,
      family: `${m.family}/${d.family}`,
      base: `${m.base}/${d.base}`,
      multiplier: m.multiplier / d.multiplier,
    };
  }
  if (s[i] !== '万' && s[i] !== '亿') return undefined;
  const bare = load().prefixes.find(([p]) => BARE_PREFIXES.has(p) && s.startsWith(p, i)); // longest first: 万亿 before 万
  if (bare) return { text: bare[0], unit: bare[0], end: i + bare[0].length, family: '*', base: '*', multiplier: bare[1] };
  return undefined;
}

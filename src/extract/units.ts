// The unit catalogue (vocab/units.json): a unit as written is an optional size prefix and a base.
import { vocab } from '../vocab/load.js';

interface Base {
  name: string;
  family: string;
  alias?: string;
  scale?: number;
  prefixRequired?: boolean;
}
interface UnitsVocab {
  prefixes: Record<string, number>;
  bases: Base[];
}

export interface UnitMatch {
  text: string; // as written, e.g. 亿元, 万人次, %
  unit: string; // half-width simplified form, e.g. 亿元, 万人次, 万
  end: number;
  family: string; // '*' for a bare 万/亿
  base: string; // canonical base unit
  multiplier: number; // value × multiplier = value in base units
}

let cache: { prefixes: Array<[string, number]>; bases: Base[] } | undefined;
function load() {
  if (!cache) {
    const v = vocab<UnitsVocab>('units');
    cache = {
      prefixes: Object.entries(v.prefixes).sort((a, b) => b[0].length - a[0].length),
      bases: [...v.bases].sort((a, b) => b.name.length - a.name.length),
    };
  }
  return cache;
}

const BARE_PREFIXES = new Set(['万', '亿', '万亿']);

/** The unit written at position i of s (spaces already removed), or undefined. */
export function unitAt(s: string, i: number): UnitMatch | undefined {
  const { prefixes, bases } = load();
  const tryBase = (at: number, prefix: string, mult: number): UnitMatch | undefined => {
    for (const b of bases) {
      if (!s.startsWith(b.name, at)) continue;
      if (b.prefixRequired && !prefix) continue;
      const canonical = b.alias ?? b.name;
      const unit = prefix + (b.name === '人（次）' ? '人次' : b.name === '％' ? '%' : b.name);
      return { text: s.slice(i, at + b.name.length), unit, end: at + b.name.length, family: b.family, base: canonical, multiplier: mult * (b.scale ?? 1) };
    }
    return undefined;
  };
  for (const [p, mult] of prefixes) {
    if (!s.startsWith(p, i)) continue;
    const m = tryBase(i + p.length, p, mult);
    if (m) return m;
  }
  const m = tryBase(i, '', 1);
  if (m) return m;
  const bare = prefixes.find(([p]) => BARE_PREFIXES.has(p) && s.startsWith(p, i)); // longest first: 万亿 before 万
  if (bare) return { text: bare[0], unit: bare[0], end: i + bare[0].length, family: '*', base: '*', multiplier: bare[1] };
  return undefined;
}

// Regions from the vocabulary (vocab/regions.json): names, aliases, levels, parents.
import type { DocLevel } from '../model/records.js';
import { vocab } from '../vocab/load.js';

export interface Region {
  name: string;
  aliases?: string[];
  level: DocLevel;
  parent?: string;
  fictional?: boolean;
}

let byName: Map<string, Region> | undefined;
let namesLongestFirst: string[] = [];

function load(): Map<string, Region> {
  if (!byName) {
    byName = new Map();
    for (const r of vocab<{ regions: Region[] }>('regions').regions) {
      for (const n of [r.name, ...(r.aliases ?? [])]) byName.set(n, r);
    }
    namesLongestFirst = [...byName.keys()].sort((a, b) => b.length - a.length);
  }
  return byName;
}

export function regionByName(name: string): Region | undefined {
  return load().get(name);
}

/** The first known region named at the start of a text (格尔木市人民政府 → 格尔木市). */
export function regionAtStart(text: string): Region | undefined {
  load();
  const n = namesLongestFirst.find((k) => text.startsWith(k) && k.length >= 2);
  return n ? byName!.get(n) : undefined;
}

/** The known region named most often in a text, preferring longer names. */
export function mostNamedRegion(text: string): Region | undefined {
  load();
  let best: Region | undefined;
  let bestCount = 0;
  for (const n of namesLongestFirst) {
    if (n.length < 3) continue;
    const r = byName!.get(n)!;
    if (r.level === 'national') continue;
    const count = text.split(n).length - 1;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}

/** Level from an unknown region's suffix: 省 / 州 / 县 … (a bare 市 stays unknown). */
export function levelFromSuffix(name: string): DocLevel | undefined {
  if (/(省|自治区)$/.test(name)) return 'province';
  if (/(州|盟|地区)$/.test(name)) return 'prefecture';
  if (/(县|旗|区)$/.test(name)) return 'county';
  return undefined;
}

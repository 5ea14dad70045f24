// What an evaluation report covers: the plan (found by id or by a piece of its title), its period
// (十五五 → 2026—2030, else the years in its title, else its last target year), the year judged and
// the judgement date of each kind of report (annual, midterm, final).
import type { Store } from '../store/db.js';

export type ReportType = 'annual' | 'midterm' | 'final';
export const REPORT_TYPES: readonly ReportType[] = ['annual', 'midterm', 'final'];

/** A report asked for what the store cannot give (no such plan, an ambiguous title, a year outside the plan). */
export class ReportError extends Error {}

export interface PlanInfo {
  id: string;
  title: string;
  file: string;
  region: string;
  kind: SubjectKind;
  start: number;
  end: number;
}

export interface Window {
  type: ReportType;
  /** The year judged: the annual report's year, the plan's middle year, its last year. */
  year: number;
  /** Years whose tasks, updates and documents the report takes in. */
  from: number;
  to: number;
  /** The judgement date (ISO): the day after the year judged, so that the year counts as over. */
  asOf: string;
}

const ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十五 → 15, 九 → 9, 十 → 10. */
function zhNumber(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (ZH[s[1]] ?? 0);
  return ZH[s] ?? NaN;
}

/** The plan period from its title: 第十五个五年规划 / 十五五 (from 六五, 1981—1985, on), 2021—2035年; else from its target years. */
export function planPeriod(title: string, targetYears: number[]): { start: number; end: number } | undefined {
  const fy = title.match(/第([一二三四五六七八九十]{1,2})个五年/) ?? title.match(/([一二三四五六七八九十]{1,2})五(?:规划|时期|期间|”|")/);
  if (fy) {
    const n = zhNumber(fy[1]);
    if (n >= 6) return { start: 1981 + 5 * (n - 6), end: 1985 + 5 * (n - 6) };
  }
  const span = title.match(/((?:19|20)\d\d)\s*[—–\-－~至]+\s*((?:19|20)\d\d)\s*年/);
  if (span) return { start: Number(span[1]), end: Number(span[2]) };
  if (!targetYears.length) return undefined;
  const end = Math.max(...targetYears);
  return { start: end - 4, end };
}

/** What a report can be written on: a plan (规划, 规划纲要) or a year's work report (政府工作报告). */
export type SubjectKind = 'plan' | 'work-report';

const PLAN_TYPE = /规划/;
const WORK_REPORT = '政府工作报告';

/** A name as people write it: quotes dropped, 国民经济和社会发展 dropped, 第十五个五年规划 → 十五五规划. */
export function commonName(s: string): string {
  return s
    .replace(/[“”"「」『』‘’\s]/g, '')
    .replace(/国民经济和社会发展/g, '')
    .replace(/第([一二三四五六七八九十]{1,2})个五年/g, '$1五');
}

type DocRow = { id: string; title: string; file: string; type: string | null; region: string | null; date: string | null };

/** Every name a document goes by: its title, with its region, with its region and year (格尔木市2025年政府工作报告). */
function namesOf(d: DocRow, year: number | undefined): string[] {
  const t = commonName(d.title);
  const r = d.region ?? '';
  return [t, `${r}${t}`, ...(year ? [`${r}${year}年${t}`, `${year}年${t}`, `${r}${year}${t}`] : [])];
}

const kindOf = (d: Pick<DocRow, 'type' | 'title'>): SubjectKind | undefined =>
  d.type === WORK_REPORT ? 'work-report' : PLAN_TYPE.test(d.type ?? '') || /规划(纲要)?$/.test(d.title) ? 'plan' : undefined;

/** The year of a work report: its date's, else the year most of its targets are set for. */
export function workReportYear(d: DocRow, years: number[]): number | undefined {
  if (d.date) return Number(d.date.slice(0, 4));
  if (!years.length) return undefined;
  const n = new Map<number, number>();
  for (const y of years) n.set(y, (n.get(y) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

/**
 * The plan or work report named by a document id, its title or a common name (十五五, 十五五规划纲要,
 * 格尔木市2025年政府工作报告). Plans and work reports come before other documents that mention them
 * (a 通知 that lists the 十五五 plans); a document of another kind is refused with why.
 */
export async function findPlan(store: Store, ref: string): Promise<PlanInfo> {
  const docs = await store.selectFrom('documents').select(['id', 'title', 'file', 'type', 'region', 'date']).orderBy('file').orderBy('seq').execute();
  const targetYears = new Map<string, number[]>();
  for (const t of await store.selectFrom('targets').select(['document_id', 'year']).execute()) if (t.document_id) targetYears.set(t.document_id, [...(targetYears.get(t.document_id) ?? []), t.year]);
  const yearOf = (d: DocRow) => (d.type === WORK_REPORT ? workReportYear(d, targetYears.get(d.id) ?? []) : undefined);
  const want = commonName(ref);
  let hits = docs.filter((d) => d.id === ref);
  if (!hits.length) hits = docs.filter((d) => namesOf(d, yearOf(d)).some((n) => n.includes(want)));
  if (hits.length > 1 || (hits.length === 1 && !kindOf(hits[0]))) {
    const subjects = hits.filter((d) => kindOf(d));
    if (subjects.length) hits = subjects;
  }
  if (hits.length > 1) {
    // one document whose whole name is the reference wins over those that only contain it
    const exact = hits.filter((d) => namesOf(d, yearOf(d)).includes(want));
    if (exact.length === 1) hits = exact;
  }
  const label = (d: DocRow) => `${d.id} ${d.region ?? ''}${yearOf(d) ? `${yearOf(d)}年` : ''}《${d.title}》`;
  if (!hits.length) throw new ReportError(`no document with the id or a title containing "${ref}" (see the documents in the store)`);
  if (hits.length > 1) throw new ReportError(`"${ref}" names ${hits.length} documents: ${hits.map(label).join('; ')}; give a document id or the region and year (格尔木市2025年政府工作报告)`);
  const d = hits[0];
  const kind = kindOf(d);
  if (!kind) throw new ReportError(`${label(d)} is a ${d.type ?? 'document'}, not a plan (规划) or a work report (政府工作报告): it sets no targets of its own to evaluate`);
  if (!d.region) throw new ReportError(`the document ${d.id} (${d.title}) has no region: cannot say whose targets and tasks it covers`);
  const years = targetYears.get(d.id) ?? [];
  if (kind === 'work-report') {
    const y = yearOf(d);
    if (y === undefined) throw new ReportError(`cannot tell the year of the work report ${d.id}: it has no date and sets no targets`);
    return { id: d.id, title: d.title, file: d.file, region: d.region, kind, start: y, end: y };
  }
  const period = planPeriod(d.title, years);
  if (!period) throw new ReportError(`cannot tell the period of "${d.title}": its title names none and it sets no targets`);
  return { id: d.id, title: d.title, file: d.file, region: d.region, kind, ...period };
}

/** The year judged and the years taken in by a report of a type; midterm and final default to the plan's middle and last year. */
export function reportWindow(type: ReportType, plan: PlanInfo, year?: number, asOf?: string): Window {
  if (plan.kind === 'work-report' && type !== 'annual')
    throw new ReportError(`a ${TYPE_NAME[type]} (${type}) evaluates a plan over its period; 《${plan.title}》 is a work report with targets for ${plan.end} only: ask for --type annual`);
  if (plan.kind === 'work-report' && year !== undefined && year !== plan.end) throw new ReportError(`the work report sets targets for ${plan.end}, not ${year}`);
  const mid = plan.start + Math.floor((plan.end - plan.start) / 2);
  const y = year ?? (type === 'midterm' ? mid : type === 'final' || plan.kind === 'work-report' ? plan.end : undefined);
  if (y === undefined || !Number.isInteger(y)) throw new ReportError('an annual report needs its year (--year 2025)');
  if (type !== 'annual' && (y < plan.start || y > plan.end)) throw new ReportError(`${y} is outside the plan period ${plan.start}—${plan.end}`);
  if (asOf !== undefined && !/^\d{4}-\d\d-\d\d$/.test(asOf)) throw new ReportError(`--as-of "${asOf}" is not a date (YYYY-MM-DD)`);
  const from = type === 'annual' ? y : plan.start;
  return { type, year: y, from: Math.min(from, y), to: y, asOf: asOf ?? `${y + 1}-01-01` };
}

export const TYPE_NAME: Record<ReportType, string> = { annual: '年度监测报告', midterm: '中期评估报告', final: '总结评估报告' };

export function reportTitle(plan: PlanInfo, w: Window): string {
  if (plan.kind === 'work-report') return `${plan.region}${w.year}年${plan.title}目标任务完成情况监测报告`;
  const what = plan.title.replace(/[（(].*?[)）]$/, '');
  return w.type === 'annual' ? `${what}实施情况${w.year}年度监测报告` : `${what}实施${TYPE_NAME[w.type]}`;
}

/** The year a period string (2025, 2025-Q2, 2025-06) refers to. */
export const periodYear = (p: string): number => Number(p.slice(0, 4));

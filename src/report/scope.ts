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

/** The plan named by a document id or by a piece of its title; plans (规划…) first when the title is ambiguous. */
export async function findPlan(store: Store, ref: string): Promise<PlanInfo> {
  const docs = await store.selectFrom('documents').select(['id', 'title', 'file', 'type', 'region']).orderBy('file').orderBy('seq').execute();
  let hits = docs.filter((d) => d.id === ref);
  if (!hits.length) hits = docs.filter((d) => d.title.includes(ref));
  if (hits.length > 1) {
    const plans = hits.filter((d) => /规划/.test(d.type ?? '') || /规划(纲要)?$/.test(d.title));
    if (plans.length) hits = plans;
  }
  if (!hits.length) throw new ReportError(`no document with the id or a title containing "${ref}" (see the documents in the store)`);
  if (hits.length > 1) throw new ReportError(`"${ref}" names ${hits.length} documents: ${hits.map((d) => `${d.id} ${d.title}`).join('; ')}; give a document id`);
  const d = hits[0];
  if (!d.region) throw new ReportError(`the document ${d.id} (${d.title}) has no region: cannot say whose targets and tasks it covers`);
  const years = (await store.selectFrom('targets').select('year').where('document_id', '=', d.id).execute()).map((t) => t.year);
  const period = planPeriod(d.title, years);
  if (!period) throw new ReportError(`cannot tell the period of "${d.title}": its title names none and it sets no targets`);
  return { id: d.id, title: d.title, file: d.file, region: d.region, ...period };
}

/** The year judged and the years taken in by a report of a type; midterm and final default to the plan's middle and last year. */
export function reportWindow(type: ReportType, plan: PlanInfo, year?: number, asOf?: string): Window {
  const mid = plan.start + Math.floor((plan.end - plan.start) / 2);
  const y = year ?? (type === 'midterm' ? mid : type === 'final' ? plan.end : undefined);
  if (y === undefined || !Number.isInteger(y)) throw new ReportError('an annual report needs its year (--year 2025)');
  if (type !== 'annual' && (y < plan.start || y > plan.end)) throw new ReportError(`${y} is outside the plan period ${plan.start}—${plan.end}`);
  if (asOf !== undefined && !/^\d{4}-\d\d-\d\d$/.test(asOf)) throw new ReportError(`--as-of "${asOf}" is not a date (YYYY-MM-DD)`);
  const from = type === 'annual' ? y : plan.start;
  return { type, year: y, from: Math.min(from, y), to: y, asOf: asOf ?? `${y + 1}-01-01` };
}

export const TYPE_NAME: Record<ReportType, string> = { annual: '年度监测报告', midterm: '中期评估报告', final: '总结评估报告' };

export function reportTitle(plan: PlanInfo, w: Window): string {
  const what = plan.title.replace(/[（(].*?[)）]$/, '');
  return w.type === 'annual' ? `${what}实施情况${w.year}年度监测报告` : `${what}实施${TYPE_NAME[w.type]}`;
}

/** The year a period string (2025, 2025-Q2, 2025-06) refers to. */
export const periodYear = (p: string): number => Number(p.slice(0, 4));

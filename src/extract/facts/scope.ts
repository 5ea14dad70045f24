// Scopes around numbers (notes/meaning.md): a cue before a colon governs the list after it ("今年…主要预期
// 目标是：A；B；C。"), time phrases name the year or the period a number speaks of ("过去一年", "五年来",
// "十四五期间"), and basis words say what it measures over time: a yearly value, a yearly average over a
// period (年均), a total over a period (累计, 五年…新增) or a change since a base year (比2020年). Pure.
import type { Basis, Measure, Modality } from '../../model/records.js';
import { vocab } from '../../vocab/load.js';
import { fiveYearPlan, type Place } from './context.js';

interface ScopeWords {
  targetColonCues: string[];
  reviewColonCues: string[];
  thisYear: string[];
  lastYear: string[];
  periodReview: string[];
  averageWords: string[];
  cumulativeWords: string[];
  sinceWords: string[];
  periodFlowWords: string[];
  periodRateWords: string[];
}

let cached: (ScopeWords & { since: RegExp[] }) | undefined;
const sw = () => (cached ??= (() => {
  const v = vocab<ScopeWords>('scopes');
  return { ...v, since: v.sinceWords.map((w) => new RegExp(w)) };
})());

/** A stretch of a block governed by a cue standing before a colon. */
export interface BlockScope {
  start: number; // offset in the block text, after the colon
  end: number; // at the 。 that closes the list
  modality?: Modality;
  year?: number;
  cue: string;
}

const CLAUSE_START = /[。；！？\n]/;
/** A time phrase at the start of a sentence: "过去一年，", "今年，". */
const SENTENCE_OPENER = /(?:^|[。！？])\s*(过去一年|一年来|去年|今年)[，,]/g;

/**
 * The scopes of a block, innermost last: a time phrase opening a sentence ("过去一年，我们…") governs the
 * rest of the paragraph; "今年…主要预期目标是：" opens a target scope for the year until 。 — also over the
 * next paragraph when the cue ends its own (`carried`, the scope that reaches the block's end).
 */
export function blockScopes(text: string, place: Place, carried?: BlockScope): BlockScope[] {
  const w = sw();
  const out: BlockScope[] = [];
  if (carried) {
    const end = text.indexOf('。');
    out.push({ ...carried, start: 0, end: end < 0 ? text.length : end });
  }
  if (place.kind === 'report' && place.docYear) {
    const openers = [...text.matchAll(SENTENCE_OPENER)].filter((m) => w.lastYear.includes(m[1]) || w.thisYear.includes(m[1]));
    openers.forEach((m, k) => {
      const last = w.lastYear.includes(m[1]);
      const end = openers[k + 1]?.index ?? text.length;
      out.unshift({ start: m.index!, end, modality: last ? 'actual' : undefined, year: place.docYear! - (last ? 1 : 0), cue: m[1] });
    });
  }
  for (let i = text.indexOf('：'); i >= 0; i = text.indexOf('：', i + 1)) {
    let s = i - 1;
    while (s >= 0 && !CLAUSE_START.test(text[s])) s--;
    const lead = text.slice(s + 1, i);
    const target = w.targetColonCues.find((c) => lead.includes(c));
    const review = !target && w.reviewColonCues.find((c) => lead.includes(c));
    if (!target && !review) continue;
    let end = text.indexOf('。', i);
    if (end < 0) end = text.length;
    out.push({ start: i + 1, end, modality: target ? 'target' : 'actual', year: yearOfLead(lead, place, !!target), cue: (target || review) as string });
  }
  return out;
}

function yearOfLead(lead: string, place: Place, ahead: boolean): number | undefined {
  const y = /(?:到)?(\d{4})年/.exec(lead);
  if (y) return Number(y[1]);
  if (place.kind !== 'report' || !place.docYear) return undefined;
  if (sw().thisYear.some((c) => lead.includes(c))) return place.docYear;
  if (sw().lastYear.some((c) => lead.includes(c))) return place.docYear - 1;
  return ahead ? place.docYear : undefined;
}

/** The year a time phrase before the number names in a report: 今年 → the report's year, 过去一年 → the year before. */
export function phraseYear(before: string, place: Place): number | undefined {
  if (place.kind !== 'report' || !place.docYear) return undefined;
  const w = sw();
  const last = (words: string[]) => Math.max(...words.map((c) => before.lastIndexOf(c)));
  const thisAt = last(w.thisYear);
  const lastAt = last(w.lastYear);
  if (thisAt < 0 && lastAt < 0) return undefined;
  return thisAt > lastAt ? place.docYear : place.docYear - 1;
}

const FIVE_YEARS = /(?<![个第])五年(?!规划|计划|行动|以上|以内)/;

/** The period a scope speaks of: a plan's review of the last plan, "五年来" in a report, "十四五期间". */
export function periodOf(before: string, modality: Modality, place: Place): [number, number] | undefined {
  const named = /“?(十[一二三四五六七八九]?五)”?(?:时期|期间|以来|规划期)/.exec(before);
  if (named) return fiveYearPlan(named[1]);
  if (modality === 'target' && place.aheadPlan) return place.aheadPlan;
  if (place.reviewedPeriod) return place.reviewedPeriod;
  if (modality === 'actual' && place.kind === 'report' && place.reviewedPlan) return place.reviewedPlan; // “十五”期间…主要情况
  if (place.docYear && place.kind === 'report' && (sw().periodReview.some((c) => before.includes(c)) || FIVE_YEARS.test(before))) return [place.docYear - 5, place.docYear - 1];
  if (place.kind === 'plan' && place.planYears) {
    if (modality === 'actual' || place.part === 'review') return place.reviewedPlan ?? [place.planYears[0] - 5, place.planYears[0] - 1];
  }
  return undefined;
}

export interface BasisInput {
  before: string; // the sentence up to the number
  clause: string; // the clause up to the number
  metric: string;
  measure: Measure;
  unit: string;
  modality: Modality;
  year?: number;
  place: Place;
}

/** Basis and period of a number (STATUS.md): `year` unless its words or its scope say otherwise. */
export function basisOf(x: BasisInput): { basis: Basis; period?: [number, number] } {
  const w = sw();
  for (const re of w.since) {
    const m = re.exec(x.clause);
    if (!m || !x.year) continue;
    const base = /^\d{4}$/.test(m[1]) ? Number(m[1]) : fiveYearPlan(m[1])?.[1];
    if (base && base < x.year) return { basis: 'since', period: [base, x.year] };
  }
  const period = periodOf(x.before, x.modality, x.place) ?? planAhead(x);
  const span = (p?: [number, number]): [number, number] | undefined => p ?? (x.year ? [x.year - 4, x.year] : undefined);
  if (w.averageWords.some((c) => x.clause.includes(c) || x.metric.includes(c))) return { basis: 'average', period: span(period) };
  // a total is over a period only where one is known (共计400万元 in a 方案 is one year's sum)
  if (period && (w.cumulativeWords.some((c) => x.clause.includes(c)) || (FIVE_YEARS.test(x.clause) && x.unit !== '%'))) return { basis: 'cumulative', period };
  // inside a period scope (a plan's review, 五年来): flows add up, rates held over the period are averages
  const scoped = periodOf(x.before, x.modality, x.place);
  const namesItsYear = x.year !== undefined && x.before.includes(`${x.year}年`);
  if (scoped && !namesItsYear && (x.modality === 'actual' || x.place.part === 'review')) {
    if (x.unit === '%' && w.periodRateWords.some((c) => x.clause.includes(c))) return { basis: 'average', period: scoped };
    if (x.unit !== '%' && x.measure === 'level' && w.periodFlowWords.some((c) => x.metric.includes(c) || x.clause.includes(c))) return { basis: 'cumulative', period: scoped };
    if (x.measure === 'change' && x.unit !== '个百分点' && !/比上年|同比/.test(x.clause)) return { basis: 'cumulative', period: scoped };
  }
  return { basis: 'year' };
}

/** A plan's target period: the plan's own years (十五五 → 2026–2030). */
function planAhead(x: BasisInput): [number, number] | undefined {
  return x.place.kind === 'plan' && x.modality === 'target' ? x.place.planYears : undefined;
}

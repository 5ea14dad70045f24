// Modality (actual / target) and year of a number, from its sentence and from the part of the
// document it stands in: a work report reviews last year and sets this year's targets; a plan reviews
// the last plan and sets goals; implementation plans set targets.
import type { DocumentRecord, Modality, ReportPart, Section } from '../../model/records.js';
import { vocab } from '../../vocab/load.js';
import { words } from './words.js';

export type DocKind = 'report' | 'plan' | 'scheme' | 'record';

export function docKind(d: DocumentRecord): DocKind {
  const v = vocab<{ reports: string[]; plans: string[] }>('doc-types');
  if (d.type && v.reports.includes(d.type)) return 'report';
  if (d.type && (v.plans.includes(d.type) || /规划/.test(d.title))) return 'plan';
  if (d.type && /大事记|批复|公报|报告/.test(d.type)) return 'record';
  return 'scheme';
}

/** 十一五 … 十九五; the tenth, 十五, only quoted or before 计划/时期/期间 (never 十五届). */
const FYP = /十([一二三四五六七八九])五|“十五”|十五(?=计划|时期|期间|规划)/;
const CN_DIGIT = '〇一二三四五六七八九';
/** First and last year of the Nth five-year plan (十四五 → 2021–2025). */
export function fiveYearPlan(text: string): [number, number] | undefined {
  const m = FYP.exec(text);
  if (!m) return undefined;
  const n = 10 + (m[1] ? CN_DIGIT.indexOf(m[1]) : 0);
  const start = 1966 + 5 * (n - 3);
  return [start, start + 4];
}

/** The sections enclosing a line, outermost first. */
export function enclosing(sections: Section[], line: number): Section[] {
  const out: Section[] = [];
  let level = sections;
  for (;;) {
    const s = level.find((x) => x.lines[0] <= line && line <= x.lines[1]);
    if (!s) return out;
    out.push(s);
    level = s.children;
  }
}

export interface Place {
  kind: DocKind;
  part?: ReportPart;
  docYear?: number;
  sectionYear?: number; // a year named in an enclosing heading (一、2024年工作回顾)
  planYears?: [number, number]; // the plan a document belongs to (十五五 → 2026–2030)
  reviewedPlan?: [number, number]; // the plan a review section looks back on (十四五)
  aheadPlan?: [number, number]; // the plan a report's targets or tasks section sets out (“十二五”时期的主要目标和任务)
  reviewedPeriod?: [number, number]; // the years a "过去五年" review section looks back on
  titleYear?: number; // the year a record names in its title (2024年国民经济和社会发展统计公报)
}

/** A work report's first section that looks ahead (targets or tasks) and the year it names. */
function aheadOf(d: DocumentRecord): { line: number; year?: number } | undefined {
  const top = d.sections.length === 1 && d.sections[0].kind === 'heading' ? d.sections[0].children : d.sections;
  const s = top.find((x) => x.part === 'tasks' || x.part === 'targets');
  if (!s) return undefined;
  const y = /(\d{4})年/.exec(s.title)?.[1];
  return { line: s.lines[0], year: y ? Number(y) : undefined };
}

/** What every line of a document shares: read once per document, not once per line. */
interface DocPlace {
  kind: DocKind;
  ahead?: { line: number; year?: number };
  docYear?: number;
  planYears?: [number, number];
  titleYear?: number;
}

interface Known {
  doc: DocPlace;
  byLine: Map<number, Place>;
  // lines in one innermost section share its chain of sections, and so their place (one before the
  // look-ahead part of a report, one after)
  bySection: Map<Section | undefined, [Place?, Place?]>;
}
const places = new WeakMap<DocumentRecord, Known>();

/** Where a line stands in its document (looked up once per line: every number and block asks). */
export function placeOf(d: DocumentRecord, line: number): Place {
  let known = places.get(d);
  if (!known) places.set(d, (known = { doc: docPlace(d), byLine: new Map(), bySection: new Map() }));
  let p = known.byLine.get(line);
  if (!p) {
    const chain = enclosing(d.sections, line);
    const early = !!known.doc.ahead && line < known.doc.ahead.line;
    let both = known.bySection.get(chain[chain.length - 1]);
    if (!both) known.bySection.set(chain[chain.length - 1], (both = [undefined, undefined]));
    p = both[early ? 1 : 0] ??= computePlace(known.doc, chain, early);
    known.byLine.set(line, p);
  }
  return p;
}

function docPlace(d: DocumentRecord): DocPlace {
  const kind = docKind(d);
  const ahead = kind === 'report' ? aheadOf(d) : undefined;
  return {
    kind,
    ahead,
    docYear: d.date ? Number(d.date.slice(0, 4)) : ahead?.year,
    planYears: kind === 'plan' ? planPeriod(d.title) : undefined,
    titleYear: /(\d{4})年/.exec(d.title) ? Number(/(\d{4})年/.exec(d.title)![1]) : undefined,
  };
}

/** The place of a line in the sections `chain` (outermost first); `early`: before a report's look-ahead part. */
function computePlace(doc: DocPlace, chain: Section[], early: boolean): Place {
  const { kind, docYear } = doc;
  let part = [...chain].reverse().find((s) => s.part)?.part;
  // a report whose opening was lost (a newspaper reprint): everything before its look-ahead part reviews
  if (!part && early) part = 'review';
  const titled = [...chain].reverse().map((s) => /(\d{4})年/.exec(s.title)?.[1]).find(Boolean);
  const reviewed = [...chain].reverse().map((s) => fiveYearPlan(s.title)).find(Boolean);
  const fiveYears = docYear && part === 'review' && chain.some((s) => /(?:过去|近)五年|五年来/.test(s.title));
  return {
    kind,
    part,
    docYear,
    reviewedPeriod: fiveYears ? [docYear - 5, docYear - 1] : undefined,
    sectionYear: titled ? Number(titled) : undefined,
    planYears: doc.planYears,
    reviewedPlan: reviewed,
    aheadPlan: kind === 'report' && (part === 'targets' || part === 'tasks') ? reviewed : undefined,
    titleYear: doc.titleYear,
  };
}

/** The period of the plan a title names: 第十五个五年规划 or 十五五 → 2026–2030. */
export function planPeriod(title: string): [number, number] | undefined {
  const m = /第十([一二三四五六七八九])个五年/.exec(title);
  return fiveYearPlan(m ? `十${m[1]}五` : title);
}

/** What a governing scope (a cue before a colon) says of the numbers inside it. */
export interface ScopeHint {
  modality?: Modality;
  year?: number;
}

/** "到2030年" looks ahead — unless the year is already past for the document ("增加到2007年13786元" in a 2008 review). */
function aheadYear(before: string, place: Place): boolean {
  const m = /到(\d{4}|[二〇][〇零一二三四五六七八九]{3})年/.exec(before);
  if (!m) return false;
  const y = /^\d{4}$/.test(m[1]) ? Number(m[1]) : undefined;
  return y === undefined || !place.docYear || y >= place.docYear;
}

export function modalityOf(sentence: string, before: string, clause: string, place: Place, scope?: ScopeHint, after = ''): Modality {
  const w = words();
  if (aheadYear(before, place) || /(?:力争|确保|预期目标|目标是)/.test(clause)) return 'target';
  // a target restated in a review: "没有实现年初确定的…降低4%左右的目标"
  if (/^[^，。；：]{0,40}?的(?:预期)?目标/.test(after)) return 'target';
  if (/预计/.test(before) && place.kind !== 'scheme') return 'actual';
  if (/截至(?:\d{4}年|目前|去年|今年)/.test(before)) return 'actual'; // 截至2022年，建成…
  // last year's figure quoted where this year's targets are explained: "去年居民消费价格涨幅回落到2.6%"
  if (place.kind === 'report' && /(?<![比较与])(?:去年|过去一年)/.test(clause)) return 'actual';
  if (scope?.modality) return scope.modality;
  // a 方案 states what exists ("摸排的213户", "现有") inside its tasks too
  if (place.kind === 'scheme' && w.actualCues.some((c) => before.includes(c))) return 'actual';
  switch (place.part) {
    case 'review':
      return 'actual';
    case 'targets':
    case 'tasks':
    case 'self':
      return 'target';
  }
  if (place.kind === 'record') return 'actual';
  if (place.kind === 'report') return w.targetCues.some((c) => clause.includes(c)) ? 'target' : 'actual';
  return 'target';
}

export function yearOf(before: string, modality: Modality, place: Place, scope?: ScopeHint, phrase?: number): number | undefined {
  const to = /到(\d{4})年/.exec(before);
  if (to) return Number(to[1]);
  // a time named before the number gives its year — unless another number stands between them
  // (由2020年的1.79缩小至1.62) or it is the base of a comparison (较“十三五”末增长31.3%)
  const mentions = [...before.matchAll(/(?:(\d{4})年|“?(十[一二三四五六七八九]五)”?(?:末|期末|期间))/g)];
  const last = mentions.pop();
  if (last && !/\d/.test(before.slice(last.index! + last[0].length)) && !/(?:较|比|同比|相比)$/.test(before.slice(0, last.index))) {
    if (last[1]) return Number(last[1]);
    const fyp = fiveYearPlan(last[2]);
    if (fyp) return fyp[1];
  }
  if (scope?.year) return scope.year;
  if (phrase) return phrase;
  if (place.aheadPlan && modality === 'target') return place.aheadPlan[1];
  if (place.kind === 'plan' && place.planYears) {
    if (modality === 'actual' || place.part === 'review') return place.reviewedPlan?.[1] ?? place.planYears[0] - 1;
    return place.planYears[1];
  }
  if (place.sectionYear) return place.sectionYear;
  if (place.kind === 'record' && place.titleYear) return place.titleYear;
  if (place.docYear) {
    if (place.kind === 'report' && modality === 'actual') return place.docYear - 1;
    return place.docYear;
  }
  return undefined;
}

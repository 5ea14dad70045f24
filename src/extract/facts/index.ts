// Quantitative facts (FACTS.md): every number that measures something, with its unit, what it
// measures, whether it is achieved or promised, its comparator and year — traced to its original line.
import type { Comparator, DocumentRecord, Fact } from '../../model/records.js';
import { spanOf, type Block, type LineIndex } from '../../repair/index.js';
import { modalityOf, placeOf, yearOf } from './context.js';
import { distribute, metricAfter, metricBefore, sameMetricOtherRegion } from './metric.js';
import { comparatorAfter, comparatorBefore, measureOf } from './reading.js';
import { scanSentence, type Hit } from './scan.js';

const SENTENCE = /[^。！？；\n]+[。！？；]?/g;
const CLAUSE_BREAK = /[，；：！？。]/;

export function extractFacts(record: DocumentRecord, blocks: Block[], index: LineIndex): Fact[] {
  const facts: Fact[] = [];
  for (const b of blocks) {
    if (b.row) continue; // table cells are read as tables
    for (const m of b.text.matchAll(SENTENCE)) {
      const offset = m.index!;
      facts.push(...sentenceFacts(m[0], offset, b, index, record));
    }
  }
  return facts;
}

export function sentenceFacts(s: string, offset: number, b: Block, index: LineIndex, record: DocumentRecord): Fact[] {
  const hits = scanSentence(s, offset === 0).sort((x, y) => x.start - y.start);
  const out: Fact[] = [];
  let prevEnd = 0;
  let prevMetric = '';
  let group: { subject: string; metrics?: string[]; k: number; measure: Fact['measure']; negative: boolean } | undefined;
  hits.forEach((h, n) => {
    const line = index.lineOf(b.mapped.map[offset + h.start]);
    const clauseStart = Math.max(prevEnd, lastBreak(s, h.start));
    const clause = s.slice(clauseStart, h.start);
    const before = s.slice(0, h.start);
    const after = s.slice(h.end);
    const joined = n > 0 && /^[和、及与]?$/.test(s.slice(prevEnd, h.start).replace(/^(?:左右|以上|以内)/, ''));
    const place = placeOf(record, line);
    let { measure, negative } = measureOf(clause || before.slice(-8), h.unit?.unit ?? '', h.rank);
    if (/(?:高于|低于|快于|慢于)/.test(clause) && h.unit?.unit === '个百分点') measure = 'level';
    // metric
    let metric = metricBefore(clause);
    if (/分别/.test(clause)) {
      const subject = metricBefore(clause.slice(0, clause.indexOf('分别')));
      const count = 1 + countFollowing(s, hits, n);
      group = { subject, metrics: distribute(subject, count), k: 0, measure, negative };
      metric = group.metrics?.[0] ?? subject;
    } else if (joined && group) {
      group.k++;
      metric = group.metrics?.[group.k] ?? group.subject;
      measure = group.measure;
      negative = group.negative;
    } else {
      group = undefined;
      // "实施…等40个生态修复项目": the clause only gives examples; the noun after the unit is the metric
      if (!metric || metric.length < 2 || /等$/.test(clause)) metric = sameMetricOtherRegion(clause, prevMetric) ?? (metricAfter(after) || metric);
    }
    if (!metric) metric = prevMetric || metricBefore(previousClause(s, clauseStart));
    const comparator = comparatorOf(clause, after, h);
    const modality = modalityOf(s, before, clause, place);
    const value = negative && h.value > 0 ? -h.value : h.value;
    const fact: Fact = {
      line,
      metric,
      value,
      unit: h.unit?.unit ?? '',
      measure,
      modality,
      comparator,
      quote: s.slice(Math.max(clauseStart, h.start - 12), Math.min(s.length, h.end + 4)),
      span: spanOf(b.mapped, offset + Math.max(clauseStart, h.start - 12), offset + Math.min(s.length, h.end + 4), index),
      normalized: { value: value * (h.unit?.multiplier ?? 1), unit: h.unit?.base ?? '' },
    };
    if (h.upper !== undefined) fact.upper = negative ? -h.upper : h.upper;
    const year = yearOf(before, modality, place);
    if (year) fact.year = year;
    out.push(fact);
    prevEnd = h.end;
    prevMetric = metric;
  });
  return out;
}

/** The clause before the one starting at `start` ("设立促消费专项资金，共计400万元" → 设立促消费专项资金). */
function previousClause(s: string, start: number): string {
  const end = Math.max(0, start - 1);
  return s.slice(lastBreak(s, end), end);
}

function lastBreak(s: string, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (CLAUSE_BREAK.test(s[j])) return j + 1;
  return 0;
}

/** How many hits after hit n continue a 分别 list ("4.3%和5.8%"). */
function countFollowing(s: string, hits: Hit[], n: number): number {
  let k = 0;
  for (let j = n + 1; j < hits.length; j++) {
    const gap = s.slice(hits[j - 1].end, hits[j].start).replace(/^(?:左右|以上|以内)/, '');
    if (!/^[和、及与，]?$/.test(gap)) break;
    k++;
  }
  return k;
}

function comparatorOf(clause: string, after: string, h: Hit): Comparator {
  if (h.more) return 'gt';
  return comparatorAfter(after) ?? comparatorBefore(clause.replace(/[了的]$/, '')) ?? 'eq';
}

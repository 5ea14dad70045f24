// Quantitative facts (FACTS.md): every number that measures something, with its unit, what it
// measures, whether it is achieved or promised, its comparator and year — traced to its original line.
import type { Comparator, DocumentRecord, Fact } from '../../model/records.js';
import { spanOf, type Block, type LineIndex } from '../../repair/index.js';
import { modalityOf, placeOf, yearOf } from './context.js';
import { distribute, metricAfter, metricBefore, opensWithAction, sameMetricOtherRegion } from './metric.js';
import { comparatorAfter, comparatorBefore, comparatorWordAfter, measureOf } from './reading.js';
import { scanSentence, type Hit } from './scan.js';
import { basisOf, blockScopes, phraseYear, type BlockScope } from './scope.js';

const SENTENCE = /[^。！？；\n]+[。！？；]?/g;
const CLAUSE_BREAK = /[，；：！？。]/;

export function extractFacts(record: DocumentRecord, blocks: Block[], index: LineIndex): Fact[] {
  const facts: Fact[] = [];
  let carried: BlockScope | undefined;
  for (const b of blocks) {
    if (b.row) continue; // table cells are read as tables
    const scopes = blockScopes(b.text, placeOf(record, b.line), carried);
    // a cue ending its paragraph ("今年…主要预期目标是：") governs the next one
    carried = scopes.find((x) => x.start >= b.text.trimEnd().length);
    for (const m of b.text.matchAll(SENTENCE)) {
      const offset = m.index!;
      facts.push(...sentenceFacts(m[0], offset, b, index, record, scopes));
    }
  }
  return facts;
}

export function sentenceFacts(s: string, offset: number, b: Block, index: LineIndex, record: DocumentRecord, scopes: BlockScope[] = []): Fact[] {
  const hits = scanSentence(s, offset === 0).sort((x, y) => x.start - y.start);
  const out: Fact[] = [];
  let prevEnd = 0;
  let prevMetric = '';
  let prevFromAfter = false;
  let group: { subject: string; metrics?: string[]; k: number; measure: Fact['measure']; negative: boolean; comparator?: Comparator } | undefined;
  hits.forEach((h, n) => {
    const line = index.lineOf(b.mapped.origin(offset + h.start));
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
    let fromAfter = false;
    if (/分别/.test(clause)) {
      const subject = metricBefore(clause.slice(0, clause.indexOf('分别')));
      const count = 1 + countFollowing(s, hits, n);
      // "分别控制在5%和3%以内": the comparator after the last item binds them all
      const comparator = comparatorAfter(s.slice(hits[n + count - 1].end));
      group = { subject, metrics: distribute(subject, count), k: 0, measure, negative, comparator };
      metric = group.metrics?.[0] ?? subject;
    } else if (joined && group) {
      group.k++;
      metric = group.metrics?.[group.k] ?? group.subject;
      measure = group.measure;
      negative = group.negative;
    } else {
      group = undefined;
      // "实施…等40个生态修复项目": the clause only gives examples; the noun after the unit is the metric;
      // "建成12所学校、30个社区食堂": the item after a number whose noun followed it is read the same way
      const parallel = prevFromAfter && clause.replace(/[、和及与，]+$/, '') === prevMetric;
      fromAfter = !metric || metric.length < 2 || /等$/.test(clause) || parallel;
      if (fromAfter) metric = sameMetricOtherRegion(clause, prevMetric) ?? (metricAfter(after) || (parallel ? '' : metric));
      // "统筹用好中央149.2亿元乡村振兴补助资金": a verb before, the noun right after the unit
      else if (opensWithAction(metric) && /^[\u4e00-\u9fa5]/.test(after) && !comparatorAfter(after)) {
        const noun = metricAfter(after);
        if (noun.length >= 2) [metric, fromAfter] = [noun, true];
      }
    }
    if (!metric) metric = prevMetric || metricBefore(previousClause(s, clauseStart));
    else if (prevMetric && /^占(?:全国|全省|全市|全州|全区|全球|世界)$/.test(metric)) metric = prevMetric + metric; // 棉花总产…、占全国92.2%
    let comparator = comparatorOf(clause, after, h);
    if (group?.comparator && comparator === 'eq' && !comparatorAfter(after)) comparator = group.comparator;
    const scope = [...scopes].reverse().find((x) => x.start <= offset + h.start && offset + h.start < x.end);
    const modality = modalityOf(s, before, clause, place, scope, after);
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
    const year = yearOf(before, modality, place, scope, phraseYear(before, place));
    if (year) fact.year = year;
    const { basis, period } = basisOf({ before, clause, metric, measure, unit: fact.unit, modality, year, place });
    if (basis !== 'year') {
      fact.basis = basis;
      if (period) fact.period = period;
    }
    out.push(fact);
    prevEnd = h.end + (comparatorWordAfter(after)?.length ?? 0); // 左右, 以上, 多 close the number's phrase
    if (!(fromAfter && h.unit?.unit === '年' && /连续$/.test(before))) prevMetric = metric; // a streak (连续12年稳定在…) lends no metric from after it
    prevFromAfter = fromAfter && metric !== '';
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

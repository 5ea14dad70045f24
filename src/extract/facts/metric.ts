// The metric: the shortest noun phrase that says what a number measures (FACTS.md), read from the
// clause before the number, else from the words after its unit; shared heads distributed over 分别 lists.
import { words } from './words.js';

const YEAR_WORDS = /(?:到|至|截至|截止)?(?:\d{4}|[二〇零一三四五六七八九]{4})年(?:底|末|初)?(?:前)?|(?:“?十[一二三四五六七八九]?五”?(?:时期|期间|期末|末)?)|(?:今后|未来|过去|近)[五十三]年(?:来|中)?|[五十三]年来|今年|去年|明年|全年|年内|当年|年末|年底|前[一二三]季度|[一二三四]季度|[上下]半年/g;
const REGIONS = /^(?:全市|全省|全州|全县|全区|全国|我市|我省|我州|我县|本市|全域)+/;

const wholeWordAt = (s: string, h: string) => words().notComparator.some((n) => n.startsWith(h) && n.length > h.length && s.startsWith(n));

/** Whether s is made only of verbs, adverbs and function words (开工建设, 强力推进, 建首批). */
function onlyActions(s: string): boolean {
  const { actionWords } = words();
  const ok: boolean[] = [true];
  for (let i = 1; i <= s.length; i++) {
    ok[i] = false;
    for (let k = 1; k <= Math.min(4, i) && !ok[i]; k++) ok[i] = ok[i - k] && actionWords.has(s.slice(i - k, i));
  }
  return ok[s.length];
}

function stripEdges(s: string): string {
  const w = words();
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(/^(?:其中|以上|以下|以内|左右|上下)/, '').replace(/^[和及与并且而其以，、：:”\s]+/, '').replace(/[，、：:\s]+$/, '');
    s = s.replace(/^(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])/, ''); // a list ordinal: "10.新增光伏装机"
    if (s.includes('由')) s = s.replace(/(.{2,})由[^由]{0,8}$/, '$1'); // the start of a change: "二氧化硫排放量由上年" → 二氧化硫排放量
    s = s.replace(REGIONS, '');
    const h = (w.stripHeadByFirst.get(s[0]) ?? []).find((x) => s.startsWith(x) && !w.keepHead.includes(x) && s.length > x.length + 1 && !wholeWordAt(s, x));
    if (h) s = s.slice(h.length);
    // one tail at a time, longest first (年均增长: 增长, then 年均 — never 均 alone); not the end of a
    // word that only looks like it (签约 is no 约, 节约 neither)
    const t = (w.stripTailByLast.get(s[s.length - 1]) ?? []).find((x) => s.endsWith(x) && s.length > x.length && !w.notComparator.some((n) => n.endsWith(x) && n.length > x.length && s.endsWith(n)));
    if (t) s = s.slice(0, -t.length);
    s = s.replace(/^“[^”]{5,}”(?=.)/, ''); // a long quoted name before the metric: “活力格尔木·券享新生活”惠民消费券
  }
  // nothing but a verb or a comparator left: the metric is elsewhere (before in the sentence, or after)
  if (s.length < 2 || w.notAlone.has(s) || onlyActions(s)) return '';
  return s;
}

/** Whether a metric read before a number opens with a verb (统筹用好中央 …): its noun may follow the unit. */
export function opensWithAction(metric: string): boolean {
  const { actionWords } = words();
  for (let k = 4; k >= 2; k--) if (metric.length > k && actionWords.has(metric.slice(0, k))) return true;
  return false;
}

const RANK_TAIL = /(?:首次|均|并|已)?(?:在?(?:全国|全省|全市|全州|全区|全球|世界))?(?:跃升至|上升至|上升到|提升至|提升到|位居|稳居|跃居|位列|居|列|排名)(?:全国|全省|全市|全州|全区|全球|世界|中部|西部)?(?:各城市)?第?$|(?:全国|全省|全市|全州|全区|全球|世界)第$/;

/** The metric named in the clause before a number ("完成地区生产总值" → 地区生产总值). */
export function metricBefore(clause: string): string {
  return stripEdges(clause.replace(YEAR_WORDS, '').replace(/[、，]$/, '').replace(RANK_TAIL, ''));
}

const AFTER_STOP = /[，。；：、（）()\d]|的|用于|拿到|全部|基本|实现|完成|达到|获得|被|已|得到|覆盖|参与|参加|入选/;

/** The noun after a number's unit ("362户居民拿到…" → 居民). */
export function metricAfter(after: string): string {
  const lead = /^(?:以上|以下|以内|左右|多)?的?/.exec(after)![0];
  const tail = after.slice(lead.length);
  const m = AFTER_STOP.exec(tail);
  const rest = (m ? tail.slice(0, m.index) : tail).slice(0, 16);
  if (/^(?:并|且|而|以|再|还|也|均|都)/.test(rest)) return ''; // "万亿斤以上并逐年增加": a new predicate, no noun
  const m2 = stripEdges(rest);
  return words().notMetric.includes(m2) ? '' : m2;
}

/** Distributes a shared head over a 分别 list: "新能源、一般性工业投资" → [新能源投资, 一般性工业投资]. */
export function distribute(subject: string, count: number): string[] | undefined {
  for (const [k, parts] of Object.entries(words().split)) {
    const at = subject.indexOf(k);
    if (at >= 0 && parts.length === count) return parts.map((p) => subject.slice(0, at) + p + subject.slice(at + k.length));
  }
  const items = subject.split(/[、和及与]/).filter(Boolean);
  if (items.length !== count) return undefined;
  const last = items[items.length - 1];
  const head = words().heads.find((h) => last.endsWith(h) && last.length > h.length);
  if (!head) return items;
  return items.map((x) => (x.endsWith(head) ? x : x + head));
}

const REGION_WORD = /全国|全省|全州|全市|全县|全区/;

/** "占全州38%、全省18%": a clause that names only another region takes the previous metric with that region. */
export function sameMetricOtherRegion(clause: string, previous: string): string | undefined {
  const r = /^[、，和及与]*(全国|全省|全州|全市|全县|全区)$/.exec(clause);
  return r && REGION_WORD.test(previous) ? previous.replace(REGION_WORD, r[1]) : undefined;
}

// Deadlines as printed in task texts, resolved against the document's date: absolute dates (2025年12月25日前),
// month, quarter and year ends (6月底前 → last day of June of the document's year), phases and ranges (2025年3月至
// 11月 → the end), recurring duties (每月20日前 → rule "monthly:20") and long-term ones (长期坚持: text only).
import type { Deadline } from '../model/records.js';

export interface DeadlineContext {
  date?: string; // the document's ISO date
}

const CN: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 12, 十二, 二十五 → number. */
export function numeral(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const [a, b] = s.split('十');
  if (b === undefined) return CN[a] ?? NaN;
  return (a ? CN[a] : 1) * 10 + (b ? CN[b] : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(Math.min(d, lastDay(y, m)))}`;
const docYear = (ctx: DeadlineContext) => (ctx.date ? Number(ctx.date.slice(0, 4)) : undefined);

const N = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const Y = '(?:(\\d{4})年)';
const BEFORE = '(?:前|之前|以前)?';

type Rule = [RegExp, (m: RegExpExecArray, ctx: DeadlineContext) => Omit<Deadline, 'text'> | undefined];
const RULES: Rule[] = [
  // recurring
  [new RegExp(`每月(?:(${N})日|底|末)${BEFORE}`), (m) => ({ rule: `monthly:${m[1] ? numeral(m[1]) : 'end'}` })],
  [new RegExp(`每(?:个)?季度(?:末|结束后)?(?:(${N})日)?${BEFORE}`), (m) => ({ rule: m[1] ? `quarterly:${numeral(m[1])}` : 'quarterly' })],
  [new RegExp(`每年(${N})月(?:(${N})日|底|末)${BEFORE}`), (m) => {
    const mo = numeral(m[1]);
    return { rule: `yearly:${pad(mo)}-${pad(m[2] ? numeral(m[2]) : lastDay(2001, mo))}` };
  }],
  [/每半年|半年一(?:调度|报|通报|总结)/, () => ({ rule: 'semiannual' })],
  [/每周|一周一(?:调度|报|通报)/, () => ({ rule: 'weekly' })],
  [/一月一(?:调度|报|通报|研判|总结|会商)|每月/, () => ({ rule: 'monthly' })],
  [/一季(?:度)?一(?:调度|报|通报|研判|总结|会商)/, () => ({ rule: 'quarterly' })],
  [/一年一(?:调度|报|通报|评估|总结|考核)|每年/, () => ({ rule: 'yearly' })],
  // ranges: the end counts
  [new RegExp(`${Y}?(${N})月(?:(${N})日?)?(?:至|到|—|－|-|～|~)${Y}?(?:(${N})月)?(?:(${N})日|底|末)?`), (m, ctx) => {
    const y = Number(m[4] ?? m[1]) || docYear(ctx);
    const mo = m[5] ? numeral(m[5]) : undefined;
    if (!y || (!mo && !m[6])) return undefined;
    const month = mo ?? numeral(m[2]);
    return { date: iso(y, month, m[6] ? numeral(m[6]) : lastDay(y, month)) };
  }],
  // absolute dates and month ends
  [new RegExp(`${Y}(${N})月(${N})日${BEFORE}`), (m) => ({ date: iso(Number(m[1]), numeral(m[2]), numeral(m[3])) })],
  [new RegExp(`(?<![\\d年])(${N})月(${N})日(?:前|之前|以前)`), (m, ctx) => within(ctx, numeral(m[1]), numeral(m[2]))],
  [new RegExp(`${Y}(${N})月(?:底|末|份)?${BEFORE}`), (m) => ({ date: iso(Number(m[1]), numeral(m[2]), 31) })],
  [new RegExp(`(?<![\\d年])(${N})月(?:底|末)${BEFORE}`), (m, ctx) => within(ctx, numeral(m[1]), 31)],
  // quarters, half years, year ends
  [new RegExp(`${Y}?(?:第)?([一二三四1-4])季度(?:末|底)?${BEFORE}`), (m, ctx) => {
    const y = Number(m[1]) || docYear(ctx);
    return y ? { date: iso(y, numeral(m[2]) * 3, 31) } : {};
  }],
  [new RegExp(`${Y}?(上半年|年中|下半年)(?:末|底)?${BEFORE}`), (m, ctx) => {
    const y = Number(m[1]) || docYear(ctx);
    return y ? { date: iso(y, m[2] === '下半年' ? 12 : 6, 31) } : {};
  }],
  [new RegExp(`(?:到|至)?${Y}(?:年)?(?:底|末|内)?${BEFORE}`), (m) => ({ date: `${m[1]}-12-31` })],
  [/(?:今年|年)(?:底|末)(?:前|之前)?|年内/, (_m, ctx) => (docYear(ctx) ? { date: `${docYear(ctx)}-12-31` } : {})],
  // relative to the document's date
  [new RegExp(`(${N}|半)个?(年|月|季度|周|日|天|工作日)(?:以)?内`), (m, ctx) => relative(ctx, m[1], m[2])],
  // long-term
  [/长期坚持|长期推进|长期开展|长期实施|长期执行|长期有效|常态化推进|持续推进|持续开展|持续实施/, () => ({})],
];

/** A date without a year: the document's year (the next one when the date lies well before the document). */
function within(ctx: DeadlineContext, month: number, day: number): Omit<Deadline, 'text'> {
  const y = docYear(ctx);
  if (!y || !ctx.date) return {};
  let date = iso(y, month, day);
  if (Date.parse(date) < Date.parse(ctx.date) - 90 * 864e5) date = iso(y + 1, month, day);
  return { date };
}

function relative(ctx: DeadlineContext, n: string, unit: string): Omit<Deadline, 'text'> {
  if (!ctx.date) return {};
  const k = n === '半' ? 0.5 : numeral(n);
  const d = new Date(`${ctx.date}T00:00:00Z`);
  if (unit === '年') d.setUTCMonth(d.getUTCMonth() + Math.round(k * 12));
  else if (unit === '月' || unit === '季度') d.setUTCMonth(d.getUTCMonth() + k * (unit === '月' ? 1 : 3));
  else d.setUTCDate(d.getUTCDate() + k * (unit === '周' ? 7 : 1));
  return { date: d.toISOString().slice(0, 10) };
}

// the rules as global expressions, compiled once (not once per rule and text)
const GLOBAL_RULES: Rule[] = RULES.map(([re, fn]) => [new RegExp(re.source, 'g'), fn]);

/** Every deadline written in a text, in order, none overlapping (the earliest, then longest, wins). */
export function findDeadlines(text: string, ctx: DeadlineContext): Deadline[] {
  const hits: Array<{ at: number; end: number; d: Deadline }> = [];
  for (const [g, fn] of GLOBAL_RULES) {
    g.lastIndex = 0;
    for (let m = g.exec(text); m; m = g.exec(text)) {
      const r = fn(m, ctx);
      if (r) hits.push({ at: m.index, end: m.index + m[0].length, d: { text: m[0], ...r } });
      if (!m[0].length) g.lastIndex++;
    }
  }
  hits.sort((a, b) => a.at - b.at || b.end - a.end);
  const out: Deadline[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.at < end) continue;
    out.push(h.d);
    end = h.end;
  }
  return out;
}

/** The first deadline written in `text`. */
export function parseDeadline(text: string, ctx: DeadlineContext): Deadline | undefined {
  return findDeadlines(text.replace(/\s+/g, ''), ctx)[0];
}

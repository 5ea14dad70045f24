// Finding the numbers of a sentence that are facts, with their units, ranges and approximations.
// What is not a fact: years and dates, document numbers, list ordinals, 第N ordinals, numbers inside
// short quoted names and slogans, numbers glued to Latin letters (5G, G109, 4A级), numerals without units.
import { numberAt, parseChineseNumber, CN_NUMERAL, type NumberToken } from '../numbers.js';
import { unitAt, type UnitMatch } from '../units.js';
import { words } from './words.js';
import { insideName } from './names.js';
import { isRankCount, rankWords } from './rank.js';

export interface Hit {
  start: number; // of the number
  end: number; // after the unit and any 余/多
  value: number;
  upper?: number;
  unit: UnitMatch | undefined;
  more: boolean; // 余 / 多
  rank: boolean;
}

const RANGE = /^[－—–~～\-至到]/;
const LONE_PREFIX = /(?:[近约逾超破]|跨过|跨越|越过|迈上|迈过|站上|登上|稳定在|保持在|达到)$/;
const isLetter = (c: string | undefined) => !!c && /[A-Za-z]/.test(c);
// numerals by character code in a table: this test runs on every character of every sentence, where
// a Set's look-up or a regular expression costs several times more
const NUMERAL = new Uint8Array(65536);
for (const c of '0123456789.' + CN_NUMERAL) NUMERAL[c.charCodeAt(0)] = 1;

/** Unit after a number, allowing 余/多 between the number and the unit or inside it (1.1万余亩). */
function unitAfter(s: string, at: number): { unit?: UnitMatch; end: number; more: boolean } {
  let more = false;
  if (words().more.includes(s[at]) && unitAt(s, at + 1)) {
    more = true;
    at++;
  }
  let u = unitAt(s, at);
  if (u && words().unitWordBreaks.some((w) => s.startsWith(w, at))) u = undefined; // 五部委, 五位一体
  if (u && u.family === '*' && words().more.includes(s[u.end])) {
    const b = unitAt(s, u.end + 1);
    if (b && b.family !== '*') {
      more = true;
      u = { ...b, text: s.slice(at, b.end), unit: u.unit + b.unit, multiplier: u.multiplier * b.multiplier };
    }
  }
  return { unit: u, end: u ? u.end : at, more };
}

/** A Chinese numeral run is split where a unit can follow: 千万千瓦 → 千 + 万千瓦, 三千万元 → 三 + 千万元. */
function chineseWithUnit(s: string, tok: NumberToken): { tok: NumberToken; unit: ReturnType<typeof unitAfter> } | undefined {
  // a lone 万 or 亿 is a number only after an approximation or a threshold crossed: 近万亩, 跨过万亿元大关
  // (otherwise 亿元以上项目, 每万人口); it is then one of its unit: 万亿元 = 1 万亿元
  if (/^[万亿]+$/.test(tok.raw)) {
    if (!LONE_PREFIX.test(s.slice(Math.max(0, tok.start - 4), tok.start))) return undefined;
    const u = unitAfter(s, tok.start);
    if (!u.unit || u.unit.family === '*') return undefined;
    return { tok: { start: tok.start, end: tok.start, value: 1, raw: '', chinese: true }, unit: u };
  }
  for (let k = tok.raw.length; k >= 1; k--) {
    const raw = tok.raw.slice(0, k);
    if (k > 1 && /[万亿]$/.test(raw)) continue; // a trailing 万/亿 belongs to the unit: 千 + 万千瓦
    const u = unitAfter(s, tok.start + k);
    if (!u.unit || u.unit.family === '*') continue;
    const value = parseChineseNumber(raw);
    if (value !== undefined) return { tok: { start: tok.start, end: tok.start + k, value, raw, chinese: true }, unit: u };
  }
  return undefined;
}

function insideShortQuote(s: string, i: number): boolean {
  const open = s.lastIndexOf('“', i);
  if (open < 0) return false;
  const close = s.indexOf('”', open);
  return close > i && close - open <= 12 && s.lastIndexOf('”', i) < open;
}

function isYearOrDate(s: string, t: NumberToken, end: number): boolean {
  const next = s[end];
  if (next === '年' && ((t.value >= 1900 && t.value <= 2100 && Number.isInteger(t.value)) || /^[二〇零一三四五六七八九]{4}$/.test(t.raw))) return true;
  if (next === '月' || next === '日' || next === '时' || next === '·' || next === ':' || next === '：' && /\d/.test(s[end + 1] ?? '')) return true;
  if (/^\d{4}$/.test(t.raw) && t.value >= 1900 && t.value <= 2100 && /^[－—–~～\-至到]\d{2,4}年/.test(s.slice(end))) return true;
  if (s[t.start - 1] === '月' && next === '日') return true;
  return false;
}

export function scanSentence(s: string, blockStart: boolean): Hit[] {
  const hits: Hit[] = [];
  // the loop runs over every character: its index stays out of any closure (a captured index is
  // kept in a heap context, and every step of the loop pays for it)
  for (let i = 0; i < s.length; i++) {
    if (NUMERAL[s.charCodeAt(i)] === 0 || (i > 0 && NUMERAL[s.charCodeAt(i - 1)] === 1)) continue;
    i = readNumber(s, i, blockStart, hits);
  }
  const taken = (at: number) => hits.some((h) => h.start <= at && at < h.end);
  return hits.concat(rankWords(s, taken).map((r) => ({ ...r, more: false, rank: true })));
}

/**
 * Reads the number starting at i (a numeral not right after another), adding it to `hits` when it is
 * a fact; returns the index the scan goes on from (the loop steps past it).
 */
function readNumber(s: string, i: number, blockStart: boolean, hits: Hit[]): number {
  let tok = numberAt(s, i);
  if (!tok) return i;
  let u = unitAfter(s, tok.end);
  if (tok.chinese) {
    const split = chineseWithUnit(s, tok);
    if (!split || (split.tok.value <= 1 && split.tok.raw !== '')) return tok.end - 1;
    tok = split.tok;
    u = split.unit;
    if (u.unit && words().chineseOrdinalUnits.includes(u.unit.unit)) return tok.end - 1; // 六期, 五年
  }
  const skip = () => Math.max(i, tok!.end - 1);
  const prev = s[i - 1];
  const next = s[tok.end];
  if (isLetter(prev) || (isLetter(next) && !u.unit)) return skip();
  if (isYearOrDate(s, tok, tok.end)) return skip();
  if (prev === '〔' || prev === '[' || (next === '号' && s.lastIndexOf('〕', i) === i - 1)) return skip();
  if (next === '×' || next === '*' && /\d/.test(s[tok.end + 1] ?? '') || next === '+' || prev === '+') return skip();
  if (blockStart && i <= 1 && /^[.．、)）]/.test(s.slice(tok.end)) && !/^\.\d/.test(s.slice(tok.end))) return skip();
  if (prev === '（' && /^[)）]/.test(s.slice(u.unit ? u.end : tok.end))) return skip(); // 产业发展类（7项）
  if (prev === '至' && /第[^，。；]{0,6}至$/.test(s.slice(Math.max(0, i - 8), i))) return skip(); // 第一至四项
  if (insideShortQuote(s, i)) return skip();
  let rank = isRankCount(s.slice(Math.max(0, i - 8), i), u.unit?.unit);
  if (prev === '第') {
    if (u.unit && (u.unit.unit === '位' || u.unit.unit === '名')) rank = true;
    else return skip();
  }
  let end = u.unit ? u.end : tok.end;
  let upper: number | undefined;
  const r = RANGE.exec(s.slice(end));
  if (r) {
    const t2 = numberAt(s, end + r[0].length);
    if (t2 && !t2.chinese && !isYearOrDate(s, t2, t2.end)) {
      const u2 = unitAfter(s, t2.end);
      if (!u.unit || !u2.unit || u2.unit.unit === u.unit.unit) {
        upper = t2.value;
        if (!u.unit && u2.unit) u = u2;
        end = u2.unit ? u2.end : t2.end;
      }
    }
  }
  if (!u.unit) {
    // a number without a unit is a fact only as a ratio or index: a decimal standing alone (1.62),
    // or a zero stated as a value (死亡率为0)
    const decimal = /\./.test(tok.raw) || (tok.raw === '0' && /(?:为|是|保持|实现|降至|降为|降到|下降到|下降为)$/.test(s.slice(0, i)) && !/[\u4e00-\u9fa5]/.test(next ?? ''));
    if (!decimal || /[\u4e00-\u9fa5]/.test(next ?? '') && !/^(?:缩小|扩大|下降|提高|左右|以上|以内)/.test(s.slice(tok.end))) return skip();
  }
  if (insideName(s, tok, u.unit, end, u.more)) return skip();
  if (u.unit && /^(周年|届|次会议|次全会|级|号)/.test(s.slice(tok.end))) return skip();
  if (u.unit && words().listCountNouns.some((n) => s.startsWith(n, u.end))) return skip(); // 十个方面
  hits.push({ start: i, end, value: tok.value, upper, unit: u.unit, more: u.more, rank });
  return end - 1;
}

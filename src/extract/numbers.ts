// Numbers in Chinese text: Arabic (1,234.5), Chinese numerals (两, 十二, 三千, 二〇三五), mixed (1.6万).

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CN_NUMERAL = '零〇一二两三四五六七八九十百千万亿';

/** 三千 → 3000, 十二 → 12, 两 → 2, 一千二百三十四 → 1234, 二〇三五 → 2035 (digit by digit). */
export function parseChineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  if (/^[零〇一二三四五六七八九]{2,}$/.test(s)) return Number([...s].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let num = 0;
  let seen = false;
  for (const c of s) {
    if (c in DIGIT) {
      num = DIGIT[c];
      seen = true;
    } else if (c in SMALL) {
      section += (seen || num ? num : 1) * SMALL[c];
      num = 0;
      seen = false;
    } else if (c in BIG) {
      section = (section + num) || 1;
      total = c === '亿' ? (total + section) * BIG[c] : total + section * BIG[c];
      section = 0;
      num = 0;
      seen = false;
    } else return undefined;
  }
  return total + section + num;
}

export interface NumberToken {
  start: number;
  end: number; // exclusive
  value: number;
  raw: string;
  chinese: boolean;
}

const ARABIC = /\d+(?:,\d{3})*(?:\.\d+)?/y;
const CHINESE = new RegExp(`[${CN_NUMERAL}]+`, 'y');

/** The number starting at i, if any. Chinese numerals stop before a trailing 万/亿 (a unit prefix). */
export function numberAt(s: string, i: number): NumberToken | undefined {
  ARABIC.lastIndex = i;
  const a = ARABIC.exec(s);
  if (a) return { start: i, end: i + a[0].length, value: Number(a[0].replace(/,/g, '')), raw: a[0], chinese: false };
  CHINESE.lastIndex = i;
  const c = CHINESE.exec(s);
  if (!c) return undefined;
  let raw = c[0];
  // a trailing 万 or 亿 belongs to the unit (三千万元 = 3000 万元); "千万千瓦" = 千 + 万千瓦
  while (raw.length > 1 && /[万亿]$/.test(raw)) raw = raw.slice(0, -1);
  const value = parseChineseNumber(raw);
  if (value === undefined) return undefined;
  return { start: i, end: i + raw.length, value, raw, chinese: true };
}

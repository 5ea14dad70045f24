// Ranks in any wording: 居全省首位, 全省第一, 位列全国第二, 排名提升到第8, 全国排名53位. "居全国前列" names no
// position and "第一梯队" no rank; a rank moved by some places (上升3位) is a change, read elsewhere.
import { parseChineseNumber } from '../numbers.js';
import type { UnitMatch } from '../units.js';

/** Words that announce a ranking, up to ten characters before the position. */
const CUE = '(?:居|位居|稳居|跃居|位列|排名|排位|位次|排|列|升至|跃升至|上升至|上升到|提升到|提升至|前移至|全国|全省|全州|全市|全区|西部|中部|县区|世界|全球)';
const RANK_PHRASE = new RegExp(`${CUE}[^，。；]{0,10}?(首位|榜首|第([一二三四五六七八九十]{1,3}|\\d{1,3})(?=[，。；、）)]|$|位|名))`, 'g');

export interface RankHit {
  start: number;
  end: number;
  value: number;
  unit: UnitMatch;
}

const rankUnit = (text: string, end: number): UnitMatch => ({ text, unit: '位', end, family: 'count', base: '位', multiplier: 1 });

/** Positions named by words (首位, 榜首, 第二, 第13 with no 位 after it). */
export function rankWords(s: string, taken: (start: number) => boolean): RankHit[] {
  const out: RankHit[] = [];
  if (!s.includes('第') && !s.includes('首位') && !s.includes('榜首')) return out; // most sentences: no ranking
  for (const m of s.matchAll(RANK_PHRASE)) {
    const start = m.index! + m[0].length - m[1].length;
    const numeral = m[2];
    const value = numeral === undefined ? 1 : /\d/.test(numeral) ? Number(numeral) : parseChineseNumber(numeral);
    if (!value) continue;
    const at = numeral === undefined ? start : start + 1; // the number itself, after 第
    if (taken(at) || taken(start)) continue;
    const end = start + m[1].length + (/^[位名]/.test(s.slice(start + m[1].length)) ? 1 : 0);
    out.push({ start: at, end, value, unit: rankUnit(m[1], end) });
  }
  return out;
}

/** A count of places (53位) that follows a ranking word is a position: 全国排名53位. */
export function isRankCount(before: string, unit: string | undefined): boolean {
  if (unit !== '位' && unit !== '名') return false;
  return /(?:排名|排位|位次|排第|居第|列第)(?:全国|全省|全市|全州|全区|世界|全球)?$/.test(before);
}

// Numbers that are part of a name, a bracket or a denominator rather than a measurement (FACTS.md):
// 每千人口 / 每万人 / 每10万人 (a per-N denominator), 60岁以上老年人 (an age bracket), 26兆瓦级 / 百亿级
// (a class), 百兆瓦钙钛矿电池 (a round Chinese numeral naming a kind), 残疾人两项补贴 (a programme).
import type { NumberToken } from '../numbers.js';
import type { UnitMatch } from '../units.js';
import { words } from './words.js';

const ROUND = /^[百千万]$/;
const HAN = /[\u4e00-\u9fa5]/;

let programme: RegExp | undefined;
const programmeNoun = () => (programme ??= new RegExp(`^[\\u4e00-\\u9fa5]{0,2}(?:${words().programmeNouns.join('|')})`));

/** Whether the number `tok` with its unit `u` (ending at `end`, 余/多 included) is inside a name. */
export function insideName(s: string, tok: NumberToken, u: UnitMatch | undefined, end: number, more: boolean): boolean {
  if (s[tok.start - 1] === '每') return true; // 每千人口, 每10万人
  const rest = s.slice(end, end + 12);
  if (u?.family === 'age' && /^(?:及|或)?(?:以上|以下|以内)[\u4e00-\u9fa5]/.test(rest)) return true; // 60岁以上老年人
  if (u?.family === 'age' && /^[－—–~～\-至到]\d+(?:周)?岁/.test(rest)) return true; // 15—64岁
  if (u && rest[0] === '级') return true; // 26兆瓦级, 三级
  if (!u || !tok.chinese) return false;
  if (!more && ROUND.test(tok.raw) && HAN.test(rest[0] ?? '') && !/^(?:以上|以下|以内|左右)/.test(rest)) return true; // 百兆瓦钙钛矿
  if (tok.value <= 10 && u.family === 'count' && programmeNoun().test(rest)) return true; // 两项补贴, 三项制度改革
  return false;
}

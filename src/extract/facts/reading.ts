// How to read a number from the words around it: comparator, measure (level / change / rank), sign.
import type { Comparator, Measure } from '../../model/records.js';
import { words } from './words.js';

/** The comparator written right before the number (`before` = clause text up to the number). */
export function comparatorBefore(before: string): Comparator | undefined {
  const w = words();
  // verbs may stand between the comparator and the number: 约持续8期, 增长超过5%
  // (the words looked up by the last character of the text: only those can end it)
  let s = before;
  for (let guard = 0; guard < 3; guard++) {
    for (const [word, c] of w.beforeByLast.get(s[s.length - 1]) ?? []) {
      if (!s.endsWith(word)) continue;
      if (w.notComparator.some((n) => s.endsWith(n) && n.endsWith(word))) continue;
      return c;
    }
    const t = (w.stripTailByLast.get(s[s.length - 1]) ?? []).find((x) => x.length >= 2 && s.endsWith(x));
    if (!t) break;
    s = s.slice(0, -t.length);
  }
  // "控制在…以内" is read from the words after; "超过" may stand before a verb: "超过" + "达到"
  return undefined;
}

/** The comparator word written right after the number and its unit (左右, 以上, 多), if any. */
export function comparatorWordAfter(after: string): string | undefined {
  return words().after.find(([w]) => after.startsWith(w))?.[0];
}

/** The comparator written right after the number and its unit. */
export function comparatorAfter(after: string): Comparator | undefined {
  for (const [w, c] of words().after) if (after.startsWith(w)) return c;
  return undefined;
}

/** The verb standing right before the number (within a few characters), if it states a change. */
export function changeVerb(before: string): { verb: string; negative: boolean } | undefined {
  const w = words();
  const tail = before.slice(-8);
  // a level verb ends the clause (提高到, 达到) — unless a rate noun stands before it (降幅达到3%)
  for (const lv of w.levelByLast.get(tail[tail.length - 1]) ?? []) if (lv.length >= 2 && tail.endsWith(lv) && !w.rateNouns.some((r) => tail.slice(0, -lv.length).endsWith(r))) return undefined;
  for (const verb of w.change) {
    const at = tail.lastIndexOf(verb);
    if (at < 0) continue;
    if (w.notChange.some((n) => n.startsWith(verb) && tail.startsWith(n, at))) continue; // 增加值, 降费
    const between = tail.slice(at + verb.length);
    // only comparator words or nothing between the verb and the number: 增长5%, 增长超过5%, 下降了3%
    if (between.length > 3 || /[，。；、]/.test(between)) continue;
    if (verb.length === 1 && between && !/^(?:了|达|超过|近|约|逾)$/.test(between)) continue; // 降3%, not 减税降费1200亿元
    return { verb, negative: w.negative.some((n) => verb.endsWith(n)) };
  }
  return undefined;
}

export function measureOf(before: string, unit: string, rank: boolean): { measure: Measure; negative: boolean } {
  if (rank) return { measure: 'rank', negative: false };
  const v = changeVerb(before);
  if (v) return { measure: 'change', negative: v.negative };
  if (unit === '个百分点' && /(提高|增加|下降|降低|上升|回落|扩大|缩小)$/.test(before.slice(-6))) return { measure: 'change', negative: /(下降|降低|回落|缩小)$/.test(before) };
  return { measure: 'level', negative: false };
}

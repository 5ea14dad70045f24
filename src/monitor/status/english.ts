// The status engine's reasons in English. The engine writes its reasons in Chinese from a finite set of
// templates (annual.ts, trend.ts, progress.ts, worded.ts, verdict.ts, evaluate.ts); vocab/status-en.json
// renders each phrase of them in English, numbers and years carried over, and units after numbers.
// What no rule covers — a worded target's own words 「…」, a region's or a file's name — stays
// Chinese, returned as such so that a page can mark it (lang="zh-CN").
import { vocab } from '../../vocab/load.js';

/** A piece of an English reason: English text, or Chinese kept as written. */
export type ReasonPiece = string | { zh: string };

interface Rules {
  rules: Array<[string, string]>;
  units: Record<string, string>;
}

let compiled: { rules: Array<[RegExp, string]>; units: RegExp; unitOf: Record<string, string> } | undefined;

function rules() {
  if (compiled) return compiled;
  const v = vocab<Rules>('status-en');
  const names = Object.keys(v.units).sort((a, b) => b.length - a.length);
  return (compiled = {
    rules: v.rules.map(([zh, en]) => [new RegExp(zh, 'gu'), en]),
    // a unit after a number and a space: "1129.7 万千瓦", "0.5 万吨"
    units: new RegExp(`(\\d) (${names.join('|')})(?![\\u3400-\\u9fff])`, 'gu'),
    unitOf: v.units,
  });
}

/** Chinese characters and the punctuation that goes with them. */
const CHINESE = /([\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+(?:[\s\d.%·—–-]*[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+)*)/u;

/** A reason in English, as pieces: English text, and Chinese where no rule applies. */
export function reasonInEnglish(reason: string): ReasonPiece[] {
  const r = rules();
  let s = reason;
  for (const [re, en] of r.rules) s = s.replace(re, en);
  s = s.replace(r.units, (_, d: string, u: string) => `${d}${r.unitOf[u] ? ` ${r.unitOf[u]}` : ''}`);
  s = s.replace(/ {2,}/g, ' ').replace(/ ([,;:.)])/g, '$1').trim();
  return s
    .split(CHINESE)
    .map((part, i) => (i % 2 ? { zh: part } : part))
    .filter((p) => (typeof p === 'string' ? p !== '' : p.zh !== ''));
}

/** A reason in English as plain text (the Chinese that stays kept as is). */
export const reasonText = (reason: string): string => reasonInEnglish(reason).map((p) => (typeof p === 'string' ? p : p.zh)).join('');

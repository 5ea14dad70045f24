// Parsing one value cell of an indicator table into a CellValue (TABLES.md: "A Value is …").

import type { CellValue, Comparator } from '../../model/records.js';
import { squash } from './text.js';

type Cmp = Exclude<Comparator, 'eq'>;

const DASH = /^[—－\-–―─‐─/／]+$/;
const STAR = /[*＊]/g;

const PREFIXES: [RegExp, Cmp][] = [
  [/^(≥|>=|＞=|≧|不低于|不少于|大于等于|大于或等于|至少)/, 'gte'],
  [/^(≤|<=|＜=|≦|不高于|不超过|不多于|小于等于|小于或等于|控制在)/, 'lte'],
  [/^(>|＞|大于|高于|超过)/, 'gt'],
  [/^(<|＜|小于|低于)/, 'lt'],
  [/^(约|大约|~|～)/, 'approx'],
];
const SUFFIXES: [RegExp, Cmp][] = [
  [/(及以上|以上)$/, 'gte'],
  [/(以内|以下)$/, 'lte'],
  [/左右$/, 'approx'],
];
const NUMBER = /^[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export const isDash = (text: string): boolean => DASH.test(squash(text));

/** Parse a cell as printed ("29.8*", "≥1", "5.5以内", "—", "与经济增长同步"). */
export function parseCell(raw: string): CellValue {
  const text = squash(raw);
  if (text === '') return { text: '', empty: true };
  if (DASH.test(text)) return { text: '—', empty: true };
  let t = text;
  const estimate = /^[*＊]|[*＊]$/.test(t) || /\d[*＊](以上|以内|以下|左右)$/.test(t);
  t = t.replace(STAR, '');
  let comparator: Cmp | undefined;
  for (const [re, c] of PREFIXES) {
    const m = re.exec(t);
    if (m) {
      comparator = c;
      t = t.slice(m[0].length);
      break;
    }
  }
  for (const [re, c] of SUFFIXES) {
    const m = re.exec(t);
    if (m) {
      comparator ??= c;
      t = t.slice(0, m.index);
      break;
    }
  }
  t = t.replace(/[%‰％]$/, '').trim();
  if (!NUMBER.test(t)) return { text };
  const value = Number(t.replace(/,/g, '').replace('−', '-'));
  if (!Number.isFinite(value)) return { text };
  const out: CellValue = { text, value };
  if (comparator) out.comparator = comparator;
  if (estimate) out.estimate = true;
  return out;
}

/** Is the cell a number or a dash (a value rather than a header word)? Years ("2025") count as values. */
export function isValueCell(raw: string): boolean {
  const c = parseCell(raw);
  return c.value !== undefined || (c.empty === true && c.text !== '');
}

// A single value token as it can stand next to another one in a two-indicator row ("1.9≥42.33").
const TOKEN = /[≥≤><＞＜≧≦]?[+\-−]?\d+(?:\.\d+)?[%％]?[*＊]?(?:及以上|以上|以内|以下|左右)?|[—－–―]|-(?!\d)/g;

/**
 * Split a cell holding two values ("1.9 42.33", "1.9≥42.33", "— —", "——") into its two parts;
 * undefined when it does not hold exactly two.
 */
export function splitPair(raw: string): [string, string] | undefined {
  const spaced = raw.trim().split(/\s+/).filter(Boolean);
  if (spaced.length === 2) return [spaced[0], spaced[1]];
  if (spaced.length > 2) return undefined;
  const t = squash(raw);
  const tokens = t.match(TOKEN) ?? [];
  if (tokens.length === 2 && tokens.join('') === t) return [tokens[0], tokens[1]];
  return undefined;
}

// Column widths of a report table from its content, so that numbers and status words are never broken
// across lines: a column that must not wrap gets the width of its longest cell at the table's font
// size; the columns that may wrap (names, explanations) share what is left by how much they hold.

/** The width of a text in ems: CJK and full-width characters one em, the rest a little over half. */
export function textEm(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f—…“”‘’]/.test(ch) ? 1 : 0.6;
  return w;
}

/** A cell's lines: a figure with its year (93.7（2025）) puts the year on a line of its own, so that
 * neither is broken; other text is one line. */
export const cellLines = (s: string): string[] => s.split(/(?=（\d{4}(?:—\d{4})?）$)/);

/** The widest piece of a text that must not break: a number with its sign, decimals and unit letters (3000/0, 93.6%). */
export function longestToken(s: string): number {
  return Math.max(0, ...s.split(/(?=[（(])|[\s\u2e80-\u9fff\uff08\uff09]+/).map((t) => textEm(t)));
}

export interface WidthSpec {
  head: string[];
  rows: string[][];
  /** Columns whose cells must stay on one line. */
  nowrap: number[];
  /** The table's width and the cell padding (left + right), in twips. */
  total: number;
  padding: number;
  fontPt: number;
}

/** Widths in twips, summing to `total`. A column that may wrap gets at least six characters; when the
 * columns that must not wrap leave less than that, the widest of them is let wrap, and so on. */
export function columnWidths(s: WidthSpec): number[] {
  const em = s.fontPt * 20;
  const longest = (i: number) => Math.max(textEm(s.head[i]), ...s.rows.map((r) => Math.max(...cellLines(r[i] ?? '').map(textEm))));
  const need = s.head.map((_, i) => Math.ceil(Math.max(longest(i), 1) * em * 1.08 + s.padding + 40));
  const floor = 6 * em + s.padding;
  // the column holding the most text (说明) keeps room for eight characters a line
  const most = s.head.map((_, i) => s.rows.reduce((a, r) => a + textEm(r[i] ?? ''), 0));
  const main = s.nowrap.length ? most.indexOf(Math.max(...most.filter((_, i) => !s.nowrap.includes(i)))) : -1;
  const token = (i: number) => Math.ceil(Math.max(1, ...s.rows.map((r) => longestToken(r[i] ?? ''))) * em * 1.08 + s.padding + 40);
  const nowrap = new Set(s.nowrap.filter((i) => i < s.head.length));
  const least = (i: number) => (nowrap.has(i) ? need[i] : i === main ? 8 * em + s.padding : s.nowrap.includes(i) ? Math.min(need[i], Math.max(token(i), floor / 2)) : Math.min(floor, need[i]));
  const fits = () => s.head.reduce((a, _, i) => a + least(i), 0) <= s.total;
  while (nowrap.size && !fits()) nowrap.delete([...nowrap].sort((a, b) => need[b] - need[a])[0]);
  const wrap = s.head.map((_, i) => !nowrap.has(i));
  const base = s.head.map((_, i) => (wrap[i] ? least(i) : need[i]));
  const spare = s.total - base.reduce((a, b) => a + b, 0);
  const weights = s.head.map((_, i) => (wrap[i] ? Math.min(Math.max(longest(i), 3), 40) : 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!sum) return spread(base, s.total);
  const widths = base.map((w, i) => w + Math.floor((spare * weights[i]) / sum));
  // what rounding left goes to the widest column that wraps
  const k = widths.reduce((best, w, i) => (wrap[i] && (best < 0 || w > widths[best]) ? i : best), -1);
  widths[k] += s.total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Widths scaled to sum to `total` (a table whose columns all stay on one line). */
function spread(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const out = widths.map((w) => Math.floor((w * total) / sum));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

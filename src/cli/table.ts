// The tables of the lantu command, drawn in box-drawing characters to fit the terminal: column widths
// chosen by content (a column narrower than its share keeps its width, the long ones — 理由, 来源 —
// share the rest in proportion to their length), long cells wrapped, never cut. Linear in the number of
// cells: each cell is measured and wrapped once. `wide` draws every cell on one line.
import { blockWidth, displayWidth, wrap } from './width.js';

export type Cell = string | number | null | undefined;

export interface TableOptions {
  /** The columns to fit (default: terminalColumns()). */
  columns?: number;
  /** Every cell on one line, whatever the width. */
  wide?: boolean;
  /** Colour the heads and borders (default: stdout is a terminal and NO_COLOR is unset). */
  color?: boolean;
}

const DEFAULT_COLUMNS = 120;
/** What a long column gets before the rest is shared; never less than a CJK character. */
const FLOOR = 6;
const MIN = 2;

/** The width to fit: COLUMNS when set, else the terminal's, else 120. */
export function terminalColumns(): number {
  const env = Number(process.env.COLUMNS);
  if (Number.isInteger(env) && env > 0) return env;
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : DEFAULT_COLUMNS;
}

/** Widths of columns of `natural` content widths within `available` columns of content. */
export function columnWidths(natural: number[], available: number): number[] {
  const widths = natural.map((n) => Math.max(n, 1));
  if (widths.reduce((a, b) => a + b, 0) <= available) return widths;
  // the columns no wider than an equal share of what is left keep their width
  let long = widths.map((_, i) => i);
  let rest = available;
  for (;;) {
    const share = rest / long.length;
    const short = long.filter((i) => widths[i] <= share);
    if (!short.length) break;
    for (const i of short) rest -= widths[i];
    long = long.filter((i) => widths[i] > share);
  }
  // the long ones: a floor each, then the rest in proportion to what each lacks
  let floor = (i: number) => Math.min(widths[i], FLOOR);
  if (long.reduce((a, i) => a + floor(i), 0) > rest) floor = () => MIN;
  const need = long.map((i) => widths[i] - floor(i));
  const extra = Math.max(0, rest - long.reduce((a, i) => a + floor(i), 0));
  const totalNeed = need.reduce((a, b) => a + b, 0);
  const exact = need.map((n) => (totalNeed ? (extra * n) / totalNeed : 0));
  const given = long.map((i, k) => floor(i) + Math.floor(exact[k]));
  // the columns left short by rounding down get one more, largest remainder first
  let left = extra - exact.reduce((a, e) => a + Math.floor(e), 0);
  for (const k of exact.map((e, k) => k).sort((a, b) => (exact[b] % 1) - (exact[a] % 1))) {
    if (left <= 0) break;
    if (given[k] < widths[long[k]]) (given[k]++, left--);
  }
  long.forEach((i, k) => (widths[i] = given[k]));
  return widths;
}

const text = (c: Cell): string => (c === null || c === undefined ? '' : String(c)).replace(/\t/g, ' ').replace(/\r/g, '');

/** The table as lines ending in a line break. */
export function renderTable(head: string[], rows: Cell[][], opts: TableOptions = {}): string {
  const color = opts.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const cells = rows.map((r) => head.map((_, i) => text(r[i])));
  const natural = head.map((h, i) => cells.reduce((m, r) => Math.max(m, blockWidth(r[i])), blockWidth(h)));
  // each column: a space either side and a border before it, one border at the end
  const available = (opts.columns ?? terminalColumns()) - (3 * head.length + 1);
  const widths = opts.wide ? natural.map((n) => Math.max(n, 1)) : columnWidths(natural, available);
  const border = (s: string) => (color ? `\x1b[90m${s}\x1b[39m` : s);
  const rule = (l: string, m: string, r: string) => border(l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r);
  const out: string[] = [rule('┌', '┬', '┐')];
  const draw = (row: string[], paint: (s: string) => string) => {
    const wrapped = row.map((c, i) => (opts.wide ? c.split('\n') : wrap(c, widths[i])));
    const height = wrapped.reduce((m, w) => Math.max(m, w.length), 1);
    for (let k = 0; k < height; k++) {
      let line = border('│');
      wrapped.forEach((w, i) => {
        const part = w[k] ?? '';
        line += ` ${paint(part)}${' '.repeat(Math.max(0, widths[i] - displayWidth(part)))} ${border('│')}`;
      });
      out.push(line);
    }
  };
  draw(head, (s) => (color && s ? `\x1b[31m${s}\x1b[39m` : s));
  cells.forEach((r) => {
    out.push(rule('├', '┼', '┤'));
    draw(r, (s) => s);
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n') + '\n';
}

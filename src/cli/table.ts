// The tables of the lantu command, drawn in box-drawing characters to fit the terminal: column widths
// chosen by content (a column narrower than its share keeps its width, the long ones — 理由, 来源 —
// share the rest so that the rows are lowest), long cells wrapped, never cut. Linear in the number of
// cells: each cell is measured and wrapped once, the layout weighs at most 1,000 rows. `wide` draws
// every cell on one line.
import { blockWidth, displayWidth, wrap } from './width.js';

export type Cell = string | number | null | undefined;

export interface TableOptions {
  /** The columns to fit (default: terminalColumns()). */
  columns?: number;
  /** Every cell on one line, whatever the width. */
  wide?: boolean;
  /** Colour the heads and borders (default: stdout is a terminal and NO_COLOR is unset). */
  color?: boolean;
  /** Heads of the columns whose cells are kept whole while the width allows (ids to copy), the first kept longest. */
  whole?: string[];
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

/** What a layout knows of the cells besides the widest of each column. */
export interface Measure {
  /** The least width of each column while the width allows (its head's, that a head is not broken). */
  least?: number[];
  /** The columns kept whole while the width allows, the first kept longest. */
  whole?: number[];
  /** Widths of the cells of some rows (at most SAMPLE of them), to keep the rows low. */
  rows?: number[][];
}

const SAMPLE = 1000;

/**
 * Widths of columns of `natural` content widths within `available` columns of content: the columns no
 * wider than an equal share keep their width; the long ones get a floor each, then one column at a time
 * to the column that makes the rows lowest (the tallest cell of each row, then all cells' lines).
 */
export function columnWidths(natural: number[], available: number, measure: Measure = {}): number[] {
  const widths = natural.map((n) => Math.max(n, 1));
  if (widths.reduce((a, b) => a + b, 0) <= available) return widths;
  let long = widths.map((_, i) => i);
  let rest = available;
  for (;;) {
    const share = rest / long.length;
    const short = long.filter((i) => widths[i] <= share);
    if (!short.length) break;
    for (const i of short) rest -= widths[i];
    long = long.filter((i) => widths[i] > share);
  }
  // the floors: the whole columns (fewer while they do not fit) and heads, else a few characters, else one
  const head = (i: number) => Math.min(widths[i], Math.max(FLOOR, measure.least?.[i] ?? 0));
  const whole = measure.whole ?? [];
  const floors = [
    ...whole.map((_, n) => (i: number) => (whole.slice(0, whole.length - n).includes(i) ? widths[i] : head(i))),
    head,
    (i: number) => Math.min(widths[i], FLOOR),
  ];
  const floor = floors.find((f) => long.reduce((a, i) => a + f(i), 0) <= rest) ?? (() => MIN);
  const w = widths.slice();
  for (const i of long) w[i] = floor(i);
  let extra = rest - long.reduce((a, i) => a + w[i], 0);
  const rows = measure.rows?.length ? measure.rows : [natural];
  const lines = (cell: number, width: number) => Math.max(1, Math.ceil(cell / width));
  const heights = rows.map((r) => r.map((c, i) => lines(c, w[i])));
  while (extra > 0) {
    let best = -1;
    let bestScore = -Infinity;
    for (const k of long) {
      if (w[k] >= widths[k]) continue;
      let lower = 0;
      let fewer = 0;
      heights.forEach((h, r) => {
        const now = lines(rows[r][k], w[k] + 1);
        if (now === h[k]) return;
        fewer += h[k] - now;
        let others = 0;
        let tallest = 0;
        for (let j = 0; j < h.length; j++) {
          tallest = Math.max(tallest, h[j]);
          if (j !== k) others = Math.max(others, h[j]);
        }
        lower += tallest - Math.max(others, now);
      });
      const score = lower * 1e6 + fewer * 1e2 + widths[k] / w[k];
      if (score > bestScore) (best = k), (bestScore = score);
    }
    if (best < 0) break;
    w[best]++;
    extra--;
    heights.forEach((h, r) => (h[best] = lines(rows[r][best], w[best])));
  }
  return w;
}

const text = (c: Cell): string => (c === null || c === undefined ? '' : String(c)).replace(/\t/g, ' ').replace(/\r/g, '');

/** The table as lines ending in a line break. */
export function renderTable(head: string[], rows: Cell[][], opts: TableOptions = {}): string {
  const color = opts.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const cells = rows.map((r) => head.map((_, i) => text(r[i])));
  const natural = head.map((h, i) => cells.reduce((m, r) => Math.max(m, blockWidth(r[i])), blockWidth(h)));
  // each column: a space either side and a border before it, one border at the end
  const available = (opts.columns ?? terminalColumns()) - (3 * head.length + 1);
  const stride = Math.max(1, Math.ceil(cells.length / SAMPLE));
  const sample = cells.filter((_, r) => r % stride === 0).map((r) => r.map(blockWidth));
  const whole = (opts.whole ?? []).map((h) => head.indexOf(h)).filter((i) => i >= 0);
  const widths = opts.wide ? natural.map((n) => Math.max(n, 1)) : columnWidths(natural, available, { least: head.map(blockWidth), whole, rows: sample });
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

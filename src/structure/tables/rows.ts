// Turning the body lines of a table into raw rows: numbering, categories (category rows, a category
// column whose cell is split over rows, inherited empty cells), wrapped cells and repeated headers.

import type { Role } from './header.js';
import { bare, cellsOf, isContinuedMarker, isPageNumber, isTabRow, joinText, splitNumber, type Line } from './text.js';
import { isValueCell } from './values.js';

export interface Category {
  text: string;
}

export interface RawRow {
  no: string;
  cells: string[]; // aligned to the columns; the name cell without its number
  line: number;
  category?: Category;
}

const COUNT = /[（(]\s*\d+\s*(项|个|条)?\s*[）)]$/;
export const stripCount = (s: string): string => bare(s).replace(COUNT, '');

/** A lone cell that names a category ("经济发展（5）", "民生福祉") rather than continuing a name. */
function isCategoryText(t: string, last: RawRow | undefined, nameCol: number, roles: Role[]): boolean {
  const s = bare(t);
  if (COUNT.test(s)) return true;
  if (/[（(][^（）()]*[）)]$/.test(s) || /\d/.test(s) || s.length > 10) return false;
  // a name that wrapped before its values arrived continues; otherwise a short word is a category
  const lastHasValues = !!last && last.cells.some((c, j) => j !== nameCol && roles[j] === 'value' && c !== '');
  return !last || lastHasValues;
}

export const rowKey = (cells: string[]): string => {
  const b = cells.map(bare);
  while (b.length && b[b.length - 1] === '') b.pop();
  while (b.length && b[0] === '') b.shift();
  return b.join('|');
};

/** Align a row with fewer cells than columns: trailing cells were trimmed, or leading ones. */
export function align(cells: string[], ncols: number, roles: Role[], nameCol: number): string[] {
  if (cells.length >= ncols) return cells;
  const pad = ncols - cells.length;
  const attr = roles.lastIndexOf('attribute');
  const right = () => [...new Array<string>(pad).fill(''), ...cells];
  if (attr === ncols - 1 && /性$/.test(cells[cells.length - 1] ?? '')) return right();
  const first = cells.findIndex((c) => c !== '');
  if (first >= 0 && first < nameCol && splitNumber(cells[first]) && first + pad <= nameCol) {
    const out = new Array<string>(ncols).fill('');
    cells.forEach((c, k) => (out[k + nameCol - first] = c));
    return out;
  }
  return [...cells, ...new Array<string>(pad).fill('')];
}

export interface BodyOptions {
  ncols: number;
  roles: Role[];
  headerKeys: Set<string>;
}

/** Read the body lines (tab rows and bridging lines) into raw rows. */
export function readBody(body: Line[], opt: BodyOptions): RawRow[] {
  const { ncols, roles, headerKeys } = opt;
  const nameCol = roles.indexOf('name');
  const catCol = roles.indexOf('category');
  const noCol = roles.indexOf('no');
  const rows: RawRow[] = [];
  let cat: Category | undefined;
  let prevCatCell = '';
  let expected = 1;
  const numberOf = (cells: string[]) => {
    if (noCol >= 0) {
      const m = /^(\d{1,3})[.．、]?$/.exec(bare(cells[noCol] ?? ''));
      return m ? { no: m[1], rest: cells[nameCol] ?? '' } : undefined;
    }
    return nameCol >= 0 ? splitNumber(cells[nameCol] ?? '', expected) : undefined;
  };
  const tabCells = body.filter((l) => isTabRow(l.text)).map((l) => align(cellsOf(l.text), ncols, roles, nameCol));
  const numbered = tabCells.some((c) => numberOf(c) !== undefined);
  const fragment = (c: string) => {
    const s = stripCount(c);
    if (cat && prevCatCell !== '' && cat.text.length < 4 && cat.text.length + s.length <= 6) cat.text += s;
    else cat = { text: s };
  };
  const newRow = (no: string, cells: string[], line: number) => {
    const row: RawRow = { no, cells, line, category: cat };
    rows.push(row);
    return row;
  };
  let sub = 0;
  for (const l of body) {
    const last = rows[rows.length - 1];
    if (!isTabRow(l.text)) {
      const t = l.text.trim();
      if (isContinuedMarker(t) || isPageNumber(t) || headerKeys.has(rowKey([t]))) continue;
      if (isCategoryText(t, last, nameCol, roles)) {
        cat = { text: stripCount(t) };
        prevCatCell = '';
      } else if (last && nameCol >= 0) last.cells[nameCol] = joinText(last.cells[nameCol], t);
      continue;
    }
    const cells = align(cellsOf(l.text), ncols, roles, nameCol);
    if (headerKeys.has(rowKey(cells))) continue;
    const catCell = catCol >= 0 ? bare(cells[catCol] ?? '') : '';
    const others = cells.filter((c, j) => c !== '' && j !== catCol);
    const num = numberOf(cells);
    if (num) {
      if (catCell) fragment(catCell);
      prevCatCell = catCell;
      const out = cells.slice();
      if (nameCol >= 0) out[nameCol] = num.rest;
      if (catCol >= 0) out[catCol] = '';
      newRow(num.no, out, l.line);
      expected = Number(num.no) + 1;
      sub = 0;
      continue;
    }
    if (catCell && others.length === 0) {
      fragment(catCell);
      prevCatCell = catCell;
      continue;
    }
    prevCatCell = catCell;
    if (catCell) fragment(catCell);
    // a row holding only a word in the 序号 or name column, such as "一、经济发展": a category
    const only = others.length === 1 ? others[0] : undefined;
    if (only !== undefined && /^[一二三四五六七八九十]+[、.．]/.test(only) && !isValueCell(only)) {
      cat = { text: stripCount(only.replace(/^[一二三四五六七八九十]+[、.．]\s*/, '')) };
      prevCatCell = '';
      continue;
    }
    const lone = others.length === 1 && nameCol >= 0 && cells[nameCol] !== '';
    if (lone && catCol < 0 && isCategoryText(cells[nameCol], last, nameCol, roles)) {
      cat = { text: stripCount(cells[nameCol]) };
      continue;
    }
    if (others.length === 0) continue;
    if (!numbered || !last) {
      newRow(String(rows.length + 1), cells.map((c, j) => (j === catCol ? '' : c)), l.line);
      continue;
    }
    // an unnumbered row in a numbered table: a wrapped line of the previous row, or a sub-row
    const conflict = cells.some((c, j) => j !== catCol && roles[j] !== 'name' && c !== '' && last.cells[j] !== '' && (isValueCell(c) || isValueCell(last.cells[j])));
    if (conflict) {
      newRow(`${last.no.replace(/-\d+$/, '')}-${++sub}`, cells.map((c, j) => (j === catCol ? '' : c)), l.line);
      continue;
    }
    cells.forEach((c, j) => {
      if (c !== '' && j !== catCol) last.cells[j] = joinText(last.cells[j] ?? '', c);
    });
  }
  return rows;
}

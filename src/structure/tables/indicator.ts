// An indicator table from a block of tab rows: header → columns and roles, body → rows of
// {no, category, name, unit, attribute, cells}; two indicators in one row become "9" and "9b".

import type { CellValue, TableRow } from '../../model/records.js';
import { columnRoles, headerCount, joinHeader, type Role } from './header.js';
import { readBody, rowKey, type RawRow } from './rows.js';
import { bare, cellsOf, hasCjk, isTabRow, isUnitLike, splitNumber, splitUnit, squash, type Line } from './text.js';
import { isDash, isValueCell, parseCell, splitPair } from './values.js';

export interface BuiltTable {
  indicator: boolean; // does it read as an indicator table?
  columns: string[]; // value columns (indicator) or all columns (grid)
  allColumns: string[];
  roles: Role[];
  rows: TableRow[];
  grid: string[][];
}

/** Split "森林覆盖率(%)草原综合植被盖度(%)" after a unit bracket into two names. */
function twoNames(name: string): [string, string, string | undefined] | undefined {
  for (const m of name.matchAll(/[（(]([^（）()]*)[）)]/g)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end >= name.length || !isUnitLike(m[1])) continue;
    const rest = name.slice(end).trim();
    if (rest.length < 2 || !hasCjk(rest) || /^[，,、；;和及与]/.test(rest)) continue;
    const num = splitNumber(rest);
    return [name.slice(0, end).trim(), num ? num.rest : rest, num?.no];
  }
  return undefined;
}

function makeRows(raw: RawRow, roles: Role[], defaultUnit: string): TableRow[] {
  const at = (role: Role) => roles.indexOf(role);
  const nameRaw = squash(raw.cells[at('name')] ?? '');
  const values = roles.map((r, j) => (r === 'value' ? raw.cells[j] ?? '' : undefined)).filter((c): c is string => c !== undefined);
  const attribute = at('attribute') >= 0 ? bare(raw.cells[at('attribute')] ?? '') || undefined : undefined;
  const unitCell = at('unit') >= 0 ? bare(raw.cells[at('unit')] ?? '') : undefined;
  const build = (no: string, name: string, cells: string[]): TableRow => {
    const u = splitUnit(name);
    const unit = unitCell !== undefined ? (isDash(unitCell) ? '' : unitCell) : u.hasUnit ? u.unit : defaultUnit;
    const row: TableRow = { no, name: u.name, unit, cells: cells.map(parseCell), line: raw.line };
    if (raw.category?.text) row.category = raw.category.text;
    if (attribute !== undefined) row.attribute = attribute;
    return sortKeys(row);
  };
  const names = twoNames(nameRaw);
  if (names) {
    const pairs = values.map((v) => splitPair(v));
    const filled = values.filter((v) => v.trim() !== '').length;
    const split = pairs.filter(Boolean).length;
    if (split > 0 && split * 2 >= filled && values.every((v, k) => pairs[k] || !/\s/.test(v.trim()))) {
      const first = values.map((v, k) => pairs[k]?.[0] ?? v);
      const second = values.map((v, k) => pairs[k]?.[1] ?? v);
      return [build(raw.no, names[0], first), build(names[2] ?? `${raw.no}b`, names[1], second)];
    }
  }
  return [build(raw.no, nameRaw, values)];
}

function sortKeys(r: TableRow): TableRow {
  const out: TableRow = { no: r.no } as TableRow;
  if (r.category !== undefined) out.category = r.category;
  out.name = r.name;
  out.unit = r.unit;
  if (r.attribute !== undefined) out.attribute = r.attribute;
  out.cells = r.cells as CellValue[];
  out.line = r.line;
  return out;
}

export interface BuildOptions {
  defaultUnit?: string;
  hint?: string; // caption title: "主要指标" makes an indicator table more likely
}

/** Build a table from a block of lines (tab rows plus bridging lines). */
export function buildTable(block: Line[], opt: BuildOptions = {}): BuiltTable | undefined {
  const tabIdx = block.map((l, i) => (isTabRow(l.text) ? i : -1)).filter((i) => i >= 0);
  const tabRows = tabIdx.map((i) => cellsOf(block[i].text));
  if (!tabRows.length) return undefined;
  const h = headerCount(tabRows);
  const header = tabRows.slice(0, h);
  const ncols = Math.max(...tabRows.map((r) => r.length));
  const allColumns = h ? joinHeader(header, ncols) : Array.from({ length: ncols }, (_, j) => `列${j + 1}`);
  const bodyLines = block.slice(h ? tabIdx[h - 1] + 1 : 0);
  const bodyCells = bodyLines.filter((l) => isTabRow(l.text)).map((l) => {
    const c = cellsOf(l.text);
    return c.length < ncols ? [...c, ...new Array<string>(ncols - c.length).fill('')] : c;
  });
  const roles = columnRoles(allColumns, bodyCells);
  const headerKeys = new Set(header.map(rowKey).filter((k) => k !== ''));
  const raws = readBody(bodyLines, { ncols, roles, headerKeys });
  const valueCols = roles.map((r, j) => (r === 'value' ? j : -1)).filter((j) => j >= 0);
  const withValues = raws.filter((r) => valueCols.some((j) => isValueCell(r.cells[j] ?? ''))).length;
  const numberedShare = raws.filter((r) => /^\d+$/.test(r.no)).length;
  const text = allColumns.join('') + (opt.hint ?? '');
  const looksIndicator =
    /指标/.test(text) || roles.includes('attribute') || raws.some((r) => r.category !== undefined);
  const indicator =
    roles.includes('name') &&
    valueCols.length > 0 &&
    raws.length > 0 &&
    withValues * 2 >= raws.length &&
    looksIndicator;
  const rows = raws.flatMap((r) => makeRows(r, roles, opt.defaultUnit ?? ''));
  const grid = bodyCells.filter((c) => !headerKeys.has(rowKey(c)));
  return {
    indicator,
    columns: indicator ? valueCols.map((j) => allColumns[j]) : allColumns,
    allColumns,
    roles,
    rows: indicator || numberedShare * 2 > raws.length ? rows : [],
    grid,
  };
}

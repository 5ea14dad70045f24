// Table headers: which leading tab rows are header lines, how a header split over several lines is
// joined per column ("规划目标/2025年"), and what role each column plays.

import { bare, hasCjk, splitNumber } from './text.js';
import { isValueCell } from './values.js';

export type Role = 'no' | 'category' | 'name' | 'unit' | 'attribute' | 'value';

const YEAR = /^(19|20)\d\d$/;

/** Does this tab row look like data (a numbered name, a dash or a number, a lone category cell)? */
export function isDataRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.some((c) => splitNumber(c) !== undefined)) return true;
  if (filled.some((c) => isValueCell(c) && !YEAR.test(c))) return true;
  if (/[（(]\s*\d+\s*(项|个|条)?\s*[）)]$/.test(filled[0] ?? '')) return true;
  return false;
}

/** The header lines at the start of a block of tab rows: up to 3 leading rows that are not data. */
export function headerCount(rows: string[][]): number {
  let n = 0;
  while (n < rows.length && n < 3 && !isDataRow(rows[n])) {
    // a lone cell in the first column under a header is a category row, not a header line
    if (n > 0 && rows[n].filter((c) => c !== '').length === 1 && rows[n][0] !== '' && rows[n].length > 2) break;
    n++;
  }
  return n === rows.length ? Math.min(1, n) : n;
}

/** Join a header split over several lines into one name per column, levels joined with "/". */
export function joinHeader(lines: string[][], ncols: number): string[] {
  const levels = lines.map((cells) => cells.map(bare));
  // a lower line that lost its leading empty cells: place it under the spanning groups, else right-align
  for (let l = 1; l < levels.length; l++) {
    const row = levels[l];
    if (row.length >= ncols) continue;
    const upper = levels[l - 1];
    const slots: number[] = [];
    for (let j = 0; j < ncols; j++) {
      const spans = (upper[j] ?? '') !== '' && (upper[j + 1] ?? '') === '' && j + 1 < ncols;
      const inside = (upper[j] ?? '') === '' && slots.includes(j - 1);
      if (spans || inside) slots.push(j);
    }
    const filled = row.filter((c) => c !== '');
    const out = new Array<string>(ncols).fill('');
    if (slots.length === filled.length) slots.forEach((j, k) => (out[j] = filled[k]));
    else row.forEach((c, k) => (out[ncols - row.length + k] = c));
    levels[l] = out;
  }
  const at = (l: number, j: number) => levels[l][j] ?? '';
  const deeper = (l: number, j: number) => levels.slice(l + 1).some((row) => (row[j] ?? '') !== '');
  for (let l = 0; l < levels.length - 1; l++) {
    for (let j = 1; j < ncols; j++) {
      if (at(l, j) === '' && at(l, j - 1) !== '' && deeper(l, j) && deeper(l, j - 1)) {
        // only inherit within the same group of the level above
        if (l === 0 || at(l - 1, j) === at(l - 1, j - 1)) levels[l][j] = at(l, j - 1);
      }
    }
  }
  const out: string[] = [];
  for (let j = 0; j < ncols; j++) {
    const parts: string[] = [];
    for (let l = 0; l < levels.length; l++) {
      const p = at(l, j);
      if (p && parts[parts.length - 1] !== p) parts.push(p);
    }
    out.push(parts.join('/'));
  }
  return out;
}

const ATTRIBUTES = /^(预期性|约束性|引导性|指导性|预期|约束)$/;

/** The role of each column, from its header and (for unnamed headers) from its cells. */
export function columnRoles(columns: string[], body: string[][]): Role[] {
  const roles: Role[] = columns.map((h) => {
    const top = h.split('/')[0];
    if (/^(序号|编号|序|No\.?)$/i.test(top)) return 'no';
    if (/^(指标)?(类别|类型|领域|分类|维度|方面|板块)$/.test(top)) return 'category';
    if (/^(指标)?属性$|^性质$|^指标性质$/.test(top)) return 'attribute';
    if (/^(计量)?单位$/.test(top)) return 'unit';
    if (/^(主要)?(指标|指标名称|名称|项目|指标项|评价指标|具体指标|内容)$/.test(top)) return 'name';
    return 'value';
  });
  const col = (j: number) => body.map((r) => r[j] ?? '').filter((c) => c !== '');
  // content checks where the header did not say
  for (let j = 0; j < columns.length; j++) {
    const cells = col(j);
    if (roles[j] === 'value' && cells.length && cells.every((c) => ATTRIBUTES.test(c))) roles[j] = 'attribute';
  }
  if (!roles.includes('name')) {
    const j = roles.findIndex((r, k) => r === 'value' && col(k).some((c) => splitNumber(c) !== undefined));
    const k = j >= 0 ? j : roles.findIndex((r, k) => r === 'value' && col(k).filter(hasCjk).length > col(k).length / 2);
    if (k >= 0) roles[k] = 'name';
  }
  const name = roles.indexOf('name');
  // a text column before the name column whose cells are sparse is a category column
  for (let j = 0; j < name; j++) {
    const cells = col(j);
    if (roles[j] === 'value' && cells.length < body.length && cells.every((c) => hasCjk(c) && !isValueCell(c)))
      roles[j] = 'category';
  }
  return roles;
}

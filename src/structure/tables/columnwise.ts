// Tables that a PDF emitted one column at a time: a short header (序号), the numbers 1..N each on
// its own line, then for every further column its header word(s) and N cells, each cell possibly
// wrapped over several lines. Rebuilt into N rows.

import { bare, hasCjk, isInteger, squash, type Line } from './text.js';

export interface ColumnwiseTable {
  first: number; // index of the number column's header line
  last: number; // index of the last line used
  columns: string[];
  grid: string[][];
  lines: number[]; // per row: the original line of its number
}

const NUMBER_HEADER = /^(序号|编号|序|号|顺序号|排序)$/;
const DATE = /^(\d{4}年(\d{1,2}月(\d{1,2}日)?)?|\d{4}[-./]\d{1,2}([-./]\d{1,2})?)$/;
// the words column headers are made of (after the number column)
const HEADER_WORD =
  /名称|时间|日期|文号|单位|部门|内容|备注|金额|数量|地址|地点|类别|类型|标准|对象|措施|责任|期限|时限|牵头|配合|说明|情况|项目|姓名|职务|面积|规模|级别|年份|依据|方式|要求|事项|任务|目标|指标|负责|联系|电话|代码|主体|领域|区域|范围|机构|人数|金额|资金|来源|状态|结果|分值|得分|价格|费用|用途|位置|数/;

const isHeaderLine = (text: string): boolean => {
  const s = bare(text);
  return (
    s.length >= 2 && s.length <= 14 && hasCjk(s) && HEADER_WORD.test(s) && !/[。，；：:,;《》〔〕（）()“”]/.test(s) && !DATE.test(s)
  );
};

const PAIRS: [string, string][] = [
  ['《', '》'],
  ['（', '）'],
  ['(', ')'],
  ['〔', '〕'],
  ['“', '”'],
  ['＜', '＞'],
  ['〈', '〉'],
  ['【', '】'],
];
const balanced = (s: string): boolean => PAIRS.every(([o, c]) => s.split(o).length === s.split(c).length);

function complete(cur: string, maxLen: number): boolean {
  if (!balanced(cur)) return false;
  if (DATE.test(cur) || isInteger(cur)) return true;
  if (/[）)》」”』】〕。号]$/.test(cur)) return true;
  return cur.length < 0.8 * maxLen;
}
const opensNew = (next: string): boolean => /^[《【“]/.test(next) || DATE.test(next) || isInteger(next);

/** Cut the lines from `start` into `need` cells; undefined when they do not make that many. */
function segment(texts: string[], start: number, need: number): { cells: string[]; end: number } | undefined {
  const window = texts.slice(start, start + need * 3);
  const maxLen = Math.max(0, ...window.map((t) => t.length));
  const cells: string[] = [];
  let k = start;
  while (cells.length < need && k < texts.length) {
    let cur = texts[k++];
    let pieces = 1;
    while (k < texts.length && pieces < 4 && !complete(cur, maxLen) && !opensNew(texts[k])) {
      cur += texts[k++];
      pieces++;
    }
    if (!balanced(cur) || isHeaderLine(cur)) return undefined;
    cells.push(cur);
  }
  return cells.length === need ? { cells, end: k } : undefined;
}

/** Find every column-wise table in the lines. `free(i)` says whether line i is still unclaimed. */
export function findColumnwise(lines: Line[], free: (i: number) => boolean): ColumnwiseTable[] {
  const texts = lines.map((l) => squash(l.text));
  const found: ColumnwiseTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!free(i) || !NUMBER_HEADER.test(bare(texts[i])) || texts[i + 1] !== '1') continue;
    let n = 0;
    while (i + 1 + n < texts.length && texts[i + 1 + n] === String(n + 1) && free(i + 1 + n)) n++;
    if (n < 2) continue;
    const columns = [bare(texts[i])];
    const cols: string[][] = [texts.slice(i + 1, i + 1 + n)];
    let j = i + 1 + n;
    for (;;) {
      const heads: string[] = [];
      while (j + heads.length < texts.length && heads.length < 6 && isHeaderLine(texts[j + heads.length]))
        heads.push(bare(texts[j + heads.length]));
      if (!heads.length) break;
      const seg = segment(texts, j + heads.length, heads.length * n);
      if (!seg) break;
      heads.forEach((h, k) => {
        columns.push(h);
        cols.push(seg.cells.slice(k * n, (k + 1) * n));
      });
      j = seg.end;
    }
    if (cols.length < 2) continue;
    const grid = cols[0].map((_, r) => cols.map((c) => c[r]));
    found.push({ first: i, last: j - 1, columns, grid, lines: cols[0].map((_, r) => lines[i + 1 + r].line) });
    i = j - 1;
  }
  return found;
}

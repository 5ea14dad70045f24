// Tables of one document: indicator tables and plain grids out of runs of tab rows (with caption,
// header, notes), and grids a PDF emitted column by column. TABLES.md is the contract. A block of tab
// rows that cannot be read as a table is reported, not dropped in silence.

import type { Message, Table } from '../../model/records.js';
import { findColumnwise } from './columnwise.js';
import { isDataRow } from './header.js';
import { buildTable } from './indicator.js';
import { rowKey } from './rows.js';
import {
  bare,
  cellsOf,
  endsSentence,
  isContinuedMarker,
  isInteger,
  isNoteStart,
  isPageNumber,
  isTabRow,
  parseCaption,
  type Caption,
  type Line,
} from './text.js';
import { parseCell } from './values.js';

export { parseCell } from './values.js';

const HEADING = /^(第[一二三四五六七八九十百零\d]+[章节篇部分]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|专栏|附件\s*\d*\s*[:：]?)/;
const UNIT_LINE = /^(计量)?单位\s*[:：]\s*(.+)$/;
const ATTACHMENT = /^附件\s*([0-9一二三四五六七八九十]*)\s*[:：]?/;

/** A non-tab line inside a run of tab rows that does not end the table. */
function isBridge(text: string): boolean {
  const t = text.trim();
  if (isContinuedMarker(t) || isPageNumber(t)) return true;
  if (parseCaption(t) || isNoteStart(t) || HEADING.test(t) || UNIT_LINE.test(t)) return false;
  return bare(t).length <= 30 && !endsSentence(t) && !/[，,；;]/.test(t);
}

/** A table of contents ("第一章 …⇥1"): last cells page numbers, first cells headings. */
function isContents(rows: string[][], before: string[]): boolean {
  const last = rows.map((r) => r.filter((c) => c !== '').pop() ?? '');
  const pages = last.filter(isInteger).length;
  if (pages < rows.length * 0.8) return false;
  const headings = rows.filter((r) => /^第[一二三四五六七八九十百\d]+[章节篇]/.test(r[0] ?? '')).length;
  return headings * 2 >= rows.length || before.some((t) => /^目录$/.test(bare(t)));
}

/** Short title lines right above a table (joined), stopping at an attachment label or prose. */
function titleAbove(lines: Line[], i: number, floor: number): { title: string; attachment?: string; caption?: Caption; from?: number } {
  const parts: string[] = [];
  let attachment: string | undefined;
  for (let k = i - 1; k >= Math.max(floor, i - 4); k--) {
    const t = bare(lines[k].text);
    const caption = parseCaption(lines[k].text);
    if (caption) return { title: caption.title + parts.join(''), caption, from: k };
    const a = ATTACHMENT.exec(t);
    if (a && t.length <= 6) {
      attachment = a[1];
      break;
    }
    if (!t || t.length > 40 || /[。，；;,]/.test(t) || isTabRow(lines[k].text)) break;
    parts.unshift(t);
  }
  if (attachment === undefined) {
    for (let k = i - 1 - parts.length; k >= Math.max(floor, i - 12); k--) {
      const a = ATTACHMENT.exec(bare(lines[k].text));
      if (a && bare(lines[k].text).length <= 6) attachment = a[1];
      if (a) break;
    }
  }
  return { title: parts.join(''), attachment };
}

/** The notes right after a table: "注：…" lines, each possibly wrapped onto following lines. */
function notesAfter(lines: Line[], i: number): { notes: string[]; end: number } {
  const notes: string[] = [];
  let k = i;
  let numbered = false;
  while (k < lines.length && (isNoteStart(lines[k].text) || (numbered && /^\d+[.．、]/.test(lines[k].text.trim())))) {
    let note = lines[k].text.trim();
    numbered ||= /^(注|备注|说明)\s*[:：]\s*(1|（1）|①)/.test(bare(note)) || /^(注|备注|说明)[:：]$/.test(bare(note));
    k++;
    while (k < lines.length && !endsSentence(note) && !isTabRow(lines[k].text)) {
      const t = lines[k].text.trim();
      if (isNoteStart(t) || HEADING.test(t) || parseCaption(t) || (numbered && /^\d+[.．、]/.test(t))) break;
      note += t;
      k++;
    }
    notes.push(note);
  }
  return { notes, end: k - 1 };
}

export function parseTables(lines: Line[]): Table[] {
  return readTables(lines).tables;
}

/** The tables of a document's lines, and a message (without its file) for every block given up on. */
export function readTables(lines: Line[]): { tables: Table[]; messages: Array<Omit<Message, 'file'>> } {
  const messages: Array<Omit<Message, 'file'>> = [];
  const out: { at: number; table: Table }[] = [];
  const claimed = new Set<number>();
  let unlabelled = 0;
  const label = (caption: Caption | undefined, attachment: string | undefined) =>
    caption ? caption.label : attachment !== undefined ? `附件${attachment}表${++unlabelled}` : `表格${++unlabelled}`;
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!isTabRow(lines[i].text)) continue;
    // the block: tab rows, and bridging lines followed by a tab row that continues the table
    const firstKey = rowKey(cellsOf(lines[i].text));
    let end = i;
    for (let k = i + 1; k < lines.length; k++) {
      if (isTabRow(lines[k].text)) end = k;
      else if (!isBridge(lines[k].text) || k + 1 >= lines.length) break;
      else {
        let n = k + 1;
        while (n < lines.length && !isTabRow(lines[n].text) && isBridge(lines[n].text) && n - k < 3) n++;
        const next = lines[n] && isTabRow(lines[n].text) ? cellsOf(lines[n].text) : undefined;
        if (!next || (!isDataRow(next) && rowKey(next) !== firstKey)) break;
      }
    }
    const block = lines.slice(i, end + 1);
    const tabRows = block.filter((l) => isTabRow(l.text)).map((l) => cellsOf(l.text));
    const before = lines.slice(Math.max(floor, i - 3), i).map((l) => l.text);
    // caption (and a unit line) just above
    let caption: Caption | undefined;
    let first = i;
    let defaultUnit = '';
    let extra = '';
    for (let k = i - 1; k >= Math.max(floor, i - 4); k--) {
      const t = lines[k].text.trim();
      const u = UNIT_LINE.exec(bare(t));
      if (u) defaultUnit = /^[%‰]$|^[^，。]{1,8}$/.test(u[2]) ? u[2] : '';
      const c = parseCaption(t);
      if (c) {
        caption = c;
        first = k;
        break;
      }
      if (!u && (isTabRow(t) || bare(t).length > 30 || endsSentence(t))) break;
      if (!u) extra = bare(t) + extra;
    }
    if (caption && !caption.title && extra) caption.title = extra;
    else if (caption && extra && !isPageNumber(extra)) caption.title += extra;
    if (!caption && isContents(tabRows, before)) {
      i = end;
      continue;
    }
    const giveUp = (why: string) => messages.push({ rule: 'table-unparsed', severity: 'warning', text: `${why} (表格未能解析)`, line: lines[i].line });
    if (tabRows.length < 2 && !caption) {
      giveUp('a lone tab-separated row without a caption is not read as a table: its cells are not read');
      continue;
    }
    const built = buildTable(block, { defaultUnit, hint: caption?.title });
    if (!built) {
      giveUp(`${tabRows.length} tab-separated rows not read as a table`);
      continue;
    }
    if (!built.rows.length && !built.grid.length) giveUp('a table with a header and no rows under it');
    const { notes, end: noteEnd } = notesAfter(lines, end + 1);
    const above = caption ? { title: caption.title, attachment: undefined } : titleAbove(lines, i, floor);
    const table: Table = {
      label: label(caption, above.attachment),
      title: above.title,
      kind: built.indicator ? 'indicator' : 'grid',
      columns: built.columns,
      rows: built.rows,
      lines: [lines[first].line, lines[Math.max(end, noteEnd)].line],
    };
    if (!built.indicator) table.grid = built.grid;
    if (notes.length) table.notes = notes;
    // a 续表 continues the table of the same label
    const prev = caption?.continued ? out.find((o) => o.table.label === caption.label) : undefined;
    if (prev) {
      prev.table.rows.push(...table.rows);
      prev.table.grid?.push(...(table.grid ?? []));
      prev.table.lines[1] = table.lines[1];
      if (notes.length) prev.table.notes = [...(prev.table.notes ?? []), ...notes];
    } else out.push({ at: first, table });
    for (let k = first; k <= Math.max(end, noteEnd); k++) claimed.add(k);
    i = Math.max(end, noteEnd);
    floor = i + 1;
  }
  for (const c of findColumnwise(lines, (k) => !claimed.has(k) && !isTabRow(lines[k].text))) {
    const above = titleAbove(lines, c.first, 0);
    const cap = above.caption;
    const { notes, end } = notesAfter(lines, c.last + 1);
    const table: Table = {
      label: cap ? cap.label : label(undefined, above.attachment),
      title: above.title,
      kind: 'grid',
      columns: c.columns,
      rows: c.grid.map((r, k) => ({ no: r[0], name: r[1], unit: '', cells: r.slice(2).map(parseCell), line: c.lines[k] })),
      grid: c.grid,
      lines: [lines[above.from ?? c.first].line, lines[Math.max(c.last, end)].line],
    };
    if (notes.length) table.notes = notes;
    out.push({ at: c.first, table });
  }
  return { tables: out.sort((a, b) => a.at - b.at).map((o) => o.table), messages };
}

// Checks an uploaded workbook before it is opened, so a small file cannot make the reader allocate
// millions of cells (one cell at T1048576, a merge, a validation or a defined name over a whole
// sheet, a zip bomb): the ZIP's directory is read, every part's uncompressed size is bounded, and
// every cell reference in the sheets and defined names must lie within MAX_ROWS × MAX_COLUMNS.
import { inflateRawSync } from 'node:zlib';

export const MAX_ROWS = 10000;
export const MAX_COLUMNS = 50;
/** The parts of a workbook together, uncompressed. */
export const MAX_UNCOMPRESSED = 50 * 1024 * 1024;

export class WorkbookLimitError extends Error {}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The entries of a ZIP's central directory (undefined when the bytes are not a ZIP). */
function entries(b: Buffer): Entry[] | undefined {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) if (b.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return undefined;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return undefined;
    const n = b.readUInt16LE(p + 28);
    out.push({ method: b.readUInt16LE(p + 10), compressed: b.readUInt32LE(p + 20), size: b.readUInt32LE(p + 24), offset: b.readUInt32LE(p + 42), name: b.subarray(p + 46, p + 46 + n).toString('utf8') });
    p += 46 + n + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}

/** A part's text, never more than `max` bytes uncompressed whatever its header claims. */
function text(b: Buffer, e: Entry, max: number): string {
  if (b.readUInt32LE(e.offset) !== 0x04034b50) throw new WorkbookLimitError('工作簿文件已损坏（ZIP 结构无效）');
  const start = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
  const data = b.subarray(start, start + e.compressed);
  try {
    return (e.method === 0 ? data : inflateRawSync(data, { maxOutputLength: max })).toString('utf8');
  } catch (err) {
    if (err instanceof RangeError) throw new WorkbookLimitError(`工作簿解压后超过 ${MAX_UNCOMPRESSED / 1024 / 1024} MB，已拒绝`);
    throw new WorkbookLimitError(`工作簿文件已损坏：${(err as Error).message}`);
  }
}

const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The largest row and column a piece of XML refers to (cells, ranges, whole rows, column definitions). */
function extent(xml: string): { row: number; col: number } {
  let row = 0;
  let col = 0;
  for (const m of xml.matchAll(/\b(?:r|ref|sqref)="([^"]*)"/g))
    for (const ref of m[1].split(/[\s:]+/)) {
      const c = /^\$?([A-Z]{1,3})?\$?(\d+)?$/.exec(ref);
      if (c?.[1]) col = Math.max(col, column(c[1]));
      if (c?.[2]) row = Math.max(row, Number(c[2]));
    }
  for (const m of xml.matchAll(/<col\b[^>]*\bmax="(\d+)"/g)) col = Math.max(col, Number(m[1]));
  for (const m of xml.matchAll(/<definedName\b[^>]*>([^<]*)</g))
    for (const r of unescape(m[1]).split(',').map((x) => x.replace(/^.*!/, '')).join(',').matchAll(/\$?([A-Z]{1,3})?\$?(\d+)\b/g)) {
      if (r[1]) col = Math.max(col, column(r[1]));
      row = Math.max(row, Number(r[2]));
    }
  return { row, col };
}

/** Throws WorkbookLimitError when the workbook is too large to open; says which sheet and which limit. */
export function checkWorkbookLimits(b: Buffer): void {
  const list = entries(b);
  if (!list) return; // not a ZIP: the reader says so
  const total = list.reduce((n, e) => n + e.size, 0);
  if (total > MAX_UNCOMPRESSED || list.some((e) => e.size === 0xffffffff)) throw new WorkbookLimitError(`工作簿解压后超过 ${MAX_UNCOMPRESSED / 1024 / 1024} MB，已拒绝`);
  const byName = new Map(list.map((e) => [e.name, e]));
  const read = (name: string) => (byName.has(name) ? text(b, byName.get(name)!, MAX_UNCOMPRESSED) : '');
  const workbook = read('xl/workbook.xml');
  const targets = new Map([...read('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]*)"/.exec(m[0])?.[1], /Target="([^"]*)"/.exec(m[0])?.[1] ?? '']));
  const names = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const target = targets.get(/\br:id="([^"]*)"/.exec(m[0])?.[1]);
    if (target) names.set(target.startsWith('/') ? target.slice(1) : `xl/${target}`, unescape(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ''));
  }
  const limit = `最多 ${MAX_ROWS} 行、${MAX_COLUMNS} 列`;
  const book = extent(workbook);
  if (book.row > MAX_ROWS || book.col > MAX_COLUMNS) throw new WorkbookLimitError(`工作簿的名称定义引用了第 ${book.row} 行、第 ${book.col} 列，超出填报表的上限（${limit}），已拒绝`);
  for (const e of list) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const sheet = names.get(e.name) ?? e.name;
    const { row, col } = extent(text(b, e, MAX_UNCOMPRESSED));
    if (row > MAX_ROWS) throw new WorkbookLimitError(`工作表“${sheet}”用到了第 ${row} 行，超出填报表的上限（${limit}），已拒绝。请删除多余的行（包括空白但有格式的行）后重新上传`);
    if (col > MAX_COLUMNS) throw new WorkbookLimitError(`工作表“${sheet}”用到了第 ${col} 列，超出填报表的上限（${limit}），已拒绝。请删除多余的列后重新上传`);
  }
}

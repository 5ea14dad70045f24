// Hard wraps: a PDF breaks every line at the page width. Lines are joined back into paragraphs when the
// first line runs to the full width of its neighbourhood, or stops without closing punctuation, and the
// next line does not begin a new structural unit (a heading, a list item, a dash-led paragraph).
import { displayWidth } from './chars.js';
import type { RepairedLine } from './types.js';
import { vocab } from '../vocab/load.js';

const STRUCTURAL_START =
  /^(?:第[一二三四五六七八九十百零〇\d]+[章节条部分篇]|[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[)）]|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[)）]|[①-⑳]|——|—\s|附件|附表|专栏|表\s*\d|图\s*\d|注[:：]|[一二三四五六七八九十]是)/;
const HEADING_START = /^(?:第[一二三四五六七八九十百零〇\d]+[章节篇]|[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[)）]|附件\s*\d*)/;
const CHAPTER = /^第[一二三四五六七八九十百零〇\d]+[章节篇]/;
const TERMINAL = /[。！？；：…”’」』）)]$/;
const HAS_PUNCT = /[。！？；，、：]/;
// a page line holds between ~10 (a narrow column) and ~60 ideographs
const MIN_PAGE_WIDTH = 10;
const MAX_PAGE_WIDTH = 60;
/** A line that is only a number or a short code: a table cell, never part of a sentence. */
const SIGNATURE = /^(?:[\u4e00-\u9fa5]{2,24}(?:人民政府|办公室|办公厅|委员会|局)|\d{4}年\d{1,2}月\d{1,2}日)$/;
const LONE_VALUE = /^[\d.%*—-]{1,8}$/;

export const startsStructure = (s: string): boolean => STRUCTURAL_START.test(s);

const WINDOW = 12;

/**
 * Width of a full line around each index i: the 75th percentile of the widths of the text lines
 * within WINDOW of it. The window slides: the widths in it are kept sorted, one in and one out a line.
 */
function localWidths(widths: number[]): number[] {
  const near = new Float64Array(2 * WINDOW + 1);
  let n = 0;
  const add = (w: number) => {
    if (!(w > 0)) return;
    let k = n++;
    for (; k > 0 && near[k - 1] > w; k--) near[k] = near[k - 1];
    near[k] = w;
  };
  const remove = (w: number) => {
    if (!(w > 0)) return;
    let k = 0;
    while (k < n && near[k] !== w) k++;
    for (n--; k < n; k++) near[k] = near[k + 1];
  };
  const out: number[] = [];
  for (let j = 0; j < Math.min(widths.length, WINDOW); j++) add(widths[j]);
  for (let i = 0; i < widths.length; i++) {
    if (i - WINDOW - 1 >= 0) remove(widths[i - WINDOW - 1]); // out first: the window holds 2 × WINDOW + 1
    if (i + WINDOW < widths.length) add(widths[i + WINDOW]);
    out.push(n < 3 ? 0 : near[Math.floor(n * 0.75)]); // fewer than 3: too little context to tell
  }
  return out;
}

/** Indices i where line i+1 continues line i. */
export function joinDecisions(lines: RepairedLine[]): boolean[] {
  const widths = lines.map((l) => (l.row || l.heading ? 0 : displayWidth(l.text.text)));
  const local = localWidths(widths);
  return lines.map((a, i) => {
    const b = lines[i + 1];
    if (!b || a.row || b.row || a.heading || b.heading) return false;
    const at = a.text.text;
    const bt = b.text.text;
    if (startsStructure(bt)) return false;
    const width = local[i];
    // a hard-wrapped line runs to the page width (a page holds at most ~60 ideographs a line)
    if (LONE_VALUE.test(at) || LONE_VALUE.test(bt) || SIGNATURE.test(bt)) return false;
    const wrapped = width >= MIN_PAGE_WIDTH && width <= MAX_PAGE_WIDTH;
    const full = wrapped && widths[i] >= width - 1.5 && widths[i] <= width + 1;
    const short = width >= MIN_PAGE_WIDTH && !HAS_PUNCT.test(at) && widths[i] < 0.5 * width;
    const nearlyFull = wrapped && widths[i] >= width - 3;
    const standalone = (HEADING_START.test(at) && !/[。；]/.test(at) && !nearlyFull) || short || isTitle(at);
    if (full && !CHAPTER.test(at)) return true;
    if (a.paragraph) return false; // a whole paragraph: only a full-width line (above) is a hard wrap
    return !TERMINAL.test(at) && !standalone;
  });
}

let types: string[] | undefined;
/** A title line: no punctuation, ending in a document type (…实施方案, …的通知). */
function isTitle(s: string): boolean {
  types ??= vocab<{ types: string[] }>('doc-types').types;
  return s.length <= 40 && !HAS_PUNCT.test(s) && types.some((t) => s.endsWith(t));
}

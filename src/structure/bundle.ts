// A file may hold many documents (a monthly bundle of a government's documents). Each document of a
// bundle starts at its cover: the issuer's name, a title beginning with 关于, the 发文字号. A standalone
// document (大事记) starts at a page with its title. When a PDF put the first page of a body before
// its cover, that page is given back to its document and read after the cover. Where the split is a
// guess (a page moved, a cover without its date), the document says so in its messages.
import { basename } from 'node:path';
import type { LineSpan, Message } from '../model/records.js';
import type { RepairedLine } from '../repair/index.js';
import { vocab } from '../vocab/load.js';
import { DATE_LINE, DOC_NUMBER_LINE, ORG_LINE, TERMINAL } from './patterns.js';
import { COVER_TITLE } from './cover.js';
import { startsStructure } from '../repair/paragraphs.js';

export interface DocSlice {
  /** The document's lines in reading order (a misplaced first page comes after the cover). */
  lines: RepairedLine[];
  span: LineSpan;
  /** Index in `lines` where the cover ends (the signature date), or -1 when there is no cover. */
  coverEnd: number;
  /** Where the split was uncertain. */
  messages: Message[];
}

const LOOK_BACK = 60; // lines: about two pages of a narrow body

const text = (l: RepairedLine | undefined) => l?.text.text ?? '';
const isTitleLine = (s: string) => s.length <= 40 && !/[。，；：、！？]/.test(s) && !startsStructure(s);

/** Index of the cover's signature date, searching from the 发文字号. */
function coverDate(lines: RepairedLine[], from: number): number {
  for (let j = from; j < Math.min(lines.length, from + 40); j++) if (DATE_LINE.test(text(lines[j]))) return j;
  return -1;
}

const titled = (s: string) => COVER_TITLE.test(s) && !/[。，；：]/.test(s);

/**
 * A cover begins with the issuer's name above a 关于… title, with the title prefixed by the issuer,
 * or with the 发文字号 above the title (under a masthead); the 发文字号 stands within a few lines.
 */
function isCoverStart(lines: RepairedLine[], i: number): boolean {
  const s = text(lines[i]);
  const numberNear = (from: number, to: number) => {
    for (let j = Math.max(0, from); j < Math.min(lines.length, to); j++) if (DOC_NUMBER_LINE.test(text(lines[j]))) return true;
    return false;
  };
  if (ORG_LINE.test(s) && text(lines[i + 1]).startsWith('关于')) return numberNear(i + 1, i + 7);
  if (DOC_NUMBER_LINE.test(s)) return [1, 2].some((k) => titled(text(lines[i + k])) && /关于/.test(text(lines[i + k])));
  const m = COVER_TITLE.exec(s);
  return !!m?.[1] && titled(s) && !DOC_NUMBER_LINE.test(text(lines[i - 1])) && numberNear(i + 1, i + 6);
}

function isStandaloneStart(lines: RepairedLine[], i: number): boolean {
  const l = lines[i];
  const s = text(l);
  const standalone = vocab<{ standalone: string[] }>('doc-types').standalone;
  return l.pageBreakBefore && s.length <= 24 && isTitleLine(s) && standalone.some((t) => s.endsWith(t));
}

/** The subject of a cover's title: 关于印发X的通知 → X. */
function coverSubject(lines: RepairedLine[], c: number): string {
  let t = '';
  for (let j = c + 1; j < Math.min(lines.length, c + 6) && !DOC_NUMBER_LINE.test(text(lines[j])); j++) t += text(lines[j]);
  return t.replace(/^关于(?:印发|同意|转发|公布)?/, '').replace(/的?(?:通知|批复|意见|决定|函)$/, '').replace(/^.{2,6}?市/, '');
}

/** Where the misplaced first page of the document whose cover is at c starts, or -1. */
function misplacedStart(lines: RepairedLine[], c: number, floor: number, bodyStart: number): number {
  const subject = coverSubject(lines, c);
  const lo = Math.max(floor, c - LOOK_BACK);
  // 1. the body's own title stands before the cover
  for (let j = lo; j < c; j++) {
    const joined = [0, 1, 2].map((k) => (j + k < c && isTitleLine(text(lines[j + k])) ? text(lines[j + k]) : '')).join('');
    if (subject.length >= 6 && isTitleLine(text(lines[j])) && joined.includes(subject)) return j;
  }
  // 2. the page before the cover stops mid-sentence and the body after the cover goes on with it
  const before = lines[c - 1];
  const after = lines[bodyStart];
  if (!before || before.row || TERMINAL.test(text(before)) || DATE_LINE.test(text(before))) return -1;
  if (!after || !after.pageBreakBefore || startsStructure(text(after))) return -1;
  // the nearest top-level heading before the cover begins the page (searching back, so that an
  // earlier document's own headings are never taken)
  for (let j = c - 1; j >= lo; j--) if (/^[一二三四五六七八九十]+、/.test(text(lines[j]))) return j;
  return -1;
}

/** First line of the body after a cover: past the date and the body's title lines, at a page start. */
function bodyStartAfter(lines: RepairedLine[], date: number): number {
  let j = date + 1;
  while (j < lines.length && !lines[j].pageBreakBefore && isTitleLine(text(lines[j])) && j - date <= 3) j++;
  return j;
}

export function splitBundle(lines: RepairedLine[], file = ''): DocSlice[] {
  const starts: Array<{ at: number; cover: boolean }> = [];
  for (let i = 0; i < lines.length; i++) {
    if (isCoverStart(lines, i)) starts.push({ at: i, cover: true });
    else if (i > 0 && isStandaloneStart(lines, i)) starts.push({ at: i, cover: false });
  }
  if (!starts.length || starts[0].at > 0) starts.unshift({ at: 0, cover: false });

  // documents: [begin, end) ranges of `lines`, with an optional misplaced page moved after the cover
  const docs: Array<{ begin: number; end: number; cover: number; date: number; moved?: [number, number]; insertAt?: number }> = [];
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].at : lines.length;
    const date = s.cover ? coverDate(lines, s.at) : -1;
    docs.push({ begin: s.at, end, cover: s.cover ? s.at : -1, date });
  });
  for (let k = 1; k < docs.length; k++) {
    const d = docs[k];
    if (d.cover < 0 || d.date < 0) continue;
    const body = bodyStartAfter(lines, d.date);
    const m = misplacedStart(lines, d.cover, docs[k - 1].cover + 1, body);
    if (m < 0 || m <= docs[k - 1].begin) continue;
    d.moved = [m, d.cover];
    d.insertAt = body;
    d.begin = m;
    docs[k - 1].end = m;
  }
  return docs
    .filter((d) => d.end > d.begin)
    .map((d) => {
      let order: RepairedLine[];
      let coverEnd = d.date >= 0 ? d.date - d.begin : -1;
      if (d.moved && d.insertAt !== undefined) {
        const [m, c] = d.moved;
        order = [...lines.slice(c, d.insertAt), ...lines.slice(m, c), ...lines.slice(d.insertAt, d.end)];
        coverEnd = d.date - c;
      } else order = lines.slice(d.begin, d.end);
      // a loop, not Math.min(...lines): spreading the lines of a 50 MB text overflows the call stack
      const span: LineSpan = [Infinity, -Infinity];
      for (const l of order) [span[0], span[1]] = [Math.min(span[0], l.line), Math.max(span[1], l.line)];
      return { lines: order, span, coverEnd, messages: splitMessages(lines, d, basename(file)) };
    });
}

/** The guesses of a document's split: a page moved after its cover, a cover whose date was not found. */
function splitMessages(lines: RepairedLine[], d: { cover: number; date: number; moved?: [number, number] }, file: string): Message[] {
  const out: Message[] = [];
  if (d.cover >= 0 && d.date < 0) {
    const line = lines[d.cover].line;
    out.push({ rule: 'bundle-cover-date', severity: 'warning', text: 'cover without a signature date: where its body starts is a guess (封面无成文日期)', file, line });
  }
  if (d.moved) {
    const [first, last] = [lines[d.moved[0]].line, lines[d.moved[1] - 1].line];
    const text = `lines ${first}–${last} before the cover read as this document's first page (第${first}–${last}行移至封面之后)`;
    out.push({ rule: 'bundle-moved-page', severity: 'info', text, file, line: first });
  }
  return out;
}

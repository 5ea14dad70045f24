import type { Mapped } from './mapped.js';

/** One original line after line-level repair. */
export interface RepairedLine {
  text: Mapped;
  line: number; // 1-based original line
  row: boolean; // a table row: cells separated by tabs
  heading?: number; // markdown heading level
  endsDoubled?: boolean; // the line ended inside text doubled by bold face
  pageBreakBefore: boolean; // page furniture or a page start stood right before
  /** The line is a whole paragraph as written (a DOCX paragraph): only a hard wrap's evidence joins it to the next. */
  paragraph?: boolean;
}

/** A paragraph (joined lines) or a table row, the unit the structure layer reads. */
export interface Block {
  text: string;
  mapped: Mapped;
  line: number; // first original line
  lastLine: number;
  row: boolean;
  heading?: number;
  bold: Array<[number, number]>; // [start, end) in text
  pageBreakBefore: boolean;
}

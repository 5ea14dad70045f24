// Spans of repaired text in the original file: the source map turns a [start, end) of repaired text
// into the original characters it came from, with line, column and offset at both ends.
import type { Point, Span } from '../model/records.js';
import type { LineIndex, Mapped } from './mapped.js';

export function pointAt(index: LineIndex, offset: number): Point {
  const line = index.lineOf(offset);
  return { line, column: offset - index.starts[line - 1] + 1, offset };
}

/** A jump in the source map longer than this leaves the text the span began in (a page read out of order). */
const MAX_GAP = 120;

/**
 * The original characters of m.text[start, end): from the first to just after the last of them. Repair
 * joins wrapped lines over page furniture (kept inside the span), and reads a misplaced page after its
 * cover: at such a jump the span ends, so that it never covers text the record was not read from.
 */
export function spanOf(m: Mapped, start: number, end: number, index: LineIndex): Span | undefined {
  let lo = Infinity;
  let hi = -1;
  // within a run the offsets go on one by one: only its first character can jump
  m.eachRun(start, end, (from, n) => {
    if (from < 0) return;
    if (hi >= 0 && (from > hi + MAX_GAP || from < lo - MAX_GAP)) return false;
    if (from < lo) lo = from;
    if (from + n - 1 > hi) hi = from + n - 1;
  });
  if (hi < 0) return undefined;
  return { start: pointAt(index, lo), end: pointAt(index, hi + 1) };
}

/** The span of the first occurrence of `needle` in m.text at or after `from`, if any. */
export function spanOfText(m: Mapped, needle: string, index: LineIndex, from = 0): Span | undefined {
  if (!needle) return undefined;
  const at = m.text.indexOf(needle, from);
  return at < 0 ? undefined : spanOf(m, at, at + needle.length, index);
}

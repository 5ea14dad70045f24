// Text that remembers where every character came from: the source map of the repair layer.
// `origin(i)` is the offset, in the original text, of the character that produced text[i].
//
// The map is kept as runs, not one offset per character: repair keeps most of a line as it was, so a
// line's characters come from one or a few stretches of the original (a 50 MB text's maps took 4 bytes
// a character as typed arrays, more than the text itself). Run k covers text[at_k, at_k+1) and maps
// text[at_k + j] to from_k + j; from_k = -1: characters with no origin. Flattened in one array of small
// integers, [at_0, from_0, at_1, from_1, …], with at_0 = 0 and no run that merely goes on from the last.

import type { SourcePos } from '../model/records.js';

export class Mapped {
  /** The runs when there are several; else undefined, and `from` is the one run's first offset. */
  private readonly runs: readonly number[] | undefined;
  private readonly from: number;

  /** Use Mapped.original, slice, replace or a MappedBuilder: `runs` must be as described above. */
  constructor(
    readonly text: string,
    runs: readonly number[],
  ) {
    // most lines are one run: no array for them (half the memory of a line's map)
    this.runs = runs.length > 2 ? runs : undefined;
    this.from = runs.length ? runs[1] : -1;
  }

  /** A piece of the original text, starting at original offset `start`. */
  static original(text: string, start: number): Mapped {
    return new Mapped(text, text.length ? [0, start] : []);
  }

  static readonly empty = new Mapped('', []);

  get length(): number {
    return this.text.length;
  }

  /** Index in `runs` of the run holding character i (0 ≤ i < length). */
  private runAt(runs: readonly number[], i: number): number {
    let lo = 0;
    let hi = (runs.length >> 1) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[2 * mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return 2 * lo;
  }

  /** Original offset of character i (clamped; -1 for empty text and for characters with no origin). */
  origin(i: number): number {
    const n = this.text.length;
    if (n === 0) return -1;
    i = Math.max(0, Math.min(i, n - 1));
    const r = this.runs;
    if (!r) return this.from < 0 ? -1 : this.from + i;
    const k = this.runAt(r, i);
    return r[k + 1] < 0 ? -1 : r[k + 1] + i - r[k];
  }

  /**
   * Calls fn(from, length) for each stretch of consecutive original offsets that text[start, end) maps
   * to, in order (from = -1: characters with no origin).
   */
  eachRun(start: number, end: number, fn: (from: number, length: number) => boolean | void): void {
    end = Math.min(end, this.text.length);
    start = Math.max(0, start);
    if (start >= end) return;
    const r = this.runs;
    if (!r) {
      fn(this.from < 0 ? -1 : this.from + start, end - start);
      return;
    }
    for (let k = this.runAt(r, start); k < r.length && r[k] < end; k += 2) {
      const a = Math.max(start, r[k]);
      const b = Math.min(end, k + 2 < r.length ? r[k + 2] : this.text.length);
      const from = r[k + 1];
      if (fn(from < 0 ? -1 : from + a - r[k], b - a) === false) return;
    }
  }

  slice(start: number, end = this.text.length): Mapped {
    // the bounds as String.prototype.slice reads them (negative: from the end)
    const n = this.text.length;
    const a = start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
    const b = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
    return new MappedBuilder().appendSlice(this, a, b).build();
  }

  static concat(parts: Mapped[]): Mapped {
    const b = new MappedBuilder();
    for (const p of parts) b.append(p);
    return b.build();
  }

  /**
   * Replace every match of `re` (must be global) by `fn(match)`. Replacement characters map to the
   * matched original characters position by position (the last one repeated when longer).
   */
  replace(re: RegExp, fn: (m: RegExpExecArray) => string): Mapped {
    if (!re.global) throw new Error('Mapped.replace needs a global RegExp');
    const b = new MappedBuilder();
    let last = 0;
    re.lastIndex = 0;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const rep = fn(m);
      if (rep === m[0]) continue;
      b.appendSlice(this, last, m.index);
      b.appendReplacement(rep, this, m.index, m.index + m[0].length);
      last = m.index + m[0].length;
    }
    if (last === 0) return this;
    b.appendSlice(this, last);
    return b.build();
  }
}

export class MappedBuilder {
  private parts: string[] = [];
  private runs: number[] = [];
  private len = 0;

  append(m: Mapped): this {
    return this.appendSlice(m, 0);
  }

  /** Appends m.slice(start, end) without making it. */
  appendSlice(m: Mapped, start: number, end = m.length): this {
    end = Math.min(end, m.length);
    if (end <= start) return this;
    this.parts.push(start === 0 && end === m.length ? m.text : m.text.slice(start, end));
    m.eachRun(start, end, (from, n) => void this.run(from, n));
    return this;
  }

  /**
   * Text that replaces the characters m.text[start, end): its characters map to theirs position by
   * position, the last one repeated when the text is longer.
   */
  appendReplacement(text: string, m: Mapped, start: number, end: number): this {
    if (!text.length) return this;
    this.parts.push(text);
    const k = Math.min(text.length, end - start);
    if (k <= 0) return this.run(-1, text.length);
    m.eachRun(start, start + k, (from, n) => void this.run(from, n));
    const last = m.origin(start + k - 1);
    for (let i = k; i < text.length; i++) this.run(last, 1);
    return this;
  }

  /** n more characters from original offsets from, from + 1, … (from = -1: no origin). */
  private run(from: number, n: number): this {
    const r = this.runs;
    const k = r.length - 2;
    const goesOn = k >= 0 && (from < 0 ? r[k + 1] < 0 : r[k + 1] >= 0 && r[k + 1] + this.len - r[k] === from);
    if (!goesOn) r.push(this.len, from < 0 ? -1 : from);
    this.len += n;
    return this;
  }

  build(): Mapped {
    // kept at its exact size: the array grown by push has room for 17 (a line has one or two runs)
    const runs = this.runs.length > 2 ? this.runs.slice() : this.runs;
    return new Mapped(this.parts.length === 1 ? this.parts[0] : this.parts.join(''), runs);
  }
}

/** Offsets ↔ (line, column) of an original text. */
export class LineIndex {
  /** starts[k] = offset where line k+1 begins. */
  readonly starts: Int32Array;

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = Int32Array.from(starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  pos(offset: number): SourcePos {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line - 1] + 1 };
  }

  /** The text of a 1-based line, without its newline. */
  line(n: number): string {
    const start = this.starts[n - 1];
    const end = n < this.starts.length ? this.starts[n] - 1 : this.text.length;
    return this.text.slice(start, end);
  }
}

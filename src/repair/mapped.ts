// Text that remembers where every character came from: the source map of the repair layer.
// `map[i]` is the offset, in the original text, of the character that produced text[i].

import type { SourcePos } from '../model/records.js';

// Source maps are cut from shared slabs: a typed array of its own per line (off the heap past 16
// offsets) cost more to allocate and collect than the repair of the line. A map is never written once
// its Mapped is made, and a slab is only cut forward, so no map sees another's offsets; a slab is
// freed when the last map cut from it is.
const SLAB = 1 << 16;
let slab = new Int32Array(SLAB);
let slabAt = 0;

/** A zeroed map of n offsets. */
export function newMap(n: number): Int32Array {
  if (n > SLAB >> 4) return new Int32Array(n);
  if (slabAt + n > slab.length) {
    slab = new Int32Array(SLAB);
    slabAt = 0;
  }
  const map = slab.subarray(slabAt, slabAt + n);
  slabAt += n;
  return map;
}

export class Mapped {
  constructor(
    readonly text: string,
    readonly map: Int32Array,
  ) {
    if (map.length !== text.length) throw new Error(`source map length ${map.length} ≠ text length ${text.length}`);
  }

  /** A piece of the original text, starting at original offset `start`. */
  static original(text: string, start: number): Mapped {
    const map = newMap(text.length);
    for (let i = 0; i < map.length; i++) map[i] = start + i;
    return new Mapped(text, map);
  }

  static readonly empty = new Mapped('', new Int32Array(0));

  get length(): number {
    return this.text.length;
  }

  slice(start: number, end = this.text.length): Mapped {
    // the bounds as String.prototype.slice reads them (negative: from the end)
    const n = this.text.length;
    const a = start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
    const b = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
    const map = newMap(Math.max(b - a, 0));
    for (let i = a; i < b; i++) map[i - a] = this.map[i];
    return new Mapped(this.text.slice(a, b), map);
  }

  /** Original offset of character i (clamped; -1 for empty text). */
  origin(i: number): number {
    if (this.map.length === 0) return -1;
    return this.map[Math.max(0, Math.min(i, this.map.length - 1))];
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
      b.appendReplacement(rep, this.map.subarray(m.index, m.index + m[0].length));
      last = m.index + m[0].length;
    }
    if (last === 0) return this;
    b.appendSlice(this, last);
    return b.build();
  }
}

export class MappedBuilder {
  private parts: string[] = [];
  private maps: Int32Array[] = [];
  private froms: number[] = []; // where each part's offsets begin in its map
  private len = 0;

  append(m: Mapped): this {
    return this.appendSlice(m, 0);
  }

  /** Appends m.slice(start, end) without making it: its offsets are copied once, by build. */
  appendSlice(m: Mapped, start: number, end = m.length): this {
    end = Math.min(end, m.length);
    if (end > start) {
      this.parts.push(start === 0 && end === m.length ? m.text : m.text.slice(start, end));
      this.maps.push(m.map);
      this.froms.push(start);
      this.len += end - start;
    }
    return this;
  }

  /** Text that replaces original characters whose offsets are `origins`. */
  appendReplacement(text: string, origins: Int32Array): this {
    if (!text.length) return this;
    const map = newMap(text.length);
    for (let i = 0; i < text.length; i++) map[i] = origins.length ? origins[Math.min(i, origins.length - 1)] : -1;
    this.parts.push(text);
    this.maps.push(map);
    this.froms.push(0);
    this.len += text.length;
    return this;
  }

  build(): Mapped {
    const map = newMap(this.len);
    let at = 0;
    for (let k = 0; k < this.maps.length; k++) {
      const src = this.maps[k];
      const from = this.froms[k];
      const n = this.parts[k].length;
      if (from === 0 && n === src.length) map.set(src, at);
      else for (let j = 0; j < n; j++) map[at + j] = src[from + j];
      at += n;
    }
    return new Mapped(this.parts.join(''), map);
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

// Bold text doubled by the PDF: a bold span is drawn twice, and text extraction returns each chunk
// twice in a row: "（责任单位：（责任单位：市自然资源局）市自然资源局）", "拟成立拟成立44个教育集团：个教育集团："
// (= 拟成立4个教育集团：). A repeated chunk of two or more characters with an ideograph in it is a
// "strong" double and is collapsed; short doubles without ideographs ("1.1.", "44") are collapsed only
// right next to a strong one. Single-character repetitions (层层, 处处) and the reduplicated words of
// vocab/legit-doubles.json are real Chinese and stay.
import { isIdeograph } from './chars.js';
import { Mapped, MappedBuilder } from './mapped.js';
import { vocab } from '../vocab/load.js';

const MAX_CHUNK = 48;
const MAX_WEAK = 4;
let legit: Set<string> | undefined;
const legitDoubles = () => (legit ??= new Set(vocab<{ words: string[] }>('legit-doubles').words));

const HASH = 1 << 10; // small enough to stay in the L1 cache: a collision only costs one more comparison
const lastAt = new Int32Array(HASH);
const stamp = new Int32Array(HASH);
let generation = 0;

/** Is s[i, i+L) === s[i+L, i+2L) a strong double (a chunk with an ideograph, not a real reduplication)? */
function isStrong(s: string, i: number, L: number): boolean {
  for (let k = 0; k < L; k++) if (s.charCodeAt(i + k) !== s.charCodeAt(i + L + k)) return false;
  const chunk = s.slice(i, i + L);
  return hasIdeograph(chunk) && !/^\s|\s$/.test(chunk) && !legitDoubles().has(chunk + chunk);
}

// scratch arrays of strongDoubles, grown as needed: every line is collapsed, and allocating two typed
// arrays per line cost more than filling them (their contents never outlive one call of collapse)
let strongScratch = new Int32Array(1024);
let prevScratch = new Int32Array(1024);

/**
 * strong[i] = length of the longest strong double starting at i (0 if none), for i < s.length (the
 * array may be longer). Only positions whose first two characters recur within MAX_CHUNK are tried:
 * linear in the text, whatever its length. Valid until the next call.
 */
function strongDoubles(s: string): Int32Array {
  const n = s.length;
  if (strongScratch.length < n) {
    strongScratch = new Int32Array(n * 2);
    prevScratch = new Int32Array(n * 2);
  }
  const strong = strongScratch;
  strong.fill(0, 0, n);
  if (n < 4) return strong;
  const prev = prevScratch;
  generation = (generation + 1) | 0;
  for (let p = 0; p + 1 < n; p++) {
    const h = (s.charCodeAt(p) * 31 + s.charCodeAt(p + 1)) & (HASH - 1);
    prev[p] = stamp[h] === generation ? lastAt[h] : -1;
    lastAt[h] = p;
    stamp[h] = generation;
    for (let q = prev[p]; q >= 0 && p - q <= MAX_CHUNK; q = prev[q]) {
      const L = p - q;
      if (L >= 2 && L > strong[q] && q + 2 * L <= n && isStrong(s, q, L)) strong[q] = L;
    }
  }
  return strong;
}

function hasIdeograph(s: string): boolean {
  for (const c of s) if (isIdeograph(c)) return true;
  return false;
}

/** Length of a weak double "YY" (|Y| ≤ MAX_WEAK) ending exactly at `end` in s, after `floor`, or 0. */
function weakBefore(s: string, end: number, floor: number): number {
  for (let L = Math.min(MAX_WEAK, (end - floor) >> 1); L >= 1; L--) {
    if (s.slice(end - 2 * L, end - L) === s.slice(end - L, end) && !/\s/.test(s.slice(end - L, end))) return L;
  }
  return 0;
}

/** A list ordinal drawn twice at the start of a line: "10.10. 健全…", "1.1. 推进…". */
const DOUBLED_ORDINAL = /^(\d{1,3}[.．、])\1(?=\s|[^\d])/;

/**
 * Collapses doubles that cross the joins of a paragraph's lines (each line was collapsed on its own):
 * only chunks starting shortly before a join can cross it.
 */
export function collapseAcrossJoins(m: Mapped, joins: number[]): Mapped {
  const near = new Uint8Array(m.length);
  for (const j of joins) near.fill(1, Math.max(0, j - 2 * MAX_CHUNK), j);
  return collapse(m, near).text;
}

/**
 * Collapses doubled chunks; `endsDoubled` tells that the text ends with a collapsed double. With
 * `startsAt`, only doubles starting where it holds 1 are collapsed.
 */
export function collapse(m: Mapped, startsAt?: Uint8Array): { text: Mapped; endsDoubled: boolean } {
  const s = m.text;
  const b = new MappedBuilder();
  let last = 0; // text before `last` has been emitted
  let prevStrongEnd = -1;
  const ord = DOUBLED_ORDINAL.exec(s);
  if (ord) {
    last = ord[1].length; // drop the first copy
  }
  const strong = strongDoubles(s);
  for (let i = last; i < s.length - 3; ) {
    const L = !startsAt || startsAt[i] === 1 ? strong[i] : 0;
    if (!L) {
      i++;
      continue;
    }
    // a weak double right before this strong one: "44" in "拟成立拟成立44个教育集团：个教育集团："
    const w = weakBefore(s, i, last);
    const from = i - 2 * w;
    const weakOk = w > 0 && (from === prevStrongEnd || from === 0 || /\s/.test(s[from - 1]));
    b.appendSlice(m, last, weakOk ? i - w : i);
    b.appendSlice(m, i, i + L);
    last = prevStrongEnd = i = i + 2 * L;
  }
  if (last === 0) return { text: m, endsDoubled: false };
  const endsDoubled = prevStrongEnd >= s.length - 1;
  b.appendSlice(m, last);
  return { text: b.build(), endsDoubled };
}

/** Collapses a short double at the very start ("是是建立" after a line that ended doubled). */
export function collapseLeadingWeak(m: Mapped): Mapped {
  for (let L = 2; L >= 1; L--) {
    if (m.length >= 2 * L + 1 && m.text.slice(0, L) === m.text.slice(L, 2 * L) && !/\s/.test(m.text.slice(0, L))) return m.slice(L);
  }
  return m;
}

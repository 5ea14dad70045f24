// Character classes and width forms: full-width letters and digits become half-width (NFKC where the
// meaning is kept), Chinese punctuation stays Chinese, and ASCII punctuation in Chinese text becomes Chinese.
import { Mapped } from './mapped.js';

/** Private-use marks the markdown repair leaves for bold start / end; later repairs see through them. */
export const BOLD_ON = '\uE000';
export const BOLD_OFF = '\uE001';

const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u00b7]/;

export const isIdeograph = (c: string | undefined): boolean => !!c && IDEOGRAPH.test(c);
/** An ideograph or a Chinese punctuation mark. */
export const isCjk = (c: string | undefined): boolean => !!c && (IDEOGRAPH.test(c) || CJK_PUNCT.test(c));

/** Display width in ideograph units: CJK 1, everything else ½. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += CJK_CODE[s.charCodeAt(i)] === 1 ? 1 : 0.5;
  return w;
}

/** isCjk by code unit, for hot loops (same classes as IDEOGRAPH and CJK_PUNCT). */
function isCjkCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2026 || c === 0x00b7
  );
}

/** isCjkCode of every code unit, in a table: displayWidth reads every character of every line. */
const CJK_CODE = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (isCjkCode(c)) CJK_CODE[c] = 1;

// Full-width forms kept as they are: Chinese punctuation (，。：；！？（）、《》…) and the range dash －.
const KEEP_FULLWIDTH = new Set('！，：；？（）［］｛｝－～、｜＜＞'.split(''));
// Characters NFKC would spoil: superscripts (m³), circled numbers (①), and ideographic punctuation.
const needsNfkc = (c: string): boolean => {
  const cp = c.codePointAt(0)!;
  if (cp >= 0xff01 && cp <= 0xff5e) return !KEEP_FULLWIDTH.has(c);
  return (cp >= 0x2f00 && cp <= 0x2fdf) || (cp >= 0xf900 && cp <= 0xfaff) || cp === 0x00b5;
};

const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// the characters needsNfkc changes, as one class: the kept Chinese punctuation (，（）：；, in every
// sentence) is never matched, so the replacement runs only where something changes
const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const WIDTH_CHANGED = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, k) => String.fromCharCode(0xff01 + k))
  .filter((c) => !KEEP_FULLWIDTH.has(c))
  .map((c) => hex(c.charCodeAt(0)))
  .join('');
const WIDTH = new RegExp(`[${WIDTH_CHANGED}\\u2f00-\\u2fdf\\uf900-\\ufaff\\u00b5]`, 'g');

const TO_CHINESE: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };
const ASCII_PUNCT = /[,:;!?()]/g;

/** Any character one of the steps below looks at: most lines have none, and are left as they are after one test. */
const ANY_CHANGE = new RegExp(`${INVISIBLE.source}|${SPACES.source}|${WIDTH.source}|[,:;!?()"]`);

/** Width forms, odd spaces, invisible characters, and ASCII punctuation inside Chinese text. */
export function normalizeChars(m: Mapped): Mapped {
  if (!ANY_CHANGE.test(m.text)) return m;
  let out = m.replace(INVISIBLE, () => '').replace(SPACES, () => ' ');
  out = out.replace(WIDTH, (x) => (needsNfkc(x[0]) ? x[0].normalize('NFKC') : x[0]));
  out = out.replace(/\(([^()\n]{0,80})\)/g, (x) => {
    // a pair of parentheses turns Chinese as a pair: when it stands in or holds Chinese text
    const inner = x[1];
    const cjk = isCjk(neighbour(x.input, x.index, -1)) || [...inner].some((c) => isIdeograph(c)) || isCjk(x.input[x.index + x[0].length]);
    return cjk ? `（${inner}）` : x[0];
  });
  out = out.replace(ASCII_PUNCT, (x) => {
    const s = x.input;
    const prev = neighbour(s, x.index, -1);
    const next = neighbour(s, x.index + 1, 1);
    const digitsAround = /\d/.test(prev ?? '') && /\d/.test(next ?? '');
    if (digitsAround) return x[0];
    // a separator between Chinese words, or after a number and before Chinese ("98%,满意率"), is Chinese
    const cjk = x[0] === '(' ? isCjk(next) || isIdeograph(prev) : x[0] === ')' ? isCjk(prev) || isIdeograph(next) : isCjk(prev) || (x[0] !== ':' && isIdeograph(next));
    return cjk ? TO_CHINESE[x[0]] : x[0];
  });
  return chineseQuotes(out);
}

/** The nearest non-space character before (dir -1, from i-1) or after (dir 1, from i). */
export function neighbour(s: string, i: number, dir: 1 | -1): string | undefined {
  for (let j = dir < 0 ? i - 1 : i; j >= 0 && j < s.length; j += dir) {
    const c = s[j];
    if (c !== ' ' && c !== BOLD_ON && c !== BOLD_OFF) return c;
  }
  return undefined;
}

/** Straight double quotes in a line with Chinese become “ ” alternately. */
function chineseQuotes(m: Mapped): Mapped {
  if (!m.text.includes('"') || !IDEOGRAPH.test(m.text)) return m;
  let open = true;
  return m.replace(/"/g, () => {
    const q = open ? '“' : '”';
    open = !open;
    return q;
  });
}

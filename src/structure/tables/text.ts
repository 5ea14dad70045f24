// Small text helpers shared by the table parsers: cells of a tab row, space squashing, row numbers,
// captions, notes and units in indicator names.

export interface Line {
  text: string;
  line: number;
}

/** Remove whitespace except a single space between two ASCII letters/digits ("1.9 42.33"). */
export function squash(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, (m: string, i: number, str: string) =>
      /[A-Za-z0-9.%]/.test(str[i - 1] ?? '') && /[A-Za-z0-9]/.test(str[i + m.length] ?? '') ? ' ' : '',
    )
    .trim();
}

/** Remove all whitespace (headers, categories, labels). */
export const bare = (s: string): string => s.replace(/[\s\u3000]+/g, '');

export const isTabRow = (text: string): boolean => text.includes('\t') && text.replace(/\t/g, '').trim() !== '';

export const cellsOf = (text: string): string[] => text.split('\t').map(squash);

const FULLWIDTH_DIGIT = /[０-９]/g;
export const asciiDigits = (s: string): string =>
  s.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

const CJK = /[\u3400-\u9fff]/;
export const hasCjk = (s: string): boolean => CJK.test(s);

// ---- captions ----

export interface Caption {
  label: string; // normalised: "表 2-1", "附表 1"
  title: string;
  continued: boolean; // 续表
}

const CAPTION =
  /^(续)?\s*(附件表|附表|表)\s*([0-9０-９]+(?:\s*[-－—–‐.．]\s*[0-9０-９]+)*|[一二三四五六七八九十]+)(?![0-9０-９])\s*[:：、.．]?\s*(.*)$/;

export function parseCaption(text: string): Caption | undefined {
  const t = text.trim();
  const m = CAPTION.exec(t);
  if (!m) return undefined;
  const title = bare(m[4]);
  if (title.length > 60 || /[。；;]$/.test(title) || /^[，,。、]/.test(title)) return undefined;
  const num = asciiDigits(bare(m[3])).replace(/[－—–‐]/g, '-').replace(/．/g, '.');
  return { label: `${m[2]} ${num}`, title, continued: !!m[1] };
}

/** "续表" alone or "续表 2-1" (a continuation marker inside a table). */
export const isContinuedMarker = (text: string): boolean => /^续表/.test(bare(text)) && bare(text).length <= 30;

/** A page number line: "12", "- 12 -", "—12—", "第 3 页". */
export const isPageNumber = (text: string): boolean =>
  /^[-—－–\s]*[0-9]{1,4}[-—－–\s]*$/.test(text.trim()) || /^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$/.test(text.trim());

// ---- notes ----

export const isNoteStart = (text: string): boolean =>
  /^(注|备注|说明|资料来源|数据来源|注释)\s*\d*\s*[:：]/.test(text.trim()) || /^注\s*[0-9①②③]/.test(text.trim());

export const endsSentence = (text: string): boolean => /[。！？!?]\s*$/.test(text);

// ---- row numbers ----

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * The row number printed at the start of a name ("1.", "12、", "（3）", "①"), and the rest.
 * `expected` (previous number + 1) settles "21.3岁以下…" (21 followed by a name starting with a digit).
 */
export function splitNumber(cell: string, expected?: number): { no: string; rest: string } | undefined {
  const s = cell.trim();
  let m = /^(\d{1,3})\s*[.．、]\s*/.exec(s);
  if (m) {
    const rest = s.slice(m[0].length);
    if (rest === '') return undefined;
    const tight = /^\d/.test(rest) && !/\s/.test(m[0]);
    if (/^\d/.test(rest) && /[.．]/.test(m[0]) && tight && Number(m[1]) !== (expected ?? 1)) return undefined;
    if (!hasCjk(rest) && !/^[A-Za-z]/.test(rest)) return undefined;
    return { no: m[1], rest };
  }
  m = /^[（(](\d{1,3})[）)]\s*/.exec(s);
  if (m && hasCjk(s.slice(m[0].length))) return { no: m[1], rest: s.slice(m[0].length) };
  const c = CIRCLED.indexOf(s[0] ?? '');
  if (c >= 0 && hasCjk(s.slice(1))) return { no: String(c + 1), rest: s.slice(1).trim() };
  return undefined;
}

export const isInteger = (s: string): boolean => /^\d{1,4}$/.test(s.trim());

// ---- units ----

const UNIT_CJK =
  '万亿千百十元美人件个岁亩瓦吨米克年月日天次户家项所张床辆台套座公里平方立方标准煤时度倍名位处条宗册本份部只头匹株栋间场批期例班列箱斤升分钟秒小毫微兆焦点顷车起周篇门辆座股笔单艘架吨公';

/** Is the text inside a name's last bracket a unit ("万元/人", "%", "μg/m³", "PFLOPS")? */
export function isUnitLike(inner: string): boolean {
  const s = bare(inner);
  if (!s || s.length > 12) return false;
  if (/^[一—–\-－/／无]$/.test(s)) return true;
  if (/[A-Za-z]+\d*\.\d/.test(s) || /&/.test(s)) return false; // PM2.5, R&D
  if (/(^|[^A-Za-z\d])\d/.test(s)) return false; // digits only as exponents after letters (m3)
  for (const ch of s) {
    if (/[A-Za-zμµ³²%‰/·.\d]/.test(ch)) continue;
    if (!UNIT_CJK.includes(ch)) return false;
  }
  return true;
}

/** Take the unit out of a name's trailing bracket: "全员劳动生产率（万元/人）" → name, "万元/人". */
export function splitUnit(name: string): { name: string; unit: string; hasUnit: boolean } {
  const m = /[（(]([^（）()]*)[）)]\s*$/.exec(name);
  if (!m || !isUnitLike(m[1])) return { name, unit: '', hasUnit: false };
  const inner = bare(m[1]);
  const unit = /^[一—–\-－/／无]$/.test(inner) ? '' : inner;
  return { name: name.slice(0, m.index).trim(), unit, hasUnit: true };
}

/** Join two pieces of a wrapped cell: no space, except between two ASCII letters/digits. */
export function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return squash(`${a} ${b}`);
}

// Shapes of official-document lines (公文格式), shared by bundle splitting and metadata.

/** 发文字号: 格政办发〔2025〕23号 (brackets as printed: 〔〕 [] （） ［］). */
export const DOC_NUMBER = /([\u4e00-\u9fa5]{1,12})[〔［\[(（](\d{4})[〕］\])）](\d{1,4})号/;
export const DOC_NUMBER_LINE = new RegExp(`^${DOC_NUMBER.source}$`);

/** An organisation's name alone on a line: the issuer above a title or above a date. */
export const ORG_LINE =
  /^[\u4e00-\u9fa5（）]{2,40}(?:人民政府|人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|委员会|管理委员会|办公室|办公厅|局|厅|委|署|院|会)$/;

const CN_DIGIT = '〇零一二三四五六七八九十';
/** A date alone on a line: 2025年4月28日 or 二〇二五年四月二十八日. */
export const DATE_LINE = new RegExp(`^(?:\\d{4}|[${CN_DIGIT}]{4})年(?:\\d{1,2}|[${CN_DIGIT}]{1,3})月(?:\\d{1,2}|[${CN_DIGIT}]{1,3})日$`);
export const DATE = new RegExp(`(\\d{4}|[${CN_DIGIT}]{4})年(\\d{1,2}|[${CN_DIGIT}]{1,3})月(\\d{1,2}|[${CN_DIGIT}]{1,3})日`);

/** Punctuation that closes a sentence or a clause at the end of a line. */
export const TERMINAL = /[。！？；：…”）)]$/;

const CN_VALUE: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 2025 / 二〇二五 → 2025; 12 / 十二 / 二十八 → number. */
export function dateNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4 && !s.includes('十')) return Number([...s].map((c) => CN_VALUE[c]).join(''));
  const [tens, ones] = s.split('十');
  if (!s.includes('十')) return CN_VALUE[s] ?? NaN;
  return (tens ? CN_VALUE[tens] : 1) * 10 + (ones ? CN_VALUE[ones] : 0);
}

/** ISO date of the first date in a text, or undefined. */
export function isoDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [dateNumber(m[1]), dateNumber(m[2]), dateNumber(m[3])];
  if (!(y > 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 发文字号 in its standard form with 〔〕. */
export function normalizeDocNumber(text: string): string | undefined {
  const m = DOC_NUMBER.exec(text);
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : undefined;
}

// Arguments of the lantu command checked before anything runs (commander argument parsers): a bad
// year, date or format is a usage error — a message in Chinese and English, exit code 2 — instead of
// an empty table or a silent default.
import { InvalidArgumentError } from 'commander';

/** A year such as 2025 (1949–2100), as a string (the commands take it as given). */
export function parseYear(v: string): string {
  const n = Number(v);
  if (!/^\d{4}$/.test(v) || n < 1949 || n > 2100) throw new InvalidArgumentError(`“${v}”不是年份，应为 1949–2100 的四位数字，如 2025 / not a year: write it as 2025`);
  return v;
}

/** An ISO calendar day that exists (2025-06-30; not 2025-13-45 or 2025-02-30). */
export function parseDate(v: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
  if (!ok) throw new InvalidArgumentError(`“${v}”不是有效日期，应写作 YYYY-MM-DD，如 2025-06-30 / not a date: write it as 2025-06-30`);
  return v;
}

/** One of a fixed list of words (formats, report types), compared without case. */
export function parseChoice(choices: readonly string[]) {
  return (v: string): string => {
    const c = choices.find((x) => x === v.toLowerCase());
    if (!c) throw new InvalidArgumentError(`“${v}”不是可选值（${choices.join('、')}） / must be one of ${choices.join(', ')}`);
    return c;
  };
}

/** A number (a value in an indicator's unit). */
export function parseNumber(v: string): string {
  if (v.trim() === '' || !Number.isFinite(Number(v))) throw new InvalidArgumentError(`“${v}”不是数字 / not a number`);
  return v;
}

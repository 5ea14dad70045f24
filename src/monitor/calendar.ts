// The reporting calendar, pure (no store, no clock): the dates on which units report, from the deadlines of
// the task-division plans — recurring rules as src/extract/deadlines.ts writes them (每月20日前 → monthly:20,
// 每季度末 → quarterly, 每年底前 → yearly …) and one-off dates — and which of them to remind of on a day:
// before a date (REMIND_BEFORE_DAYS) and after it when the unit has reported nothing since the previous one.

/** Reminded this many days before a reporting date … */
export const REMIND_BEFORE_DAYS = 3;
/** … and for this many days after it, while nothing was reported. */
export const REMIND_AFTER_DAYS = 7;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(Math.min(d, lastDay(y, m)))}`;
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);

/** The dates of one year that a rule names, in order; [] for a rule this calendar does not know. */
function datesOfYear(rule: string, y: number): string[] {
  const [kind, arg] = rule.split(':');
  const months = (ms: number[], d: (m: number) => number) => ms.map((m) => day(y, m, d(m)));
  const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  switch (kind) {
    case 'monthly':
      return arg && arg !== 'end' ? months(all, () => Number(arg)) : months(all, (m) => lastDay(y, m));
    case 'quarterly': // 每季度末; 每季度结束后10日前: the 10th of the month after the quarter
      return arg ? months([1, 4, 7, 10], () => Number(arg)) : months([3, 6, 9, 12], (m) => lastDay(y, m));
    case 'semiannual':
      return [day(y, 6, 30), day(y, 12, 31)];
    case 'yearly': {
      if (!arg) return [day(y, 12, 31)];
      const [m, d] = arg.split('-').map(Number);
      return m >= 1 && m <= 12 ? [day(y, m, d)] : [];
    }
    case 'weekly': {
      // every Friday
      const out: string[] = [];
      for (let d = `${y}-01-01`; d.startsWith(String(y)); d = plusDays(d, 1)) if (new Date(`${d}T00:00:00Z`).getUTCDay() === 5) out.push(d);
      return out;
    }
    default:
      return [];
  }
}

/** The dates a rule names from `from` to `to` (ISO days, both included). */
export function occurrences(rule: string, from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(...datesOfYear(rule, y).filter((d) => d >= from && d <= to));
  return out;
}

/** The last date a rule names before `date` (a year back at most): where its reporting period began. */
export function previousOccurrence(rule: string, date: string): string | undefined {
  return occurrences(rule, plusDays(date, -366), plusDays(date, -1)).at(-1);
}

export interface CalendarTask {
  id: string;
  title: string;
  units: string[];
  documentId: string;
  line: number;
  deadlineText: string | null;
  deadlineDate: string | null;
  deadlineRule: string | null;
}

export interface CalendarEntry {
  date: string;
  taskId: string;
  title: string;
  units: string[];
  documentId: string;
  line: number;
  /** As the plan writes it: 每月20日前. */
  text: string;
  recurring: boolean;
  /** Where this date's reporting period began (the previous date of a recurring rule). */
  since?: string;
}

/** Every reporting date of these tasks from `from` to `to`, in date order. */
export function reportingCalendar(tasks: CalendarTask[], from: string, to: string): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  for (const t of tasks) {
    const base = { taskId: t.id, title: t.title, units: t.units, documentId: t.documentId, line: t.line, text: t.deadlineText ?? '' };
    if (t.deadlineRule)
      for (const date of occurrences(t.deadlineRule, from, to)) out.push({ ...base, date, recurring: true, since: previousOccurrence(t.deadlineRule, date) });
    else if (t.deadlineDate && t.deadlineDate >= from && t.deadlineDate <= to) out.push({ ...base, date: t.deadlineDate, recurring: false });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'zh'));
}

export type CalendarPhase = 'before' | 'after';

export interface CalendarReminder extends CalendarEntry {
  phase: CalendarPhase;
  unit: string;
  days: number;
}

/**
 * What to remind each unit of on `today`: dates within REMIND_BEFORE_DAYS ahead ('before'), and dates up to
 * REMIND_AFTER_DAYS past for which the unit has reported nothing since the period began ('after').
 * `reported(taskId, unit, since)`: has the unit submitted an update for the task after `since` (ISO day)?
 */
export function calendarReminders(tasks: CalendarTask[], today: string, reported: (taskId: string, unit: string, since: string | undefined) => boolean): CalendarReminder[] {
  const out: CalendarReminder[] = [];
  for (const e of reportingCalendar(tasks, plusDays(today, -REMIND_AFTER_DAYS), plusDays(today, REMIND_BEFORE_DAYS))) {
    const days = Math.round((Date.parse(`${e.date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400e3);
    for (const unit of e.units) {
      if (days >= 0) out.push({ ...e, phase: 'before', unit, days });
      else if (!reported(e.taskId, unit, e.since)) out.push({ ...e, phase: 'after', unit, days });
    }
  }
  return out;
}

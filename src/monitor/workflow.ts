// The reporting workflow's rules, pure (no store, no clock): when a task is due, overdue or escalated,
// which units a target belongs to, and what each user is reminded of on a given day.
// Dates are ISO days (YYYY-MM-DD); `today` is always passed in.

/** A task is "due" this many days before its deadline. */
export const DUE_WINDOW_DAYS = 14;
/** A task overdue for more than this many days is escalated (shown to supervisors and leaders too). */
export const ESCALATE_AFTER_DAYS = 30;

export type Role = 'admin' | 'planner' | 'department' | 'supervisor' | 'leader';
export type DeadlineState = 'none' | 'done' | 'later' | 'due' | 'overdue' | 'escalated';

/** Today's date where the server runs, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Days from `today` to `date` (negative when the date has passed). */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date.slice(0, 10)}T00:00:00Z`) - Date.parse(`${today.slice(0, 10)}T00:00:00Z`)) / 86400e3);
}

/** Where a deadline stands: a task with an approved update is done, whatever its deadline. */
export function deadlineState(deadline: string | null, today: string, done = false): DeadlineState {
  if (done) return 'done';
  if (!deadline) return 'none';
  const d = daysUntil(deadline, today);
  if (d < -ESCALATE_AFTER_DAYS) return 'escalated';
  if (d < 0) return 'overdue';
  return d <= DUE_WINDOW_DAYS ? 'due' : 'later';
}

export interface WfTask {
  id: string;
  title: string;
  deadline: string | null;
  units: string[];
  /** Has an approved progress update. */
  approved: boolean;
}

export interface WfUpdate {
  id: string;
  subjectKind: string;
  subjectId: string;
  unit: string;
  status: string; // submitted / approved / returned
  title: string; // of the task or target
  comment: string | null;
}

export interface WfNotice {
  id: string;
  unit: string;
  status: string; // issued / replied / closed
  replyDeadline: string;
  text: string;
}

/** Where a task starts in its document, and its units. */
export interface TaskLine {
  documentId: string;
  line: number;
  units: string[];
}

/**
 * The units a target belongs to: a target set in a document with tasks (a 任务分工方案) belongs to the
 * task under which its line stands (the last task starting at or before that line); a target before
 * the first task, or in a document without tasks (a plan, a report), belongs to no unit — only
 * planners and administrators report for it.
 */
export function targetUnits(target: { documentId: string | null; line: number | null }, tasks: TaskLine[]): string[] {
  if (!target.documentId || target.line === null) return [];
  let best: TaskLine | undefined;
  for (const t of tasks) if (t.documentId === target.documentId && t.line <= target.line && (!best || t.line > best.line)) best = t;
  return best ? [...new Set(best.units)] : [];
}

export type ReminderKind = 'due' | 'overdue' | 'escalated' | 'returned' | 'notice' | 'review' | 'notice_overdue' | 'replied' | 'report' | 'report_late';

/** A date of the reporting calendar to remind a unit of (see calendar.ts: before it, or after it unreported). */
export interface WfReport {
  phase: 'before' | 'after';
  taskId: string;
  title: string;
  unit: string;
  date: string;
  days: number;
  recurring: boolean;
}

export interface Reminder {
  kind: ReminderKind;
  /** The task, update or notice. */
  id: string;
  title: string;
  unit?: string;
  /** The deadline the reminder is about, and the days left (negative: overdue). */
  date?: string;
  days?: number;
  comment?: string | null;
  /** For a report: the task. */
  taskId?: string;
}

export interface Who {
  role: Role;
  units: string[];
}

/**
 * What a user is reminded of on a day:
 * - department users: their units' tasks due within 14 days, overdue (escalated after 30 days),
 *   their updates returned for changes, notices still to reply to, and the reporting calendar's recurring
 *   dates (a one-off date is a task's deadline, above) just ahead or just past and unreported;
 * - planners and administrators: updates waiting for review;
 * - supervisors, leaders and administrators: notices past their reply deadline, and escalated tasks;
 *   supervisors and administrators: notices replied to, until they close them.
 * Most urgent first.
 */
export function reminders(who: Who, today: string, data: { tasks: WfTask[]; updates: WfUpdate[]; notices: WfNotice[]; reports?: WfReport[] }): Reminder[] {
  const out: Reminder[] = [];
  const mine = (unit: string) => who.units.includes(unit);
  if (who.role === 'department') {
    for (const t of data.tasks) {
      if (!t.units.some(mine)) continue;
      const s = deadlineState(t.deadline, today, t.approved);
      if (s === 'due' || s === 'overdue' || s === 'escalated') out.push({ kind: s, id: t.id, title: t.title, unit: t.units.find(mine), date: t.deadline!, days: daysUntil(t.deadline!, today) });
    }
    for (const u of data.updates) if (u.status === 'returned' && mine(u.unit)) out.push({ kind: 'returned', id: u.id, title: u.title, unit: u.unit, comment: u.comment });
    for (const n of data.notices)
      if (n.status === 'issued' && mine(n.unit)) out.push({ kind: 'notice', id: n.id, title: n.text, unit: n.unit, date: n.replyDeadline, days: daysUntil(n.replyDeadline, today) });
    for (const r of data.reports ?? [])
      if (r.recurring && mine(r.unit)) out.push({ kind: r.phase === 'before' ? 'report' : 'report_late', id: `${r.taskId}:${r.date}`, taskId: r.taskId, title: r.title, unit: r.unit, date: r.date, days: r.days });
  }
  if (who.role === 'planner' || who.role === 'admin') {
    for (const u of data.updates) if (u.status === 'submitted') out.push({ kind: 'review', id: u.id, title: u.title, unit: u.unit });
  }
  if (who.role === 'supervisor' || who.role === 'leader' || who.role === 'admin') {
    for (const n of data.notices) {
      const days = daysUntil(n.replyDeadline, today);
      if (n.status === 'issued' && days < 0) out.push({ kind: 'notice_overdue', id: n.id, title: n.text, unit: n.unit, date: n.replyDeadline, days });
      if (n.status === 'replied' && who.role !== 'leader') out.push({ kind: 'replied', id: n.id, title: n.text, unit: n.unit });
    }
    for (const t of data.tasks)
      if (deadlineState(t.deadline, today, t.approved) === 'escalated') out.push({ kind: 'escalated', id: t.id, title: t.title, unit: t.units[0], date: t.deadline!, days: daysUntil(t.deadline!, today) });
  }
  return out.sort((a, b) => (a.days ?? Infinity) - (b.days ?? Infinity));
}

/** Tasks past their deadline without an approved update. */
export function overdueTasks<T extends WfTask>(tasks: T[], today: string): T[] {
  return tasks.filter((t) => !t.approved && t.deadline !== null && daysUntil(t.deadline, today) < 0);
}

const PERIOD = /^(19|20)\d\d(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;
/** A reporting period: 2025, 2025-Q2, 2025-H1 or 2025-06. */
export const validPeriod = (p: string): boolean => PERIOD.test(p);

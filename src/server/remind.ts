// Reminders of the reporting calendar by e-mail: for each reporting date of the task-division plans,
// a mail to the department users of each responsible unit REMIND_BEFORE_DAYS before it, and one after
// it while the unit has reported nothing (src/monitor/calendar.ts). Each mail has a key in the outbox,
// so running this twice on a day (two servers, a cron job and a server) mails nobody twice.
// Run by `lantu serve` every hour under a lock of the store (startJobs), or by `lantu remind` from cron.
import type { Store } from '../store/db.js';
import { withLock } from '../store/lock.js';
import { calendarReminders, type CalendarReminder, type CalendarTask } from '../monitor/calendar.js';
import { localToday } from '../monitor/workflow.js';
import { Mailer, appLink, mailConfig, queueMail } from './mail.js';

/** The tasks with a deadline, as the calendar reads them. */
export async function calendarTasks(store: Store): Promise<CalendarTask[]> {
  const rows = await store.selectFrom('tasks').select(['id', 'title', 'document_id', 'line', 'deadline_text', 'deadline_date', 'deadline_rule'])
    .where((e) => e.or([e('deadline_rule', 'is not', null), e('deadline_date', 'is not', null)])).orderBy('document_id').orderBy('seq').execute();
  const units = new Map<string, string[]>();
  for (const u of await store.selectFrom('task_units').select(['task_id', 'unit']).orderBy('task_id').orderBy('seq').execute()) units.set(u.task_id, [...new Set([...(units.get(u.task_id) ?? []), u.unit])]);
  return rows.map((t) => ({ id: t.id, title: t.title, units: units.get(t.id) ?? [], documentId: t.document_id, line: t.line, deadlineText: t.deadline_text, deadlineDate: t.deadline_date, deadlineRule: t.deadline_rule }));
}

/** Has a unit submitted an update for a task after a day? Read once, asked for every reminder. */
export async function reportedSince(store: Store): Promise<(taskId: string, unit: string, since: string | undefined) => boolean> {
  const last = new Map<string, string>();
  for (const u of await store.selectFrom('updates').select(['subject_id', 'unit', 'submitted_at']).where('subject_kind', '=', 'task').execute()) {
    const k = `${u.subject_id}|${u.unit}`;
    if ((last.get(k) ?? '') < u.submitted_at) last.set(k, u.submitted_at);
  }
  return (taskId, unit, since) => {
    const l = last.get(`${taskId}|${unit}`);
    return !!l && (!since || l.slice(0, 10) > since);
  };
}

/** Today's calendar reminders, for every unit. */
export async function todaysCalendar(store: Store, today = localToday()): Promise<CalendarReminder[]> {
  return calendarReminders(await calendarTasks(store), today, await reportedSince(store));
}

function mailOf(r: CalendarReminder): { subject: string; text: string } {
  const when = r.phase === 'before' ? (r.days === 0 ? '今天' : `${r.days} 天后`) : `已过 ${-r.days} 天，尚未报送`;
  const subject = `【蓝图】${r.phase === 'before' ? '报送提醒' : '逾期未报送'}：${r.date}（${when}）${r.title.slice(0, 40)}`;
  const text = [
    `${r.unit}：`,
    '',
    `任务“${r.title}”要求${r.text || '按期'}报送进展，本次报送日为 ${r.date}（${when}）。`,
    r.phase === 'after' ? `自 ${r.since ?? '上次报送'} 以来，本单位尚未在系统中提交这项任务的进展。` : '请在报送日前在系统中提交进展。',
    '',
    `填报：${appLink('/my')}`,
    `原文：${appLink(`/documents/${encodeURIComponent(r.documentId)}#L${r.line}`)}`,
    '',
    '（蓝图·规划实施监测评估系统自动发送，请勿直接回复）',
  ].join('\n');
  return { subject, text };
}

/** Queues today's reminder mails; the number queued (those queued before are not queued again). */
export async function queueReminders(store: Store, today = localToday()): Promise<number> {
  const list = await todaysCalendar(store, today);
  if (!list.length) return 0;
  const users = (await store.selectFrom('users').select(['id', 'units', 'email']).where('role', '=', 'department').where('email', 'is not', null).execute())
    .map((u) => ({ id: u.id, email: u.email!, units: JSON.parse(u.units) as string[] }));
  let queued = 0;
  for (const r of list)
    for (const u of users.filter((x) => x.units.includes(r.unit)))
      if (await queueMail(store, { to: u.email, ...mailOf(r), key: `cal:${r.taskId}:${r.unit}:${r.date}:${r.phase}:${u.id}` })) queued++;
  return queued;
}

/** One round: reminders queued under the store's lock (a round another server holds is skipped), then sent. */
export async function remindRound(store: Store, mailer: Mailer | undefined, log: (line: string) => void, today = localToday()): Promise<{ queued: number; sent: number }> {
  let queued = 0;
  try {
    queued = await withLock(store, 'remind', () => queueReminders(store, today), { waitMs: 0, leaseMs: 5 * 60_000 });
  } catch (e) {
    if (!/is held by/.test((e as Error).message)) throw e;
    log('reminders: another server is queuing them now');
  }
  return { queued, sent: mailer ? await mailer.flush() : 0 };
}

/** What `lantu serve` runs in the background: the outbox sender, and the reminders every `remindEveryMs`. */
export function startJobs(store: Store, opts: { remindEveryMs?: number; log?: (line: string) => void } = {}): { stop(): Promise<void> } {
  const log = opts.log ?? ((l: string) => process.stderr.write(`lantu: ${l}\n`));
  const config = mailConfig();
  const mailer = config ? new Mailer(store, config, log) : undefined;
  if (!mailer) {
    log('no SMTP server configured (LANTU_SMTP_URL or LANTU_SMTP_HOST): reminders and notifications are shown in the application only');
    return { stop: async () => {} };
  }
  mailer.start();
  const round = () => void remindRound(store, mailer, log).catch((e: Error) => log(`reminders failed: ${e.message}`));
  const first = setTimeout(round, 10_000);
  const timer = setInterval(round, opts.remindEveryMs ?? 3600_000);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await mailer.stop();
    },
  };
}

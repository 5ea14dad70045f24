// `lantu remind`: one round of the reporting calendar's reminders, for cron (e.g. `0 8 * * * lantu remind`)
// where no `lantu serve` runs them: queues today's reminder mails (each once: a second run the same day
// queues none) and sends every mail due in the outbox through LANTU_SMTP_URL / LANTU_SMTP_HOST.
import { openStore } from '../store/db.js';
import { Mailer, mailConfig } from '../server/mail.js';
import { remindRound } from '../server/remind.js';

export async function runRemind(opts: { date?: string } = {}): Promise<number> {
  const config = mailConfig();
  if (!config) {
    process.stderr.write('lantu remind: no SMTP server configured — set LANTU_SMTP_URL (or LANTU_SMTP_HOST, LANTU_SMTP_PORT, LANTU_SMTP_USER, LANTU_SMTP_PASS) and LANTU_MAIL_FROM\n');
    return 2;
  }
  if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) {
    process.stderr.write(`lantu remind: --date ${opts.date}: expected YYYY-MM-DD\n`);
    return 2;
  }
  const store = await openStore();
  const mailer = new Mailer(store, config, (l) => process.stderr.write(`lantu remind: ${l}\n`));
  try {
    const r = await remindRound(store, mailer, (l) => process.stderr.write(`lantu remind: ${l}\n`), opts.date);
    process.stdout.write(`reminders queued: ${r.queued}; mails sent: ${r.sent}\n`);
    return 0;
  } finally {
    await mailer.stop();
    await store.destroy();
  }
}

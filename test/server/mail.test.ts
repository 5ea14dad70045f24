// E-mail against an SMTP server started by the test (smtp-server): the outbox's mails are delivered
// with their sender, recipient, subject and text; the reporting calendar's reminders are queued once
// for the unit's users with an address, however often the job runs; a failing server is retried later,
// logged, never thrown.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { PASSWORD, testApp, type TestApp } from './helpers.js';
import { createUser } from '../../src/server/auth.js';
import { Mailer, mailConfig, queueMail } from '../../src/server/mail.js';
import { queueReminders, remindRound } from '../../src/server/remind.js';
import { withLock } from '../../src/store/lock.js';

interface Received { from: string; to: string[]; data: string }
let t: TestApp;
let server: SMTPServer;
let port: number;
let refuse = false;
const received: Received[] = [];

before(async () => {
  t = await testApp();
  server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse) return done(Object.assign(new Error('mailbox unavailable'), { responseCode: 450 }));
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.server.address() as AddressInfo).port;
});
after(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await t.close();
});

const config = () => mailConfig({ LANTU_SMTP_URL: `smtp://127.0.0.1:${port}`, LANTU_MAIL_FROM: '蓝图 <lantu@example.org>' })!;
/** The decoded text of a received mail (nodemailer encodes non-ASCII as quoted-printable or base64). */
function decoded(raw: string): { subject: string; text: string } {
  const subject = (/^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '').replace(/\r\n[ \t]/g, '').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, s: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(s, 'base64').toString('utf8') : Buffer.from(s.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
  const [head, ...rest] = raw.split('\r\n\r\n');
  let body = rest.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: base64/i.test(head)) body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return { subject, text: body };
}

test('the environment configures the transport: a URL, or host, port, user and password', () => {
  assert.equal(mailConfig({}), undefined);
  assert.deepEqual(mailConfig({ LANTU_SMTP_HOST: 'mail.example.org', LANTU_SMTP_USER: 'u', LANTU_SMTP_PASS: 'p', LANTU_MAIL_FROM: 'a@example.org' }), {
    transport: { host: 'mail.example.org', port: 587, secure: false, auth: { user: 'u', pass: 'p' } }, from: 'a@example.org',
  });
  assert.equal((mailConfig({ LANTU_SMTP_HOST: 'h', LANTU_SMTP_PORT: '465' })!.transport as { secure: boolean }).secure, true);
});

test('a queued mail is delivered by the SMTP server with its sender, recipient, subject and text', async () => {
  assert.equal(await queueMail(t.store, { to: 'dept@example.org', subject: '【蓝图】督办〔2026〕1号 已回复', text: '回复：已完成2万亩' }), true);
  assert.equal(await queueMail(t.store, { to: 'not an address', subject: 'x', text: 'x' }), false);
  const mailer = new Mailer(t.store, config(), () => {});
  assert.equal(await mailer.flush(), 1);
  assert.equal(received.length, 1);
  assert.equal(received[0].from, 'lantu@example.org');
  assert.deepEqual(received[0].to, ['dept@example.org']);
  const m = decoded(received[0].data);
  assert.equal(m.subject, '【蓝图】督办〔2026〕1号 已回复');
  assert.match(m.text, /回复：已完成2万亩/);
  assert.equal(await mailer.flush(), 0, 'sent once');
  const row = await t.store.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
  assert.ok(row.sent_at);
  await mailer.stop();
});

test('calendar reminders are mailed to the unit\'s users once, however often the job runs', async () => {
  received.length = 0;
  const unit = t.units['dept-edu'];
  await createUser(t.store, { username: 'edu-mail', displayName: unit, password: PASSWORD, role: 'department', units: [unit] });
  await t.store.updateTable('users').set({ email: 'edu@example.org' }).where('username', '=', 'edu-mail').execute();
  const task = await t.store.selectFrom('task_units').select('task_id').where('unit', '=', unit).executeTakeFirstOrThrow();
  await t.store.updateTable('tasks').set({ deadline_rule: 'monthly:20', deadline_text: '每月20日前', deadline_date: null }).where('id', '=', task.task_id).execute();
  // three days before the 20th: one mail; run again: none more
  assert.equal(await queueReminders(t.store, '2026-03-17'), 1);
  assert.equal(await queueReminders(t.store, '2026-03-17'), 0);
  const mailer = new Mailer(t.store, config(), () => {});
  const round = await remindRound(t.store, mailer, () => {}, '2026-03-17');
  assert.deepEqual(round, { queued: 0, sent: 1 });
  assert.deepEqual(received.map((r) => r.to), [['edu@example.org']]);
  const m = decoded(received[0].data);
  assert.match(m.subject, /报送提醒：2026-03-20（3 天后）/);
  assert.match(m.text, /每月20日前/);
  // two days after the 20th, nothing reported: a second mail
  assert.equal(await queueReminders(t.store, '2026-03-22'), 1);
  assert.match((await t.store.selectFrom('mail_outbox').select('subject').orderBy('created_at', 'desc').executeTakeFirstOrThrow()).subject, /逾期未报送：2026-03-20/);
  await mailer.stop();
});

test('a failing server: the error is logged, the mail kept for a later attempt, nothing thrown', async () => {
  await t.store.deleteFrom('mail_outbox').execute();
  refuse = true;
  const log: string[] = [];
  await queueMail(t.store, { to: 'x@example.org', subject: '重试', text: '重试' });
  const mailer = new Mailer(t.store, config(), (l) => log.push(l));
  assert.equal(await mailer.flush(), 0);
  const row = await t.store.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.sent_at, null);
  assert.equal(row.attempts, 1);
  assert.ok(row.next_at > new Date().toISOString(), 'retried later');
  assert.match(log.join('\n'), /failed \(attempt 1 of 6\)/);
  refuse = false;
  await mailer.stop();
});

test('of two servers, one queues the reminders: a round finding the lock held skips them', async () => {
  const log: string[] = [];
  const skipped = await withLock(t.store, 'remind', () => remindRound(t.store, undefined, (l) => log.push(l), '2026-04-17'));
  assert.deepEqual(skipped, { queued: 0, sent: 0 });
  assert.match(log.join('\n'), /another server is queuing them now/);
  assert.equal((await remindRound(t.store, undefined, () => {}, '2026-04-17')).queued, 1, 'the lock released: the next round queues');
});

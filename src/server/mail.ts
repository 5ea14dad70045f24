// E-mail through nodemailer, never in a request: a request (or the reminder job) only adds a row to the
// store's outbox, in its own transaction; a sender in the background (Mailer, run by `lantu serve` and
// `lantu remind`) sends what is due, retries a failure with growing delays, and logs errors. Several
// servers on one store share the outbox: a sender claims a mail before it sends it.
// Configured by environment variables: LANTU_SMTP_URL (smtp[s]://user:pass@host:port), or LANTU_SMTP_HOST,
// LANTU_SMTP_PORT (587), LANTU_SMTP_USER, LANTU_SMTP_PASS, LANTU_SMTP_SECURE (TLS from the start; port 465);
// LANTU_MAIL_FROM (the sender); LANTU_BASE_URL (the address of the application, for links in mails).
import { randomBytes } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Store } from '../store/db.js';

export interface MailConfig {
  transport: string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  from: string;
}

/** Tries: a mail that failed this many times is given up (its error stays in the outbox). */
export const MAX_ATTEMPTS = 6;
/** A mail still unsent after this long is dropped rather than sent late (a reminder of last week). */
export const EXPIRE_HOURS = 72;
const CLAIM_MS = 2 * 60_000;

/** The mail settings from the environment, or undefined when no SMTP server is configured. */
export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | undefined {
  const from = env.LANTU_MAIL_FROM ?? 'lantu@localhost';
  if (env.LANTU_SMTP_URL) return { transport: env.LANTU_SMTP_URL, from };
  if (!env.LANTU_SMTP_HOST) return undefined;
  const port = Number(env.LANTU_SMTP_PORT ?? 587);
  const auth = env.LANTU_SMTP_USER ? { user: env.LANTU_SMTP_USER, pass: env.LANTU_SMTP_PASS ?? '' } : undefined;
  return { transport: { host: env.LANTU_SMTP_HOST, port, secure: /^(1|true|yes)$/i.test(env.LANTU_SMTP_SECURE ?? '') || port === 465, auth }, from };
}

/** A link into the application for a mail, when LANTU_BASE_URL says where it is served. */
export const appLink = (path: string, env: NodeJS.ProcessEnv = process.env): string => (env.LANTU_BASE_URL ? env.LANTU_BASE_URL.replace(/\/+$/, '') + path : path);

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}$/;
export const validEmail = (s: string): boolean => EMAIL.test(s);

/**
 * Adds a mail to the outbox (`db`: the store or the writer's transaction, so the mail goes only if the
 * change commits). With a `key`, a mail is queued once only: false when that key was queued before.
 */
export async function queueMail(db: Store, m: { to: string; subject: string; text: string; key?: string }): Promise<boolean> {
  if (!validEmail(m.to)) return false;
  const now = new Date().toISOString();
  const r = await db
    .insertInto('mail_outbox')
    .values({ id: randomBytes(12).toString('base64url'), key: m.key ?? null, to_addr: m.to, subject: m.subject.slice(0, 300), body: m.text.slice(0, 20000), created_at: now, attempts: 0, next_at: now, claimed_until: null, sent_at: null, error: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Sends the outbox's due mails; `flush()` once (a command, a test) or `start()` on a timer (a server). */
export class Mailer {
  private transporter: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(private store: Store, private config: MailConfig, private log: (line: string) => void = (l) => process.stderr.write(`lantu mail: ${l}\n`)) {
    this.transporter = nodemailer.createTransport(config.transport as Parameters<typeof nodemailer.createTransport>[0]);
  }

  /** Sends every due mail; the number sent. A failure is logged and retried later, never thrown. */
  flush(): Promise<number> {
    this.running ??= this.sendDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sendDue(): Promise<number> {
    const now = new Date();
    const iso = now.toISOString();
    const due = await this.store
      .selectFrom('mail_outbox').selectAll()
      .where('sent_at', 'is', null).where('next_at', '<=', iso).where('attempts', '<', MAX_ATTEMPTS)
      .where('created_at', '>', new Date(now.getTime() - EXPIRE_HOURS * 3600e3).toISOString())
      .where((e) => e.or([e('claimed_until', 'is', null), e('claimed_until', '<', iso)]))
      .orderBy('created_at').limit(50).execute();
    let sent = 0;
    for (const m of due) {
      // claim it: another server may be looking at the same row
      const claim = await this.store.updateTable('mail_outbox').set({ claimed_until: new Date(Date.now() + CLAIM_MS).toISOString() })
        .where('id', '=', m.id).where('sent_at', 'is', null).where((e) => e.or([e('claimed_until', 'is', null), e('claimed_until', '<', iso)])).executeTakeFirst();
      if (!(claim.numUpdatedRows > 0n)) continue;
      try {
        await this.transporter.sendMail({ from: this.config.from, to: m.to_addr, subject: m.subject, text: m.body });
        await this.store.updateTable('mail_outbox').set({ sent_at: new Date().toISOString(), claimed_until: null, error: null, attempts: m.attempts + 1 }).where('id', '=', m.id).execute();
        sent++;
      } catch (e) {
        const attempts = m.attempts + 1;
        const error = (e as Error).message.slice(0, 500);
        this.log(`sending "${m.subject}" to ${m.to_addr} failed (attempt ${attempts} of ${MAX_ATTEMPTS}): ${error}`);
        const next = new Date(Date.now() + 60_000 * 2 ** attempts).toISOString(); // 2, 4, 8 … minutes
        await this.store.updateTable('mail_outbox').set({ attempts, error, next_at: next, claimed_until: null }).where('id', '=', m.id).execute();
      }
    }
    return sent;
  }

  /** Sends every `everyMs` until stopped; a failing round is logged. */
  start(everyMs = 30_000): void {
    this.timer = setInterval(() => void this.flush().catch((e: Error) => this.log(`outbox: ${e.message}`)), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => {});
    this.transporter.close();
  }
}

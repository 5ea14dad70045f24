// What the notice routes write and read beyond one row: a notice inserted with the next number of its
// year (督办〔2026〕3号) — unique under concurrency on both stores: the unique index refuses a number two
// writers took at once, and the later one takes the next —, the files attached to a notice, and the
// mail that tells a notice's issuer of a reply.
import { randomBytes } from 'node:crypto';
import { inTransaction, type Store } from '../../../store/db.js';
import type { NoticeFilesTable, NoticesTable } from '../../../store/schema.js';
import { noticeNumber } from '../../../store/migrations-workflow.js';
import { appLink, queueMail } from '../../mail.js';

/** Files a notice may have, issuer's and replies' together. */
export const MAX_NOTICE_FILES = 10;

const uniqueViolation = (e: unknown) => {
  const err = e as { code?: string; message?: string };
  return err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed: notices\.number/.test(err.message ?? '');
};

/**
 * Inserts a notice with the next number of `year`, and runs `also` in the same transaction (the audit
 * line, its files); retried with the next number when another writer took this one meanwhile.
 */
export async function insertNumbered(store: Store, row: Omit<NoticesTable, 'number' | 'number_year' | 'number_seq'>, year: number, also: (trx: Store, n: NoticesTable) => Promise<void>): Promise<NoticesTable> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(store, async (trx) => {
        const max = await trx.selectFrom('notices').select((e) => e.fn.max('number_seq').as('m')).where('number_year', '=', year).executeTakeFirst();
        const seq = Number(max?.m ?? 0) + 1;
        const n: NoticesTable = { ...row, number_year: year, number_seq: seq, number: noticeNumber(year, seq) };
        await trx.insertInto('notices').values(n).execute();
        await also(trx, n);
        return n;
      });
    } catch (e) {
      if (!uniqueViolation(e) || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

export const noticeFiles = (store: Store, noticeId: string): Promise<NoticeFilesTable[]> =>
  store.selectFrom('notice_files').selectAll().where('notice_id', '=', noticeId).orderBy('uploaded_at').orderBy('id').execute();

export const fileRow = (noticeId: string, part: 'issue' | 'reply', f: { name: string; path: string; size: number }, by: string, at: string): NoticeFilesTable => ({
  id: randomBytes(12).toString('base64url'), notice_id: noticeId, part, name: f.name, path: f.path, size: f.size, uploaded_by: by, uploaded_at: at,
});

/** Queues a mail saying that the unit replied: to the notice's issuer, or where he has no address, to the
 *  supervision office's mailbox (LANTU_SUPERVISION_EMAIL), if either is known. */
export async function mailReply(trx: Store, n: NoticesTable, replier: string): Promise<boolean> {
  const issuer = await trx.selectFrom('users').select(['email', 'display_name']).where('id', '=', n.issued_by).executeTakeFirst();
  const to = issuer?.email || process.env.LANTU_SUPERVISION_EMAIL;
  if (!to) return false;
  const text = [
    `${issuer?.display_name ?? '督查室'}：`,
    '',
    `${n.unit}已回复${n.number ?? '督办通知'}（${replier}，${(n.replied_at ?? '').slice(0, 10)}）。`,
    '',
    `督办事项：${n.text}`,
    '',
    `回复：${n.reply ?? ''}`,
    '',
    `查看与办结：${appLink(`/notices/${encodeURIComponent(n.id)}`)}`,
    '',
    '（蓝图·规划实施监测评估系统自动发送，请勿直接回复）',
  ].join('\n');
  return queueMail(trx, { to, subject: `【蓝图】${n.number ?? '督办通知'} 已回复 — ${n.unit}`, text });
}

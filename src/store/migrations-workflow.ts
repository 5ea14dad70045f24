// 015_workflow, listed by migrations.ts: closing the supervision loop — 督办 notices numbered per year
// (督办〔2026〕3号, unique), files attached to notices, users' e-mail addresses, and the outbox of mail
// to send (a reminder's key is unique, so it is mailed once). The same for SQLite and PostgreSQL.
import type { Kysely, Migration } from 'kysely';

export const noticeNumber = (year: number, seq: number): string => `督办〔${year}〕${seq}号`;

export const m015Workflow: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('notices').addColumn('number_year', 'integer').execute();
    await db.schema.alterTable('notices').addColumn('number_seq', 'integer').execute();
    await db.schema.alterTable('notices').addColumn('number', 'text').execute();
    await db.schema.createIndex('notices_number').on('notices').columns(['number_year', 'number_seq']).unique().execute();
    // notices issued before: numbered in the order they were issued
    const old: Array<{ id: string; issued_at: string }> = await db.selectFrom('notices').select(['id', 'issued_at']).orderBy('issued_at').orderBy('id').execute();
    const next = new Map<number, number>();
    for (const n of old) {
      const year = Number(n.issued_at.slice(0, 4));
      const seq = (next.get(year) ?? 0) + 1;
      next.set(year, seq);
      await db.updateTable('notices').set({ number_year: year, number_seq: seq, number: noticeNumber(year, seq) }).where('id', '=', n.id).execute();
    }
    await db.schema
      .createTable('notice_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id').onDelete('cascade'))
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notice_files_notice').on('notice_files').column('notice_id').execute();
    await db.schema.alterTable('users').addColumn('email', 'text').execute();
    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.unique())
      .addColumn('to_addr', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_at', 'text', (c) => c.notNull())
      .addColumn('claimed_until', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('error', 'text')
      .execute();
    await db.schema.createIndex('mail_outbox_pending').on('mail_outbox').columns(['sent_at', 'next_at']).execute();
  },
};

// 014_admin: what administration in the browser keeps — users that can be disabled, targets assigned to
// responsible units by a planner, the registry's edits made in the application, document upload jobs and
// the source of an official figure entered by hand. The same for SQLite and PostgreSQL.
import type { Kysely, Migration } from 'kysely';

export const m014Admin: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('users').addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema
      .createTable('target_units')
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('assigned_by', 'text', (c) => c.notNull())
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('target_units_pk', ['target_id', 'unit'])
      .execute();
    await db.schema.createIndex('target_units_unit').on('target_units').column('unit').execute();
    await db.schema
      .createTable('indicator_edits')
      .addColumn('indicator_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('synonyms', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ingest_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('files', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.alterTable('actuals').addColumn('source_note', 'text').execute();
  },
};

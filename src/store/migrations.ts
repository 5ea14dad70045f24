// Migrations, the same for SQLite and PostgreSQL (Kysely's schema builder with portable types): 001–007 here, 008–013 in
// migrations-008.ts, all listed in order by the provider at the end.
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { m008Statuses, m009TextHash, m010Search, m011Shared, m012ActualBounds, m013UnitOrder } from './migrations-008.js';
import { m014Admin } from './migrations-admin.js';
import { m016Incremental, m017KeyedReads } from './migrations-016.js';
import { m018SearchItems } from './migrations-018.js';
import { m015Workflow } from './migrations-workflow.js';

export { fillTextHashes } from './migrations-008.js';

const DOUBLE = sql`double precision`;

const m001: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sources')
      .addColumn('content_hash', 'text', (c) => c.primaryKey())
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('encoding', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_hash', 'text', (c) => c.notNull().references('sources.content_hash').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('type', 'text')
      .addColumn('doc_number', 'text')
      .addColumn('issuer', 'text')
      .addColumn('date', 'text')
      .addColumn('region', 'text')
      .addColumn('level', 'text')
      .addColumn('line_first', 'integer', (c) => c.notNull())
      .addColumn('line_last', 'integer', (c) => c.notNull())
      .addColumn('record', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('facts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('value', DOUBLE, (c) => c.notNull())
      .addColumn('upper', DOUBLE)
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('modality', 'text', (c) => c.notNull())
      .addColumn('comparator', 'text', (c) => c.notNull())
      .addColumn('year', 'integer')
      .addColumn('quote', 'text', (c) => c.notNull())
      .addColumn('norm_value', DOUBLE)
      .addColumn('norm_unit', 'text')
      .addColumn('region', 'text')
      .execute();
    await db.schema
      .createTable('tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ordinal', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('section', 'text')
      .addColumn('deadline_text', 'text')
      .addColumn('deadline_date', 'text')
      .addColumn('deadline_rule', 'text')
      .execute();
    await db.schema
      .createTable('task_units')
      .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit', 'role'])
      .execute();
    await db.schema
      .createTable('table_rows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('table_label', 'text', (c) => c.notNull())
      .addColumn('no', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('attribute', 'text')
      .addColumn('columns', 'text', (c) => c.notNull())
      .addColumn('cells', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('unit_family', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('attribute', 'text')
      .addColumn('category', 'text')
      .addColumn('synonyms', 'text', (c) => c.notNull())
      .addColumn('cumulative', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('links')
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
      .addColumn('confidence', DOUBLE, (c) => c.notNull())
      .addColumn('manual', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('links_pk', ['subject_id'])
      .execute();
    for (const t of ['targets', 'actuals']) {
      let b = db.schema
        .createTable(t)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('value', DOUBLE, t === 'actuals' ? (c) => c.notNull() : (c) => c)
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text')
        .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('cascade'))
        .addColumn('line', 'integer');
      b =
        t === 'targets'
          ? b
              .addColumn('upper', DOUBLE)
              .addColumn('words', 'text')
              .addColumn('comparator', 'text', (c) => c.notNull())
              .addColumn('baseline_year', 'integer')
              .addColumn('baseline_value', DOUBLE)
              .addColumn('attribute', 'text')
              .addColumn('set_in', 'integer')
          : b.addColumn('vintage', 'text', (c) => c.notNull()).addColumn('reported', 'text');
      await b.execute();
    }
    await db.schema
      .createTable('regions')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('parent', 'text')
      .execute();
    await db.schema
      .createTable('issues')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('indicator_id', 'text')
      .addColumn('region', 'text')
      .addColumn('year', 'integer')
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('facts_document').on('facts').column('document_id').execute();
    await db.schema.createIndex('targets_indicator').on('targets').columns(['indicator_id', 'region', 'year']).execute();
    await db.schema.createIndex('actuals_indicator').on('actuals').columns(['indicator_id', 'region', 'year']).execute();
    await db.schema.createIndex('task_units_unit').on('task_units').column('unit').execute();
  },
};

/** The web application: users and sessions, progress updates and their review, 督办 notices, audit log. */
const m002: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull()) // admin / planner / department / supervisor / leader
      .addColumn('units', 'text', (c) => c.notNull().defaultTo('[]')) // JSON: the units a department user answers for
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('updates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject_kind', 'text', (c) => c.notNull()) // task / target
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull()) // 2025, 2025-Q2, 2025-06
      .addColumn('value', DOUBLE)
      .addColumn('progress', DOUBLE) // % done, for tasks
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('evidence_name', 'text')
      .addColumn('evidence_path', 'text')
      .addColumn('status', 'text', (c) => c.notNull()) // submitted / approved / returned
      .addColumn('comment', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text')
      .execute();
    await db.schema
      .createTable('notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('task_id', 'text')
      .addColumn('target_id', 'text')
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('reply_deadline', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // issued / replied / closed
      .addColumn('reply', 'text')
      .addColumn('replied_by', 'text')
      .addColumn('replied_at', 'text')
      .addColumn('issued_by', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('username', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .execute();
    await db.schema.createIndex('updates_subject').on('updates').columns(['subject_kind', 'subject_id']).execute();
    await db.schema.createIndex('notices_unit').on('notices').column('unit').execute();
    await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();
  },
};

/** What a number measures over time (basis and period, STATUS.md) on facts, targets and actuals; a target's unit. */
const m003: Migration = {
  async up(db: Kysely<any>) {
    for (const t of ['facts', 'targets', 'actuals']) {
      await db.schema.alterTable(t).addColumn('basis', 'text', (c) => c.notNull().defaultTo('year')).execute();
      await db.schema.alterTable(t).addColumn('period_from', 'integer').execute();
      await db.schema.alterTable(t).addColumn('period_to', 'integer').execute();
    }
    await db.schema.alterTable('targets').addColumn('unit', 'text').execute();
    // conflicts between statements of one target, settled by a person and kept across re-ingest
    for (const c of ['subject', 'choice', 'settled_by', 'settled_at']) await db.schema.alterTable('issues').addColumn(c, 'text').execute();
  },
};

/** GB/T 2260 codes of the regions: the regions table and each stored document's region. */
const m004RegionCodes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('regions').addColumn('code', 'text').execute();
    await db.schema.alterTable('documents').addColumn('region_code', 'text').execute();
  },
};

/** Projects followed across documents, and their mentions (the timeline), filled by the refresh. */
const m005Projects: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('projects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('core', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('aliases', 'text', (c) => c.notNull())
      .addColumn('capacity', 'text')
      .addColumn('stage', 'text')
      .addColumn('stage_words', 'text')
      .addColumn('stage_year', 'integer')
      .addColumn('regions', 'text', (c) => c.notNull())
      .addColumn('mentions', 'integer', (c) => c.notNull())
      .addColumn('documents', 'integer', (c) => c.notNull())
      .addColumn('first_year', 'integer')
      .addColumn('last_year', 'integer')
      .execute();
    await db.schema
      .createTable('project_mentions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('stage', 'text')
      .addColumn('stage_words', 'text')
      .addColumn('modality', 'text', (c) => c.notNull())
      .addColumn('year', 'integer')
      .addColumn('year_end', 'integer')
      .addColumn('date', 'text')
      .addColumn('capacity', 'text')
      .addColumn('quote', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('project_mentions_project').on('project_mentions').columns(['project_id', 'seq']).execute();
    await db.schema.createIndex('project_mentions_document').on('project_mentions').column('document_id').execute();
  },
};

// 006_harden: the store's own state, one value per key — `derived`: the fingerprint of the registry the
// derived data was last rebuilt from, or 'stale' after documents were stored and before the rebuild
const m006Harden: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('store_state').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
  },
};

/** The exact characters of facts, tasks and table rows: [span_start, span_end) offsets of the original text. */
const m007: Migration = {
  async up(db: Kysely<any>) {
    for (const t of ['facts', 'tasks', 'table_rows']) {
      await db.schema.alterTable(t).addColumn('span_start', 'integer').execute();
      await db.schema.alterTable(t).addColumn('span_end', 'integer').execute();
    }
  },
};

export const migrations: MigrationProvider = {
  async getMigrations() {
    return { '001_initial': m001, '002_web': m002, '003_basis': m003, '004_region_codes': m004RegionCodes, '005_projects': m005Projects, '006_harden': m006Harden, '007_spans': m007, '008_statuses': m008Statuses, '009_text_hash': m009TextHash, '010_search': m010Search, '011_shared': m011Shared, '012_actual_bounds': m012ActualBounds, '013_unit_order': m013UnitOrder, '014_admin': m014Admin, '015_workflow': m015Workflow, '016_incremental': m016Incremental, '017_keyed_reads': m017KeyedReads, '018_search_items': m018SearchItems };
  },
};

// Migrations, the same for SQLite and PostgreSQL (Kysely's schema builder with portable types).
import { type Kysely, type Migration, type MigrationProvider, PostgresAdapter, sql } from 'kysely';
import { textFingerprint } from '../read/fingerprint.js';
import type { Store } from './db.js';
import { indexStoredLines } from './search-index.js';

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

// 008_statuses: the statuses of every distinct target as the engine judged them, kept per stamp (the date
// judged as of and the generation of the store's monitoring data), so that pages query what they show
const m008Statuses: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('statuses')
      .addColumn('stamp', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('indicator_id', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('attribute', 'text')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text')
      .addColumn('row', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('statuses_pk', ['stamp', 'seq'])
      .execute();
    for (const col of ['indicator_id', 'region', 'status', 'document_id'])
      await db.schema.createIndex(`statuses_${col}`).on('statuses').columns(['stamp', col]).execute();
  },
};

// 011_shared: what several servers on one database must share — failed logins, counted per account and
// per address over a sliding minute (login-limit.ts)
const m011Shared: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('login_failures').addColumn('key', 'text', (c) => c.notNull()).addColumn('at', 'bigint', (c) => c.notNull()).execute();
    await db.schema.createIndex('login_failures_key').on('login_failures').columns(['key', 'at']).execute();
    await db.schema.createIndex('login_failures_at').on('login_failures').column('at').execute();
  },
};

// 012_actual_bounds: an actual reported only as a bound ("5.5以内": ≤ 5.5) keeps its comparator
const m012ActualBounds: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('actuals').addColumn('bound', 'text').execute();
  },
};

// 010_search: every non-blank line of each stored document (search_lines: document, line, text), written
// with the document (store/search-index.ts: at ingest and restore; here for documents stored before) and
// deleted with it (ON DELETE CASCADE), so that search never builds anything at query time. SQLite: an FTS5 table with the trigram
// tokenizer over the lines (external content, kept by triggers on search_lines). PostgreSQL: a pg_trgm
// GIN index for ILIKE; without the extension the table is scanned (a warning says so).
/** pg_trgm's schema, creating the extension (in public when it can) if the server has it; else undefined. */
async function trigramSchema(db: Kysely<any>): Promise<string | undefined> {
  const where = async () => (await sql<{ s: string }>`SELECT n.nspname AS s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`.execute(db)).rows[0]?.s;
  if ((await where()) === undefined && (await sql`SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'`.execute(db)).rows.length) {
    for (const target of [sql`SCHEMA public`, sql``]) {
      // a failed statement aborts the migration's transaction: try each under a savepoint
      if (db.isTransaction) await sql`SAVEPOINT lantu_trgm`.execute(db);
      try {
        await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm ${target}`.execute(db);
        break;
      } catch {
        if (db.isTransaction) await sql`ROLLBACK TO SAVEPOINT lantu_trgm`.execute(db);
      }
    }
  }
  return where();
}

const m010Search: Migration = {
  async up(db: Kysely<any>) {
    const pg = db.getExecutor().adapter instanceof PostgresAdapter;
    if (!pg) {
      // the index earlier versions built at the first search
      await sql`DROP TABLE IF EXISTS search_lines`.execute(db);
      await sql`DROP TABLE IF EXISTS search_indexed`.execute(db);
    }
    const id = pg ? sql`id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY` : sql`id INTEGER PRIMARY KEY`;
    await sql`CREATE TABLE search_lines (${id}, document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE, line integer NOT NULL, text text NOT NULL)`.execute(db);
    await db.schema.createIndex('search_lines_document').on('search_lines').columns(['document_id', 'line']).execute();
    await db.schema.createIndex('documents_file_seq').on('documents').columns(['file', 'seq']).execute();
    if (pg) {
      const trgm = await trigramSchema(db);
      if (trgm) await sql`CREATE INDEX search_lines_trgm ON search_lines USING gin (text ${sql.id(trgm, 'gin_trgm_ops')})`.execute(db);
      else process.stderr.write('lantu: the PostgreSQL extension pg_trgm cannot be created: search scans the stored lines without an index\n');
      await indexStoredLines(db as Store);
      return;
    }
    await sql`CREATE VIRTUAL TABLE search_lines_fts USING fts5(text, content='search_lines', content_rowid='id', tokenize='trigram')`.execute(db);
    await sql`CREATE TRIGGER search_lines_ai AFTER INSERT ON search_lines BEGIN INSERT INTO search_lines_fts (rowid, text) VALUES (new.id, new.text); END`.execute(db);
    await sql`CREATE TRIGGER search_lines_ad AFTER DELETE ON search_lines BEGIN INSERT INTO search_lines_fts (search_lines_fts, rowid, text) VALUES ('delete', old.id, old.text); END`.execute(db);
    await indexStoredLines(db as Store);
  },
};

/**
 * Fills `sources.text_hash` where it is missing (sources stored before 009_text_hash, or restored from an
 * older backup), one source at a time so a store of large texts is not read into memory at once.
 */
export async function fillTextHashes(db: Kysely<any>): Promise<number> {
  const missing: Array<{ content_hash: string }> = await db.selectFrom('sources').select('content_hash').where('text_hash', 'is', null).execute();
  for (const { content_hash } of missing) {
    const { text } = await db.selectFrom('sources').select('text').where('content_hash', '=', content_hash).executeTakeFirstOrThrow();
    await db.updateTable('sources').set({ text_hash: textFingerprint(text) }).where('content_hash', '=', content_hash).execute();
  }
  return missing.length;
}

// 009_text_hash: the fingerprint of a source's text (src/read/fingerprint.ts), so that a copy of a stored
// document in another form (other blank lines or spaces, GBK, DOCX) is recognised by its text
const m009TextHash: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('sources').addColumn('text_hash', 'text').execute();
    await db.schema.createIndex('sources_text_hash').on('sources').column('text_hash').execute();
    await fillTextHashes(db);
  },
};

// 013_unit_order: the order of a task's units as the document names them (the lead first), kept as a
// column so that a restored store (backup.ts) reads them back in the same order; rows of an older store
// are numbered in the order they are read, the order they were written in
const m013UnitOrder: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('task_units').addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    const next = new Map<string, number>();
    for (const r of (await db.selectFrom('task_units').select(['task_id', 'unit', 'role']).execute()) as Array<{ task_id: string; unit: string; role: string }>) {
      const seq = next.get(r.task_id) ?? 0;
      next.set(r.task_id, seq + 1);
      if (seq) await db.updateTable('task_units').set({ seq }).where('task_id', '=', r.task_id).where('unit', '=', r.unit).where('role', '=', r.role).execute();
    }
  },
};

export const migrations: MigrationProvider = {
  async getMigrations() {
    return { '001_initial': m001, '002_web': m002, '003_basis': m003, '004_region_codes': m004RegionCodes, '005_projects': m005Projects, '006_harden': m006Harden, '007_spans': m007, '008_statuses': m008Statuses, '009_text_hash': m009TextHash, '010_search': m010Search, '011_shared': m011Shared, '012_actual_bounds': m012ActualBounds, '013_unit_order': m013UnitOrder };
  },
};

// Migration 016_incremental, listed by migrations.ts: what lets a new document be linked, derived and
// judged without rebuilding the whole store (monitor/refresh-documents.ts, monitor/statuses.ts).
// - derive_queue: the documents stored but not yet derived, written with them (so an interrupted ingest
//   leaves a queue the next command finishes, not a store that says "unchanged");
// - facts.adhoc_id: the metric an unlinked fact is followed under when some document sets a target for
//   it (monitor/adhoc.ts), so that a new target finds the earlier figures of its metric by key;
// - status_dirty: the regions whose statuses are out of date since they were judged, with the generation
//   that made them so ('*': all of them);
// - statuses again, ordered by region and the order within it (a region judged again keeps its place),
//   and the indexes the keyed queries use.
import { type Kysely, type Migration, sql } from 'kysely';
import { DERIVED, STALE } from './state.js';

export const m016Incremental: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('derive_queue').addColumn('document_id', 'text', (c) => c.primaryKey()).execute();
    await db.schema.alterTable('facts').addColumn('adhoc_id', 'text').execute();
    await db.schema.createIndex('facts_adhoc').on('facts').column('adhoc_id').execute();
    await db.schema
      .createTable('status_dirty')
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('generation', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('status_dirty_pk', ['region', 'generation'])
      .execute();
    // the kept statuses are a cache of the engine's judgement: dropped, judged again on first read
    await db.schema.dropTable('statuses').execute();
    await sql`DELETE FROM store_state WHERE key = 'statuses'`.execute(db);
    await db.schema
      .createTable('statuses')
      .addColumn('stamp', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('indicator_id', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('attribute', 'text')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text')
      .addColumn('row', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('statuses_pk', ['stamp', 'region', 'seq'])
      .execute();
    for (const col of ['indicator_id', 'status', 'document_id'])
      await db.schema.createIndex(`statuses_${col}`).on('statuses').columns(['stamp', col]).execute();
    await db.schema.createIndex('table_rows_document').on('table_rows').column('document_id').execute();
    await db.schema.createIndex('targets_region').on('targets').column('region').execute();
    await db.schema.createIndex('actuals_region').on('actuals').column('region').execute();
    await db.schema.createIndex('issues_subject').on('issues').column('subject').execute();
    await db.schema.createIndex('issues_indicator').on('issues').columns(['indicator_id', 'kind']).execute();
    await db.schema.createIndex('projects_core').on('projects').column('core').execute();
    await db.schema.createIndex('targets_source').on('targets').column('source_id').execute();
    await db.schema.createIndex('actuals_source').on('actuals').column('source_id').execute();
    // facts have no adhoc_id yet: the next command derives the whole store again
    await sql`UPDATE store_state SET value = ${STALE} WHERE key = ${DERIVED}`.execute(db);
  },
};

// Migration 017_keyed_reads: two reads that scanned a whole table on every new file or batch, found by
// key instead — a file's documents by its content hash (every file ingested asks whether its bytes are
// stored), and the links of an indicator (the names its table rows go by, for drift issues, found again
// for each batch of new documents that link a row to it). At 30,000 documents these scans made ingest
// slow down as the store grew.
export const m017KeyedReads: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('documents_content_hash').on('documents').column('content_hash').execute();
    await db.schema.createIndex('links_indicator').on('links').columns(['indicator_id', 'subject_kind']).execute();
  },
};

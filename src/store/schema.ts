// The store's tables, one schema for the embedded store (SQLite) and PostgreSQL. Ids are text
// (content-derived hashes), values double precision, flags integers 0/1, lists JSON text.
import type { Generated } from 'kysely';

export interface SourcesTable {
  content_hash: string; // sha256 of the file's bytes
  file: string;
  format: string;
  encoding: string | null;
  text: string; // the original text, so every record can show its source line
  ingested_at: string;
  /** sha256 of the text normalised (src/read/fingerprint.ts): the same text in another form has the same; null until filled */
  text_hash: string | null;
}

export interface DocumentsTable {
  id: string;
  content_hash: string;
  seq: number; // position in the file (a bundle holds many)
  file: string;
  title: string;
  type: string | null;
  doc_number: string | null;
  issuer: string | null;
  date: string | null;
  region: string | null;
  region_code: string | null; // GB/T 2260 (the national level: 100000)
  level: string | null;
  line_first: number;
  line_last: number;
  record: string; // the whole DocumentRecord as JSON (sections, tables, metadata)
}

export interface FactsTable {
  id: string;
  document_id: string;
  seq: number;
  line: number;
  metric: string;
  value: number;
  upper: number | null;
  unit: string;
  measure: string;
  modality: string;
  comparator: string;
  year: number | null;
  quote: string;
  norm_value: number | null;
  norm_unit: string | null;
  region: string | null;
  basis: string; // year / average / cumulative / since (STATUS.md)
  period_from: number | null;
  period_to: number | null;
  span_start: number | null; // original offsets of the quote: [span_start, span_end)
  span_end: number | null;
  adhoc_id: string | null; // an unlinked fact: the metric it is followed under (016_incremental)
}

export interface TasksTable {
  id: string;
  document_id: string;
  seq: number;
  line: number;
  kind: string;
  ordinal: string | null;
  title: string;
  section: string | null;
  deadline_text: string | null;
  deadline_date: string | null;
  deadline_rule: string | null;
  span_start: number | null; // original offsets of the title
  span_end: number | null;
}

export interface TaskUnitsTable {
  task_id: string;
  unit: string;
  role: string; // lead / unit / support
  /** The unit's place among the task's units, as the document names them (the lead first). */
  seq: Generated<number>;
}

export interface TableRowsTable {
  id: string;
  document_id: string;
  table_label: string;
  no: string;
  name: string;
  unit: string;
  category: string | null;
  attribute: string | null;
  columns: string; // JSON string[]
  cells: string; // JSON CellValue[]
  line: number;
  span_start: number | null; // original offsets of the row's line
  span_end: number | null;
}

export interface IndicatorsTable {
  id: string;
  name: string;
  unit: string;
  unit_family: string;
  direction: string;
  attribute: string | null;
  category: string | null;
  synonyms: string; // JSON string[]
  cumulative: number;
}

/** A fact or table row linked to an indicator, with the confidence of the automatic link or by hand. */
export interface LinksTable {
  subject_id: string; // a fact id or a table row id
  subject_kind: string; // fact / row
  indicator_id: string;
  confidence: number;
  manual: number;
  updated_at: string;
}

export interface TargetsTable {
  id: string;
  indicator_id: string;
  region: string;
  year: number; // the target year
  value: number | null;
  upper: number | null;
  words: string | null;
  comparator: string;
  measure: string; // level / change (a growth rate)
  baseline_year: number | null;
  baseline_value: number | null;
  attribute: string | null;
  source_kind: string; // fact / row / manual
  source_id: string | null;
  document_id: string | null;
  line: number | null;
  set_in: number | null; // the year of the document that set it
  basis: string; // year / average / cumulative / since
  period_from: number | null;
  period_to: number | null;
  unit: string | null; // the indicator's unit the value is in
}

export interface ActualsTable {
  id: string;
  indicator_id: string;
  region: string;
  year: number;
  value: number;
  measure: string;
  vintage: string; // estimate (预计数) / first / revised / manual
  source_kind: string;
  source_id: string | null;
  document_id: string | null;
  line: number | null;
  reported: string | null; // date of the document (or entry) that reported it
  basis: string; // year / average / cumulative / since
  period_from: number | null;
  period_to: number | null;
  /** Reported only as a bound (012): lte "5.5以内", lt, gte "以上", gt; null for a figure. */
  bound?: string | null;
  /** Where an official figure entered by hand comes from (014_admin): 2025年统计公报 … */
  source_note?: string | null;
}

export interface RegionsTable {
  name: string;
  code: string | null; // GB/T 2260 (the national level: 100000)
  level: string;
  parent: string | null;
}

export interface IssuesTable {
  id: string;
  kind: string; // conflict / break / drift
  indicator_id: string | null;
  region: string | null;
  year: number | null;
  detail: string;
  status: string; // open / settled
  subject: string | null; // for conflicts between statements of one target: the target's key (distinct.ts)
  choice: string | null; // the source id of the statement a person chose as authoritative
  settled_by: string | null;
  settled_at: string | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string; // admin / planner / department / supervisor / leader
  units: string; // JSON string[]
  created_at: string;
  /** 1: cannot log in (014_admin). */
  disabled?: Generated<number>;
  email?: string | null; // where reminders and notifications are mailed (015_workflow)
}

export interface SessionsTable {
  id: string;
  user_id: string;
  expires_at: string;
  created_at: string;
}

export interface UpdatesTable {
  id: string;
  subject_kind: string; // task / target
  subject_id: string;
  unit: string;
  period: string;
  value: number | null;
  progress: number | null;
  text: string;
  evidence_name: string | null;
  evidence_path: string | null;
  status: string; // submitted / approved / returned
  comment: string | null;
  version: number;
  submitted_by: string;
  submitted_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

export interface NoticesTable {
  id: string;
  task_id: string | null;
  target_id: string | null;
  unit: string;
  text: string;
  reply_deadline: string;
  status: string; // issued / replied / closed
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
  issued_by: string;
  issued_at: string;
  version: number;
  // 督办〔2026〕3号: numbered per year of issue, unique (015_workflow; null before it)
  number_year: number | null;
  number_seq: number | null;
  number: string | null;
}

/** A file attached to a 督办 notice by its issuer ('issue') or by the replying unit ('reply') (015_workflow). */
export interface NoticeFilesTable {
  id: string;
  notice_id: string;
  part: string; // issue / reply
  name: string; // the user's file name, for display only
  path: string; // the random name under the upload directory
  size: number;
  uploaded_by: string;
  uploaded_at: string;
}

/** Mail waiting to be sent, or sent (015_workflow); `key` makes a reminder mailed once only. */
export interface MailOutboxTable {
  id: string;
  key: string | null;
  to_addr: string;
  subject: string;
  body: string;
  created_at: string;
  attempts: number;
  next_at: string; // not before (ISO time): retries back off
  claimed_until: string | null; // a sender is working on it until then
  sent_at: string | null;
  error: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

/** A project followed across documents by its core name (src/monitor/projects/). */
export interface ProjectsTable {
  id: string; // from the core name: stable across refreshes
  core: string; // 南山口抽水蓄能电站
  kind: string; // 抽水蓄能电站
  aliases: string; // JSON string[]: the names as written
  capacity: string | null; // the latest capacity stated
  stage: string | null; // the stage now (vocab/projects.json)
  stage_words: string | null; // as written: 全面施工
  stage_year: number | null;
  regions: string; // JSON string[]: the regions of the documents that name it
  mentions: number;
  documents: number;
  first_year: number | null;
  last_year: number | null;
}

/** One mention of a project in a document: a dated stage of its timeline. */
export interface ProjectMentionsTable {
  id: string;
  project_id: string;
  document_id: string;
  seq: number; // place in the project's timeline
  line: number;
  name: string;
  stage: string | null;
  stage_words: string | null;
  modality: string; // actual / planned
  year: number | null;
  year_end: number | null; // the end of a plan's period
  date: string | null; // the document's date
  capacity: string | null;
  quote: string;
}

/** The store's own state (006_harden): `derived` is 'stale' or the fingerprint of the last rebuild. */
export interface StoreStateTable {
  key: string;
  value: string;
}

/** The statuses of the distinct targets as judged for one stamp (008_statuses); `row` is the StatusRow as JSON. */
export interface StatusesTable {
  stamp: string; // the date judged as of (the generation is in store_state: see monitor/statuses.ts)
  region: string;
  seq: number; // the engine's order within the region
  indicator_id: string;
  category: string | null;
  attribute: string | null;
  year: number;
  status: string;
  document_id: string | null; // the document of the authoritative statement
  row: string;
}

/** A failed login (011_shared): `u:account` or `a:address`, at epoch milliseconds. */
export interface LoginFailuresTable {
  key: string;
  at: number;
}

/** One non-blank line of a stored document, for search (filled by triggers on documents: 010_search). */
export interface SearchLinesTable {
  id: Generated<number>;
  document_id: string;
  line: number; // 1-based line of the original file
  text: string; // the line as written (a trailing \r dropped)
}

/**
 * What search finds besides lines (018_search_items): a document (title, file, number, issuer) or one of
 * its projects, written with the document, in the documents' order (file, doc_seq) and theirs (seq).
 */
export interface SearchItemsTable {
  id: Generated<number>;
  document_id: string;
  kind: 'document' | 'project';
  file: string;
  doc_seq: number; // the document's place in its file
  seq: number; // 0 for a document; a project's place in its document
  line: number; // a document's first line; a project's line
  label: string | null; // a project's name
  text: string; // what a hit shows: the title; 名称：内容
  hay: string; // what is matched: title, file, number and issuer a line each; box, name and content
}

/** A target assigned to a responsible unit by a planner (014_admin), besides the units of the task-division plans. */
export interface TargetUnitsTable {
  target_id: string;
  unit: string;
  assigned_by: string;
  assigned_at: string;
}

/** The registry's name, synonyms and direction of an indicator as edited in the application (014_admin). */
export interface IndicatorEditsTable {
  indicator_id: string;
  name: string;
  synonyms: string; // JSON string[]
  direction: string; // higher / lower
  updated_by: string;
  updated_at: string;
}

/** Documents uploaded in the browser and ingested in the background (014_admin); `files`: JSON of each file's outcome. */
export interface IngestJobsTable {
  id: string;
  status: string; // queued / running / done / failed
  files: string;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

/** A document stored and not yet derived (016_incremental). */
export interface DeriveQueueTable {
  document_id: string;
}

/** A region whose statuses are out of date, and the generation that made them so ('*': every region). */
export interface StatusDirtyTable {
  region: string;
  generation: string;
}

export interface Database {
  sources: SourcesTable;
  documents: DocumentsTable;
  facts: FactsTable;
  tasks: TasksTable;
  task_units: TaskUnitsTable;
  table_rows: TableRowsTable;
  indicators: IndicatorsTable;
  links: LinksTable;
  targets: TargetsTable;
  actuals: ActualsTable;
  regions: RegionsTable;
  issues: IssuesTable;
  users: UsersTable;
  sessions: SessionsTable;
  updates: UpdatesTable;
  notices: NoticesTable;
  notice_files: NoticeFilesTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  projects: ProjectsTable;
  project_mentions: ProjectMentionsTable;
  store_state: StoreStateTable;
  statuses: StatusesTable;
  login_failures: LoginFailuresTable;
  search_lines: SearchLinesTable;
  search_items: SearchItemsTable;
  target_units: TargetUnitsTable;
  indicator_edits: IndicatorEditsTable;
  ingest_jobs: IngestJobsTable;
  derive_queue: DeriveQueueTable;
  status_dirty: StatusDirtyTable;
}
